// CT-B5: `format` only applies when the scheme is bearer
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(scheme = "scram-sha-256", format = "JWT")]
struct Auth;

fn main() {}
