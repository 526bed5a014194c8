// CT-D5: the `device_authorization` flow requires `device_authorization_url`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(
    openapi = "3.2",
    device_authorization(token_url = "https://as.example.com/token")
)]
struct Auth;

fn main() {}
