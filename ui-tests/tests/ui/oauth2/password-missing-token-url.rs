// CT-D5: the `password` flow requires `token_url`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(password(refresh_url = "/refresh"))]
struct Auth;

fn main() {}
