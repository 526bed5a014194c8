// CT-C5: a cookie name has no `;`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[api_key(cookie = "a;b")]
struct Auth;

fn main() {}
