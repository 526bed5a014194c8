// CT-A3: `format` (bearerFormat) does not apply to API keys
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[api_key(header = "X-API-Key", format = "JWT")]
struct Auth;

fn main() {}
