// CT-F2/CT-E3: OpenID Connect requires TLS
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[openid_connect(url = "http://id.example.com/.well-known/openid-configuration")]
struct Auth;

fn main() {}
