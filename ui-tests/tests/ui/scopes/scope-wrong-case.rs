// CT-I3: scope names are case-sensitive (RFC 6749 §3.3)
use authscheme::{SecurityScheme, scopes};

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes("items:read" = "Read items", "items:write" = "Write items"))]
struct ItemsAuth;

fn main() {
    let _ = <scopes!(ItemsAuth: "Items:Read")>::SET;
}
