// DSL: `crate = ".."` is a module path, so `Self` is no segment of it and `crate`, `self` and
// `super` stand only at its start (found by the derive fuzz target, whose input
// `crate = "Self//.."` expanded to `use Self::__private::..`, which does not parse)
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, crate = "Self")]
struct Auth;

#[derive(SecurityScheme)]
#[http(bearer, crate = "deps::crate::authscheme")]
struct Other;

fn main() {}
