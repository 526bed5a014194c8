// CT-G2: mutual TLS has no scopes
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[mutual_tls(scopes("read" = "Read items"))]
struct Auth;

fn main() {}
