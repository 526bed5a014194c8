// CT-A3: the tokens' issuer is the scheme's, not a flow's
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(client_credentials(token_url = "/token", issuer = "https://idp.example.com"))]
struct Auth;

fn main() {}
