// CT-E4: no fragment in OAuth URLs (RFC 6749 §3.1)
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(implicit(authorization_url = "https://as.example.com/authorize#x"))]
struct Auth;

fn main() {}
