// CT-C1: `#[api_key]` alone has no location
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[api_key]
struct Auth;

fn main() {}
