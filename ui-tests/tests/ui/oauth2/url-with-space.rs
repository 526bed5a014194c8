// CT-E1: a URL is an RFC 3986 URI-reference; a space is not a URI character
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "https://exa mple.com/token")]
struct Auth;

fn main() {}
