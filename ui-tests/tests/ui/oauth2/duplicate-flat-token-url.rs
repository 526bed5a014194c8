// CT-A5: a key appears once, also in the flat form
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", token_url = "/other-token")]
struct Auth;

fn main() {}
