// CT-J2: `x-oai-` is reserved from OpenAPI 3.1 on (the default target)
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, extensions("x-oai-internal" = true))]
struct Auth;

fn main() {}
