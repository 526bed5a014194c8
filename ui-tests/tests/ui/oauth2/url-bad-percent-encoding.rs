// CT-E1: `%` starts a percent-encoding of two hex digits
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token%zz")]
struct Auth;

fn main() {}
