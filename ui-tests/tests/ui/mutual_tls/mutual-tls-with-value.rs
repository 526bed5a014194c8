// DSL: `#[mutual_tls]` or `#[mutual_tls(..)]`, not `#[mutual_tls = ..]`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[mutual_tls = "client certificate"]
struct Auth;

fn main() {}
