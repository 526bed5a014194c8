// CT-J3: an extension value is a string, integer, float or bool
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, extensions("x-grade" = 'A'))]
struct Auth;

fn main() {}
