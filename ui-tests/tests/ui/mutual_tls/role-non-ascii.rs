// Role names follow the scope-token grammar (RFC 6749 §3.3): ASCII only
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[mutual_tls(roles("rôle"))]
struct Auth;

fn main() {}
