// CT-J5: extension keys are unique per object
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, extensions("x-team" = "auth", "x-team" = "platform"))]
struct Auth;

fn main() {}
