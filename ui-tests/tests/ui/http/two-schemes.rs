// CT-A5: one HTTP scheme per declaration
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(basic, bearer)]
struct Auth;

fn main() {}
