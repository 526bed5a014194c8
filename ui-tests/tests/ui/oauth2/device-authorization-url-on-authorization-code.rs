// CT-D6: `device_authorization_url` only applies to `device_authorization`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(authorization_code(
    authorization_url = "/authorize",
    token_url = "/token",
    device_authorization_url = "/device"
))]
struct Auth;

fn main() {}
