// DSL: a string literal with a suffix is rejected
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[api_key(header = "X-API-Key"suffix)]
struct Auth;

fn main() {}
