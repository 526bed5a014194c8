// `scopes!` takes at most 12 names (the tuples `ScopeList` is implemented for).
use authscheme::{SecurityScheme, scopes};

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes("a" = "", "b" = "", "c" = "", "d" = "", "e" = "", "f" = "", "g" = "", "h" = "", "i" = "", "j" = "", "k" = "", "l" = "", "m" = ""))]
struct Many;

fn main() {
    let _ = <scopes!(Many: "a", "b", "c", "d", "e", "f", "g", "h", "i", "j", "k", "l", "m")>::SET;
}
