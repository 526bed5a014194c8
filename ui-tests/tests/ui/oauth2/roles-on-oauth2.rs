// CT-A3: OAuth2 schemes declare scopes, not roles
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", roles("admin"))]
struct Auth;

fn main() {}
