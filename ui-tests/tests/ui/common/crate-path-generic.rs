// DSL: `crate = ".."` is a module path: no generic arguments (found by the derive fuzz target,
// whose input `crate = "i<A=B>"` expanded to Rust that did not parse)
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, crate = "deps<T = u8>::authscheme")]
struct Auth;

fn main() {}
