// CT-F1: `url` (openIdConnectUrl) is required
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[openid_connect(scopes("openid"))]
struct Auth;

fn main() {}
