// CT-E8: an issuer identifier uses https; http only on a loopback host (CT-E3)
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", issuer = "http://idp.example.com")]
struct Auth;

fn main() {}
