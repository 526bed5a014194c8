// CT-D5: the `implicit` flow requires `authorization_url`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(implicit(scopes("read" = "Read items")))]
struct Auth;

fn main() {}
