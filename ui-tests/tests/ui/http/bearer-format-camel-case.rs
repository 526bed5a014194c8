// OpenAPI's bearerFormat is format
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, bearerFormat = "JWT")]
struct Auth;

fn main() {}
