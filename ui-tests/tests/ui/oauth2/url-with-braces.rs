// CT-E1: braces are not URI characters; server templating does not apply to OAuth URLs
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "https://{tenant}.example.com/token")]
struct Auth;

fn main() {}
