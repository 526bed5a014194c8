// CT-A5: `bearer` and `scheme = ".."` both name the scheme
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, scheme = "bearer")]
struct Auth;

fn main() {}
