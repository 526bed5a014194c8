// CT-A5: a key appears once
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[openid_connect(
    url = "https://idp.example.com/.well-known/openid-configuration",
    issuer = "https://idp.example.com",
    issuer = "https://other.example.com"
)]
struct Auth;

fn main() {}
