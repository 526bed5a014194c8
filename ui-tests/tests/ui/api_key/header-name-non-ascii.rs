// CT-C4: a header name is ASCII
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[api_key(header = "Grüße")]
struct Auth;

fn main() {}
