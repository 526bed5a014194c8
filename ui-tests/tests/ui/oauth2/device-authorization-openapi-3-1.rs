// CT-D7: the `device_authorization` flow needs OpenAPI 3.2
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(
    openapi = "3.1",
    device_authorization(device_authorization_url = "/device", token_url = "/token")
)]
struct Auth;

fn main() {}
