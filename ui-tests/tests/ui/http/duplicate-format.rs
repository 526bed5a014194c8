// CT-A5: a key appears once
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, format = "JWT", format = "opaque")]
struct Auth;

fn main() {}
