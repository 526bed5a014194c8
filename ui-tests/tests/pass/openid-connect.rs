// CT-F1..F3: OpenID Connect with the scopes the application requires.
use authscheme::openapi::OpenApiVersion;
use authscheme::{SecurityScheme, scopes};
use serde_json::json;

#[derive(SecurityScheme)]
#[openid_connect(
    url = "https://id.example.com/.well-known/openid-configuration",
    scopes("openid", "email")
)]
struct Oidc;

#[derive(SecurityScheme)]
#[openid_connect(url = "https://id.example.com/.well-known/openid-configuration?tenant=a")]
struct NoScopes;

fn main() {
    assert_eq!(Oidc::SCOPES, ["openid", "email"]);
    // Its scopes come from the provider metadata, so they are not written.
    assert_eq!(
        Oidc::openapi().to_json(OpenApiVersion::V3_0).unwrap(),
        json!({
            "type": "openIdConnect",
            "openIdConnectUrl": "https://id.example.com/.well-known/openid-configuration",
        })
    );
    let required = <scopes!(Oidc: "email")>::SET;
    assert!(<scopes!(Oidc: "openid", "email")>::SET.contains_all(required));
    assert!(NoScopes::SCOPES.is_empty());
}
