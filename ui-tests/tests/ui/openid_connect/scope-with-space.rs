// CT-D13: a scope name is an RFC 6749 scope-token, also for OpenID Connect
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[openid_connect(
    url = "https://id.example.com/.well-known/openid-configuration",
    scopes("openid email")
)]
struct Auth;

fn main() {}
