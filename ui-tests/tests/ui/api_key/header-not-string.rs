// DSL: the header name is a string literal
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[api_key(header = X_API_KEY)]
struct Auth;

fn main() {}
