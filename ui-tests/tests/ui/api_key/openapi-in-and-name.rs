// CT-C2: the DSL spells the location as the key (`header = "X-API-Key"`), not OpenAPI's `in`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[api_key(in = "header", name = "X-API-Key")]
struct Auth;

fn main() {}
