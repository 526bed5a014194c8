// CT-A2/CT-G1: `mutualTLS` needs OpenAPI 3.1
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[mutual_tls(openapi = "3.0")]
struct Auth;

fn main() {}
