// CT-A5: a key appears once
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, deprecated, deprecated = true)]
struct Auth;

fn main() {}
