// CT-J1: extension keys start with lowercase `x-`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, extensions("X-Internal" = true))]
struct Auth;

fn main() {}
