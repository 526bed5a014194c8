// CT-A3: HTTP schemes have no scopes (declare `roles(..)`)
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, scopes("read" = "Read items"))]
struct Auth;

fn main() {}
