// FastAPI's `OAuth2PasswordBearer(tokenUrl="token")` is the flat form: a password flow.
use authscheme::SecurityScheme;
use authscheme::openapi::OpenApiVersion;
use serde_json::json;

#[derive(SecurityScheme)]
#[oauth2(token_url = "token")]
struct Minimal;

#[derive(SecurityScheme)]
#[oauth2(
    token_url = "/token",
    refresh_url = "/refresh",
    scopes("items:read" = "Read items", "items:write" = "Create items"),
)]
struct ItemsAuth;

fn main() {
    assert_eq!(Minimal::NAME, "Minimal");
    assert!(Minimal::SCOPES.is_empty());
    assert_eq!(Minimal::MIN_OPENAPI_VERSION, OpenApiVersion::V3_0);
    assert_eq!(
        Minimal::openapi().to_json(OpenApiVersion::V3_0).unwrap(),
        json!({"type": "oauth2", "flows": {"password": {"tokenUrl": "token", "scopes": {}}}})
    );

    assert_eq!(ItemsAuth::SCOPES, ["items:read", "items:write"]);
    assert_eq!(
        ItemsAuth::openapi().to_json(OpenApiVersion::V3_1).unwrap(),
        json!({
            "type": "oauth2",
            "flows": {"password": {
                "tokenUrl": "/token",
                "refreshUrl": "/refresh",
                "scopes": {"items:read": "Read items", "items:write": "Create items"},
            }},
        })
    );
}
