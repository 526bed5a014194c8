// CT-A3: `audience` applies to bearer-token schemes only
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[api_key(header = "X-API-Key", audience = "https://api.example.com")]
struct Auth;

fn main() {}
