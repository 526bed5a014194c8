// CT-D13: a scope name is a non-empty scope-token
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes("" = "Everything"))]
struct Auth;

fn main() {}
