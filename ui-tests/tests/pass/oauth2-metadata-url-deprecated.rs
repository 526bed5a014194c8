// CT-A7, CT-D8: `deprecated` and `oauth2_metadata_url` with `openapi = "3.2"`.
use authscheme::SecurityScheme;
use authscheme::openapi::OpenApiVersion;
use serde_json::json;

#[derive(SecurityScheme)]
#[oauth2(
    openapi = "3.2",
    deprecated,
    token_url = "/token",
    oauth2_metadata_url = "https://as.example.com/.well-known/oauth-authorization-server"
)]
struct Legacy;

#[derive(SecurityScheme)]
#[http(openapi = "3.2", bearer, deprecated = true)]
struct OldJwt;

#[derive(SecurityScheme)]
#[http(bearer, deprecated = false)]
struct CurrentJwt;

fn main() {
    assert_eq!(Legacy::MIN_OPENAPI_VERSION, OpenApiVersion::V3_2);
    assert_eq!(
        Legacy::openapi().to_json(OpenApiVersion::V3_2).unwrap(),
        json!({
            "type": "oauth2",
            "deprecated": true,
            "oauth2MetadataUrl": "https://as.example.com/.well-known/oauth-authorization-server",
            "flows": {"password": {"tokenUrl": "/token", "scopes": {}}},
        })
    );
    assert!(Legacy::openapi().to_json(OpenApiVersion::V3_1).is_err());
    assert!(OldJwt::openapi().deprecated);
    assert_eq!(OldJwt::MIN_OPENAPI_VERSION, OpenApiVersion::V3_2);
    assert!(!CurrentJwt::openapi().deprecated);
    assert_eq!(
        CurrentJwt::openapi().to_json(OpenApiVersion::V3_0).unwrap(),
        json!({"type": "http", "scheme": "bearer"})
    );
}
