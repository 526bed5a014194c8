// CT-D12: scope names are unique
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[openid_connect(
    url = "https://id.example.com/.well-known/openid-configuration",
    scopes("openid", "email", "openid")
)]
struct Auth;

fn main() {}
