// CT-D14: a scope description is a string
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes("read" = 1))]
struct Auth;

fn main() {}
