// CT-C4: a header name is an HTTP token (RFC 9110 §5.1); no space
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[api_key(header = "X API Key")]
struct Auth;

fn main() {}
