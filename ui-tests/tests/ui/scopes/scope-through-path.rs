// CT-I3: the message names the scheme as written, with its path
use authscheme::scopes;

mod auth {
    use authscheme::SecurityScheme;

    #[derive(SecurityScheme)]
    #[oauth2(token_url = "/token", scopes("items:read" = "Read items"))]
    pub struct ItemsAuth;
}

fn main() {
    let _ = <scopes!(auth::ItemsAuth: "items:write")>::SET;
}
