// DSL: the flat `token_url` is a password flow and cannot be combined with `password(..)`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", password(token_url = "/token"))]
struct Auth;

fn main() {}
