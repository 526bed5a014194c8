// CT-D6: `authorization_url` does not apply to the `client_credentials` flow
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(client_credentials(token_url = "/token", authorization_url = "/authorize"))]
struct Auth;

fn main() {}
