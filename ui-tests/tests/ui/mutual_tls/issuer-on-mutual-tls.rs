// CT-A3: `issuer` applies to bearer-token schemes only
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[mutual_tls(issuer = "https://idp.example.com")]
struct Auth;

fn main() {}
