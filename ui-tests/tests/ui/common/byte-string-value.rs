// DSL: a byte string is not a string
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[api_key(header = b"X-API-Key")]
struct Auth;

fn main() {}
