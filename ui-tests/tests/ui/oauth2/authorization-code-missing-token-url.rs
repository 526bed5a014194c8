// CT-D5: the `authorization_code` flow requires `token_url`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(authorization_code(authorization_url = "https://as.example.com/authorize"))]
struct Auth;

fn main() {}
