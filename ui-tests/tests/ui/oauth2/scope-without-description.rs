// CT-D14: an OAuth2 scope needs a description: `"name" = "description"`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes("read", "write"))]
struct Auth;

fn main() {}
