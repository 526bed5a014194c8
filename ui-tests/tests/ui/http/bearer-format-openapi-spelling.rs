// CT-A4: the DSL spells bearerFormat `format`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, bearer_format = "JWT")]
struct Auth;

fn main() {}
