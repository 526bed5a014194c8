// CT-D1: `#[oauth2]` alone declares no flow
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2]
struct Auth;

fn main() {}
