// Every flow with every key, shared and per-flow scopes, extensions of the flows and of each flow.
use authscheme::SecurityScheme;
use authscheme::openapi::OpenApiVersion;
use serde_json::json;

#[derive(SecurityScheme)]
#[oauth2(
    openapi = "3.2",
    name = "everything",
    implicit(
        authorization_url = "https://as.example.com/authorize",
        refresh_url = "https://as.example.com/refresh",
        scopes("implicit:only" = "Only in implicit"),
        extensions("x-flow" = "implicit"),
    ),
    password(token_url = "https://as.example.com/token", refresh_url = "https://as.example.com/refresh"),
    client_credentials(
        token_url = "https://as.example.com/token",
        refresh_url = "https://as.example.com/refresh",
        extensions("x-audience" = "machines"),
    ),
    authorization_code(
        authorization_url = "https://as.example.com/authorize",
        token_url = "https://as.example.com/token",
        refresh_url = "https://as.example.com/refresh",
        scopes("code:only" = "Only in authorization_code"),
    ),
    device_authorization(
        device_authorization_url = "https://as.example.com/device",
        token_url = "https://as.example.com/token",
        refresh_url = "https://as.example.com/refresh",
    ),
    scopes("read" = "Read", "write" = "Write"),
    flows_extensions("x-flows-note" = "all five"),
)]
struct Everything;

fn main() {
    assert_eq!(Everything::NAME, "everything");
    assert_eq!(Everything::MIN_OPENAPI_VERSION, OpenApiVersion::V3_2);
    // Shared scopes first, then each flow's own, in the order flows are written.
    assert_eq!(
        Everything::SCOPES,
        ["read", "write", "implicit:only", "code:only"]
    );
    let shared = json!({"read": "Read", "write": "Write"});
    assert_eq!(
        Everything::openapi().to_json(OpenApiVersion::V3_2).unwrap(),
        json!({
            "type": "oauth2",
            "flows": {
                "implicit": {
                    "authorizationUrl": "https://as.example.com/authorize",
                    "refreshUrl": "https://as.example.com/refresh",
                    "scopes": {"read": "Read", "write": "Write", "implicit:only": "Only in implicit"},
                    "x-flow": "implicit",
                },
                "password": {
                    "tokenUrl": "https://as.example.com/token",
                    "refreshUrl": "https://as.example.com/refresh",
                    "scopes": shared,
                },
                "clientCredentials": {
                    "tokenUrl": "https://as.example.com/token",
                    "refreshUrl": "https://as.example.com/refresh",
                    "scopes": shared,
                    "x-audience": "machines",
                },
                "authorizationCode": {
                    "authorizationUrl": "https://as.example.com/authorize",
                    "tokenUrl": "https://as.example.com/token",
                    "refreshUrl": "https://as.example.com/refresh",
                    "scopes": {"read": "Read", "write": "Write", "code:only": "Only in authorization_code"},
                },
                "deviceAuthorization": {
                    "deviceAuthorizationUrl": "https://as.example.com/device",
                    "tokenUrl": "https://as.example.com/token",
                    "refreshUrl": "https://as.example.com/refresh",
                    "scopes": shared,
                },
                "x-flows-note": "all five",
            },
        })
    );
    // The device flow cannot be written for 3.1: an error, not a silent omission.
    assert!(Everything::openapi().to_json(OpenApiVersion::V3_1).is_err());
}
