// CT-B2: `scheme` is a non-empty token
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(scheme = "")]
struct Auth;

fn main() {}
