// DSL: `crate = ".."` is a path
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, crate = "not a path")]
struct Auth;

fn main() {}
