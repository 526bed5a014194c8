// CT-C7: the `Cookie` header is not an API key header (use `cookie = ".."`)
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[api_key(header = "Cookie")]
struct Auth;

fn main() {}
