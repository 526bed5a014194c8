// CT-C1: `in` and `name` are required: one of `header`, `query`, `cookie`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[api_key(description = "Issued by the admin UI")]
struct Auth;

fn main() {}
