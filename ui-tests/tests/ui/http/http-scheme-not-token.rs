// CT-B2: `scheme` is an HTTP auth-scheme token (RFC 9110 §11.1); no space
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(scheme = "Bearer token")]
struct Auth;

fn main() {}
