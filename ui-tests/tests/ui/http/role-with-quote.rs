// Role names follow the scope-token grammar (RFC 6749 §3.3): no `"` or `\`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(basic, roles("a\"b", "c\\d"))]
struct Auth;

fn main() {}
