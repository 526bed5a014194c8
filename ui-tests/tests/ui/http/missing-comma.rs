// DSL: keys are separated by commas
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer format = "JWT")]
struct Auth;

fn main() {}
