// CT-B2: `:` is not a token character
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(scheme = "bearer:")]
struct Auth;

fn main() {}
