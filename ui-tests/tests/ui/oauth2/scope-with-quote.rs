// CT-D13: `"` is not a scope-token character
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes("say\"hi\"" = "Greet"))]
struct Auth;

fn main() {}
