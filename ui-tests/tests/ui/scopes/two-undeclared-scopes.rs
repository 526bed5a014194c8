// CT-I3: each undeclared scope is reported
use authscheme::{SecurityScheme, scopes};

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes("items:read" = "Read items", "items:write" = "Write items"))]
struct ItemsAuth;

fn main() {
    let _ = <scopes!(ItemsAuth: "admin", "items:read", "root")>::SET;
}
