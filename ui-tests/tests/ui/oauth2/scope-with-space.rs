// CT-D13: a scope name is an RFC 6749 scope-token; no space
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes("read pets" = "Read your pets"))]
struct Auth;

fn main() {}
