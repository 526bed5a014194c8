// CT-C7: a framing header cannot carry an API key
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[api_key(header = "Content-Length")]
struct Auth;

fn main() {}
