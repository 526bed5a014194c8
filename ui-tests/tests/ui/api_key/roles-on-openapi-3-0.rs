// CT-I4: role names need OpenAPI 3.1 (3.0 requires empty lists for non-OAuth schemes)
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[api_key(openapi = "3.0", header = "X-API-Key", roles("admin"))]
struct Auth;

fn main() {}
