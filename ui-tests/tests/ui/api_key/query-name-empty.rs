// CT-C3: an API key name is not empty, also in the query
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[api_key(query = "")]
struct Auth;

fn main() {}
