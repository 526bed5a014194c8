// CT-E8: an issuer identifier has no fragment (RFC 8414 §2, OpenID Connect Discovery §2)
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, issuer = "https://idp.example.com/#main")]
struct Auth;

fn main() {}
