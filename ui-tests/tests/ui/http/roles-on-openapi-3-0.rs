// CT-I4: role names need OpenAPI 3.1
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(openapi = "3.0", bearer, roles("admin"))]
struct Auth;

fn main() {}
