// CT-A6: `description` is a string
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, description = 42)]
struct Auth;

fn main() {}
