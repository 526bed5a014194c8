// DSL: `bearer` is a flag; the token format goes in `format = ".."`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer = "JWT")]
struct Auth;

fn main() {}
