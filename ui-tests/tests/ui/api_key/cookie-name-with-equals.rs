// CT-C5: a cookie name is a token (RFC 6265 §4.1.1); no `=`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[api_key(cookie = "a=b")]
struct Auth;

fn main() {}
