// CT-D1/CT-D2: an OAuth2 scheme declares at least one flow
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(scopes("read" = "Read items"))]
struct Auth;

fn main() {}
