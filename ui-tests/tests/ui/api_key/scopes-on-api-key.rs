// CT-A3: API keys have no scopes (declare `roles(..)`)
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[api_key(header = "X-API-Key", scopes("read" = "Read items"))]
struct Auth;

fn main() {}
