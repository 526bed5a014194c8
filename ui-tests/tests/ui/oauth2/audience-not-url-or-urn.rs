// CT-E9: an audience is an absolute https URL or a URN (RFC 8707 §2)
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", audience = "my api")]
struct Auth;

fn main() {}
