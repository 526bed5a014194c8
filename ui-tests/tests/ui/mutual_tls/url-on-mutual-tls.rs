// CT-G2: mutual TLS has no URLs
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[mutual_tls(url = "https://ca.example.com")]
struct Auth;

fn main() {}
