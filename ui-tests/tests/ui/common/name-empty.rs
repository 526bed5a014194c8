// CT-H1: a component name is not empty
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[mutual_tls(name = "")]
struct Auth;

fn main() {}
