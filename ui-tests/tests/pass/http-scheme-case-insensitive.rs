// CT-B4: `scheme` is case-insensitive: "Bearer" and "BEARER" are bearer and take `format`.
use authscheme::SecurityScheme;
use authscheme::openapi::OpenApiVersion;
use serde_json::json;

#[derive(SecurityScheme)]
#[http(scheme = "Bearer", format = "JWT")]
struct Capitalised;

#[derive(SecurityScheme)]
#[http(scheme = "BEARER")]
struct Shouting;

#[derive(SecurityScheme)]
#[http(scheme = "Basic", realm = "admin")]
struct CapitalisedBasic;

fn main() {
    assert_eq!(
        Capitalised::openapi()
            .to_json(OpenApiVersion::V3_0)
            .unwrap(),
        json!({"type": "http", "scheme": "bearer", "bearerFormat": "JWT"})
    );
    assert_eq!(
        Shouting::openapi().to_json(OpenApiVersion::V3_0).unwrap(),
        json!({"type": "http", "scheme": "bearer"})
    );
    assert_eq!(CapitalisedBasic::CONFIG.realm, Some("admin"));
}
