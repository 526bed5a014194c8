// CT-J2: `x-oas-` is reserved from OpenAPI 3.1 on
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[mutual_tls(openapi = "3.2", extensions("x-oas-audience" = "internal"))]
struct Auth;

fn main() {}
