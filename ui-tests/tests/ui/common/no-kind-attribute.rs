// DSL: the derive needs a kind attribute
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
/// A scheme with no kind.
struct Auth;

fn main() {}
