// CT-C4: a header name has no `:`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[api_key(header = "X-Key:")]
struct Auth;

fn main() {}
