// DSL: a scope name is a string literal (scope-tokens like `items:read` are not identifiers)
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes(read = "Read items"))]
struct Auth;

fn main() {}
