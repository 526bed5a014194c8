// I1: `scopes!(T)` checks that `T` is a scheme too
use authscheme::scopes;

struct NotAScheme;

fn main() {
    let _ = <scopes!(NotAScheme)>::SET;
}
