// CT-J3: an integer extension value fits in an i64
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, extensions("x-big" = 99999999999999999999))]
struct Auth;

fn main() {}
