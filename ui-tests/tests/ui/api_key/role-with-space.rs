// Role names follow the scope-token grammar (RFC 6749 §3.3): no spaces
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[api_key(header = "X-API-Key", roles("super user"))]
struct Auth;

fn main() {}
