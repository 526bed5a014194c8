// DSL: exactly one kind attribute per scheme
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token")]
#[http(bearer)]
struct Auth;

fn main() {}
