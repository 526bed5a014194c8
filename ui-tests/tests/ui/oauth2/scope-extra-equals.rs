// DSL: a scope is `"name" = "description"`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes("read" = "Read" = "items"))]
struct Auth;

fn main() {}
