// CT-A5: a key appears once
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[openid_connect(
    url = "https://id.example.com/.well-known/openid-configuration",
    url = "https://other.example.com/.well-known/openid-configuration"
)]
struct Auth;

fn main() {}
