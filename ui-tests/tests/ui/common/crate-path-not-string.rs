// DSL: `crate` is a path in a string, as in serde
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, crate = authscheme)]
struct Auth;

fn main() {}
