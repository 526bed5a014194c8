// CT-A4/CT-A3: unknown key, with a did-you-mean for a near miss
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, fromat = "JWT")]
struct Auth;

fn main() {}
