// CT-A3: OpenID Connect schemes list `scopes(..)`, not roles
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[openid_connect(
    url = "https://id.example.com/.well-known/openid-configuration",
    roles("admin")
)]
struct Auth;

fn main() {}
