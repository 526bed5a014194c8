// CT-D5: the `client_credentials` flow requires `token_url`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(client_credentials(scopes("read" = "Read items")))]
struct Auth;

fn main() {}
