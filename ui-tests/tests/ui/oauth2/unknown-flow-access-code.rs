// CT-D3: OpenAPI 2.0's `accessCode` flow is `authorization_code` in OpenAPI 3
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(access_code(authorization_url = "/authorize", token_url = "/token"))]
struct Auth;

fn main() {}
