// DSL: URL values are string literals
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = 42)]
struct Auth;

fn main() {}
