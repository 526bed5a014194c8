// DSL: extension keys are strings (`x-a` is not an identifier)
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, extensions(x_team = "auth"))]
struct Auth;

fn main() {}
