// CT-E9: a URN's namespace identifier has 2 to 32 characters (RFC 8141 §2)
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, audience = "urn:x")]
struct Auth;

fn main() {}
