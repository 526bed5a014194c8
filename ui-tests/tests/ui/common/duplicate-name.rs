// CT-A5: a key appears once
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, name = "jwt", name = "token")]
struct Auth;

fn main() {}
