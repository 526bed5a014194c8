// CT-B5: `format` (bearerFormat) only applies to bearer
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(basic, format = "JWT")]
struct Auth;

fn main() {}
