// DSL: scopes are separated by single commas
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes("read" = "Read items",, "write" = "Write items"))]
struct Auth;

fn main() {}
