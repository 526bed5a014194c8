// CT-C3-like: a role name is not empty
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[api_key(header = "X-API-Key", roles(""))]
struct Auth;

fn main() {}
