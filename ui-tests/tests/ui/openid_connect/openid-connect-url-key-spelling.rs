// CT-A4: the key is `url`, not OpenAPI's `openIdConnectUrl`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[openid_connect(openIdConnectUrl = "https://id.example.com/.well-known/openid-configuration")]
struct Auth;

fn main() {}
