// CT-D6: `token_url` does not apply to the `implicit` flow
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(implicit(authorization_url = "/authorize", token_url = "/token"))]
struct Auth;

fn main() {}
