// CT-A3: `scheme` does not apply to API keys
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[api_key(header = "X-API-Key", scheme = "basic")]
struct Auth;

fn main() {}
