// FastAPI's scheme_name is name
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, scheme_name = "jwt")]
struct Auth;

fn main() {}
