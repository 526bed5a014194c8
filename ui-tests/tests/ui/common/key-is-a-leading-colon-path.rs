// CT-A4: keys are single identifiers; the whole path is underlined
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(::bearer)]
struct Auth;

fn main() {}
