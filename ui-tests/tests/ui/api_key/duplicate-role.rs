// CT-D12: role names are unique
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[api_key(header = "X-API-Key", roles("admin", "admin"))]
struct Auth;

fn main() {}
