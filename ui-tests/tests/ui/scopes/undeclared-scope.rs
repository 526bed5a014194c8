// CT-I3: a required scope is declared by the scheme
use authscheme::{SecurityScheme, scopes};

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes("items:read" = "Read items", "items:write" = "Write items"))]
struct ItemsAuth;

fn main() {
    let _ = <scopes!(ItemsAuth: "admin")>::SET;
}
