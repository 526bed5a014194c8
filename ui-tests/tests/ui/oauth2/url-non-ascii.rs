// CT-E1: non-ASCII characters must be percent-encoded
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "https://é.example.com/token")]
struct Auth;

fn main() {}
