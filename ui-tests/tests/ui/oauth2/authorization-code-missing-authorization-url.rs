// CT-D5: the `authorization_code` flow requires `authorization_url`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(authorization_code(token_url = "https://as.example.com/token"))]
struct Auth;

fn main() {}
