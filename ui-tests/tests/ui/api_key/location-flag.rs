// DSL: `header` needs the header name: `header = "X-API-Key"`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[api_key(header)]
struct Auth;

fn main() {}
