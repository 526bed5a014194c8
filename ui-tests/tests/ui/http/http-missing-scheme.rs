// CT-B1: `scheme` is required: one of `basic`, `bearer`, `digest`, `scheme = ".."`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(format = "JWT")]
struct Auth;

fn main() {}
