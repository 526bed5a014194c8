// CT-I3: an OpenID Connect scheme lists the scopes the application requires
use authscheme::{SecurityScheme, scopes};

#[derive(SecurityScheme)]
#[openid_connect(
    url = "https://id.example.com/.well-known/openid-configuration",
    scopes("openid", "email")
)]
struct Oidc;

fn main() {
    let _ = <scopes!(Oidc: "profile")>::SET;
}
