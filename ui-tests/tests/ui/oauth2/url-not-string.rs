// DSL: a URL is a string literal
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = token)]
struct Auth;

fn main() {}
