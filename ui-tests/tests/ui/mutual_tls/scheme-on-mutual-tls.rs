// CT-G2: only the common keys and `roles` apply to mutual TLS
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[mutual_tls(scheme = "mutual")]
struct Auth;

fn main() {}
