// CT-D11: `scopes` may be empty; `scopes()` and no `scopes` both write `"scopes": {}`.
use authscheme::SecurityScheme;
use authscheme::openapi::OpenApiVersion;
use serde_json::json;

#[derive(SecurityScheme)]
#[oauth2(client_credentials(token_url = "https://as.example.com/token", scopes()))]
struct Explicit;

#[derive(SecurityScheme)]
#[oauth2(
    client_credentials(token_url = "https://as.example.com/token"),
    scopes()
)]
struct Shared;

#[derive(SecurityScheme)]
#[oauth2(client_credentials(token_url = "https://as.example.com/token"))]
struct Omitted;

fn main() {
    let expected = json!({
        "type": "oauth2",
        "flows": {"clientCredentials": {"tokenUrl": "https://as.example.com/token", "scopes": {}}},
    });
    assert_eq!(
        Explicit::openapi().to_json(OpenApiVersion::V3_0).unwrap(),
        expected
    );
    assert_eq!(
        Shared::openapi().to_json(OpenApiVersion::V3_0).unwrap(),
        expected
    );
    assert_eq!(
        Omitted::openapi().to_json(OpenApiVersion::V3_0).unwrap(),
        expected
    );
    assert!(Explicit::SCOPES.is_empty() && Shared::SCOPES.is_empty() && Omitted::SCOPES.is_empty());
}
