// CT-D13: a scope-token is ASCII
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes("naïve" = "Trusting"))]
struct Auth;

fn main() {}
