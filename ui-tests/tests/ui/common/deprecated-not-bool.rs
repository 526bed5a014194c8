// CT-A7: `deprecated` is a boolean
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, deprecated = "yes")]
struct Auth;

fn main() {}
