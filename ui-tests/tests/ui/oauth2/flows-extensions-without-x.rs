// CT-J1: extensions of the OAuth Flows Object start with `x-`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", flows_extensions("internal" = true))]
struct Auth;

fn main() {}
