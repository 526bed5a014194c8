// CT-F2/CT-E1: a URL has no space
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[openid_connect(url = "https://id.example.com/.well-known/openid configuration")]
struct Auth;

fn main() {}
