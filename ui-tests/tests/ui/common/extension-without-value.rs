// DSL: an extension is `"x-key" = value`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, extensions("x-flag"))]
struct Auth;

fn main() {}
