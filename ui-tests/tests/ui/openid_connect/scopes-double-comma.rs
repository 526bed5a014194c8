// DSL: OpenID Connect scope names are separated by single commas
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[openid_connect(url = "https://id.example.com/.well-known/openid-configuration", scopes("openid",, "email"))]
struct Auth;

fn main() {}
