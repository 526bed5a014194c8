// CT-F1: `#[openid_connect]` alone has no `url`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[openid_connect]
struct Auth;

fn main() {}
