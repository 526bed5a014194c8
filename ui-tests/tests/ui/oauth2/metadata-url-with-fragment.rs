// CT-E4: a discovery URL has no fragment (RFC 8414 §2)
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(
    token_url = "/token",
    oauth2_metadata_url = "https://as.example.com/.well-known/oauth-authorization-server#x"
)]
struct Auth;

fn main() {}
