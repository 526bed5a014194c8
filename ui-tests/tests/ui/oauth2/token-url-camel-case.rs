// OpenAPI's tokenUrl is token_url
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(tokenUrl = "/token")]
struct Auth;

fn main() {}
