// CT-J1, CT-J3: extensions of every value type, on every kind; `x-oai-` is only a lint for 3.0.
use authscheme::SecurityScheme;
use authscheme::openapi::OpenApiVersion;
use serde_json::json;

#[derive(SecurityScheme)]
#[http(
    bearer,
    extensions(
        "x-team" = "auth",
        "x-raw" = r"C:\keys",
        "x-priority" = 3,
        "x-offset" = -2,
        "x-drift" = -0.25,
        "x-weight" = 0.5,
        "x-exponent" = 1e3,
        "x-internal" = true,
        "x-public" = false,
    ),
)]
struct Extended;

#[derive(SecurityScheme)]
#[api_key(header = "X-API-Key", extensions("x-rotates" = true))]
struct KeyAuth;

#[derive(SecurityScheme)]
#[openid_connect(url = "https://id.example.com/.well-known/openid-configuration", extensions("x-issuer" = "id"))]
struct Oidc;

#[derive(SecurityScheme)]
#[mutual_tls(extensions("x-ca" = "example"))]
struct Cert;

#[derive(SecurityScheme)]
#[http(openapi = "3.0", basic, extensions("x-oai-legacy" = 1))]
struct Legacy;

fn main() {
    assert_eq!(
        Extended::openapi().to_json(OpenApiVersion::V3_1).unwrap(),
        json!({
            "type": "http",
            "scheme": "bearer",
            "x-team": "auth",
            "x-raw": "C:\\keys",
            "x-priority": 3,
            "x-offset": -2,
            "x-drift": -0.25,
            "x-weight": 0.5,
            "x-exponent": 1000.0,
            "x-internal": true,
            "x-public": false,
        })
    );
    assert_eq!(
        KeyAuth::openapi().to_json(OpenApiVersion::V3_0).unwrap()["x-rotates"],
        true
    );
    assert_eq!(
        Oidc::openapi().to_json(OpenApiVersion::V3_0).unwrap()["x-issuer"],
        "id"
    );
    assert_eq!(
        Cert::openapi().to_json(OpenApiVersion::V3_1).unwrap()["x-ca"],
        "example"
    );
    assert_eq!(
        Legacy::openapi().to_json(OpenApiVersion::V3_0).unwrap()["x-oai-legacy"],
        1
    );
}
