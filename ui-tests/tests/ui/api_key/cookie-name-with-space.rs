// CT-C5: a cookie name has no space
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[api_key(cookie = "session id")]
struct Auth;

fn main() {}
