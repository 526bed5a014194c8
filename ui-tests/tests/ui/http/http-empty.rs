// CT-B1: `#[http()]` names no scheme
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http()]
struct Auth;

fn main() {}
