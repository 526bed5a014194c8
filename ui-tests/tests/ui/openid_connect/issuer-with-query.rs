// CT-E8: an issuer identifier has no query (RFC 8414 §2, OpenID Connect Discovery §2)
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[openid_connect(
    url = "https://idp.example.com/.well-known/openid-configuration",
    issuer = "https://idp.example.com?tenant=a"
)]
struct Auth;

fn main() {}
