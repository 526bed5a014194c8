// I1: a type that is not a scheme gets one error, however many names follow
use authscheme::scopes;

struct NotAScheme;

fn main() {
    let _ = <scopes!(NotAScheme: "read", "write", "admin")>::SET;
}
