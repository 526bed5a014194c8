// CT-A5: a key appears once
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(client_credentials(token_url = "/token", token_url = "/other-token"))]
struct Auth;

fn main() {}
