// CT-A4: keys are single identifiers, not paths
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, openapi::format = "JWT")]
struct Auth;

fn main() {}
