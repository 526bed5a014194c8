// CT-H1: `/` is not allowed in a component name
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[api_key(header = "X-API-Key", name = "auth/v1")]
struct Auth;

fn main() {}
