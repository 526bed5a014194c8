// K: the target version is a string (`3.1` is a float literal)
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(openapi = 3.1, bearer)]
struct Auth;

fn main() {}
