// CT-I3: a scope declared by another scheme does not count
use authscheme::{SecurityScheme, scopes};

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes("items:read" = "Read items", "items:write" = "Write items"))]
struct ItemsAuth;

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes("admin" = "Administer"))]
struct AdminAuth;

fn main() {
    let _ = <scopes!(ItemsAuth: "admin")>::SET;
}
