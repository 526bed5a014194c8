// DSL: role names are separated by single commas
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[api_key(header = "X-API-Key", roles("admin",, "auditor"), openapi = "3.1")]
struct Auth;

fn main() {}
