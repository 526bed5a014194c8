// DSL: a flow is a list `client_credentials(..)`, not a value
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(client_credentials = "/token")]
struct Auth;

fn main() {}
