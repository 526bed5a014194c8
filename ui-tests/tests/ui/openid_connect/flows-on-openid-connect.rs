// CT-F3: OpenID Connect schemes have no flows
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[openid_connect(
    url = "https://id.example.com/.well-known/openid-configuration",
    authorization_code(authorization_url = "/authorize", token_url = "/token")
)]
struct Auth;

fn main() {}
