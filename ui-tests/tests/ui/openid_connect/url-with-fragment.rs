// CT-F2/CT-E4: a discovery URL has no fragment (OIDC Discovery §3)
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[openid_connect(url = "https://id.example.com/.well-known/openid-configuration#top")]
struct Auth;

fn main() {}
