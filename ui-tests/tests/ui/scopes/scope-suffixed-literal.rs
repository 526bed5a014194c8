// Syntax: a scope name has no literal suffix
use authscheme::{SecurityScheme, scopes};

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes("items:read" = "Read items", "items:write" = "Write items"))]
struct ItemsAuth;

fn main() {
    let _ = <scopes!(ItemsAuth: "items:read"suffix)>::SET;
}
