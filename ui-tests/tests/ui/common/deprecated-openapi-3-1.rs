// CT-A7: `deprecated` needs OpenAPI 3.2
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(openapi = "3.1", bearer, deprecated)]
struct Auth;

fn main() {}
