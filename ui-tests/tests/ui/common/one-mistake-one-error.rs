// No cascade: code using a scheme whose declaration failed gets no further errors
use authscheme::{SecurityScheme, scopes};

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token#x", scopes("read" = "Read items"))]
struct Auth;

fn main() {
    let _ = Auth::openapi();
    let _ = Auth::NAME;
    let _ = Auth::CONFIG;
    let _ = <scopes!(Auth: "read", "write")>::SET;
}
