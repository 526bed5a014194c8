// CT-C3: an API key name is not empty
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[api_key(header = "")]
struct Auth;

fn main() {}
