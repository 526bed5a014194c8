// CT-D6: the flat form is a password flow; `authorization_url` belongs inside a flow
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", authorization_url = "/authorize")]
struct Auth;

fn main() {}
