// DSL: `realm` only applies to basic
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, realm = "admin")]
struct Auth;

fn main() {}
