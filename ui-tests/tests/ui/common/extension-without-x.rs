// CT-J1: extension keys start with `x-`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, extensions("internal" = true))]
struct Auth;

fn main() {}
