// CT-C7: header names compare case-insensitively; `host` is `Host`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[api_key(header = "host")]
struct Auth;

fn main() {}
