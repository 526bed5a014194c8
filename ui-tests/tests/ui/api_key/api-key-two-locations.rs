// CT-C1: exactly one of `header`, `query`, `cookie`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[api_key(header = "X-API-Key", query = "api_key")]
struct Auth;

fn main() {}
