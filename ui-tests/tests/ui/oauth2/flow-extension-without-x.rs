// CT-J1: extensions of an OAuth Flow Object start with `x-`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(client_credentials(token_url = "/token", extensions("audience" = "api")))]
struct Auth;

fn main() {}
