// K: the target is one of 3.0, 3.1, 3.2
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(openapi = "2.0", bearer)]
struct Auth;

fn main() {}
