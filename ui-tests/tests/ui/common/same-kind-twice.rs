// CT-A5: one kind attribute; keys of one scheme go in one attribute
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer)]
#[http(format = "JWT")]
struct Auth;

fn main() {}
