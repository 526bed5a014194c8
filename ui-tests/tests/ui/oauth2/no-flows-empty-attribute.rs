// CT-D1/CT-D2: `#[oauth2()]` declares no flow
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2()]
struct Auth;

fn main() {}
