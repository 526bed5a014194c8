// CT-H1: a component name matches ^[a-zA-Z0-9.\-_]+$
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, name = "my auth")]
struct Auth;

fn main() {}
