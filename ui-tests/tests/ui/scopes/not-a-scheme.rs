// I1: `scopes!` takes a type that derives SecurityScheme
use authscheme::scopes;

struct NotAScheme;

fn main() {
    let _ = <scopes!(NotAScheme: "read")>::SET;
}
