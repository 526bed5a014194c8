// CT-I3: an OAuth2 scheme with an empty scope map declares no scopes
use authscheme::{SecurityScheme, scopes};

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes())]
struct ItemsAuth;

fn main() {
    let _ = <scopes!(ItemsAuth: "items:read")>::SET;
}
