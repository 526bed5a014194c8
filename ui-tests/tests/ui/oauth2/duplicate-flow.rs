// CT-D4: each flow appears at most once
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(
    client_credentials(token_url = "/token"),
    client_credentials(token_url = "/other-token")
)]
struct Auth;

fn main() {}
