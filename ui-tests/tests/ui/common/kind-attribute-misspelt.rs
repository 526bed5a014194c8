// CT-A1: the kind is one of the five attributes; OpenAPI's `apiKey` is spelt `api_key`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[apiKey(header = "X-API-Key")]
struct Auth;

fn main() {}
