// CT-J3: an extension value is JSON-representable (infinity is not)
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, extensions("x-huge" = 1e400))]
struct Auth;

fn main() {}
