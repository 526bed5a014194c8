// CT-F3: OpenID Connect scopes come from the provider; the DSL lists names only
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[openid_connect(
    url = "https://id.example.com/.well-known/openid-configuration",
    scopes("openid" = "Sign in"),
)]
struct Auth;

fn main() {}
