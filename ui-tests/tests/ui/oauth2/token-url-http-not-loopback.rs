// CT-E3: an absolute OAuth URL uses https (OAuth 2.1 §1.5, RFC 6749 §3.2)
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "http://as.example.com/token")]
struct Auth;

fn main() {}
