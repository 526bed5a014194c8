// CT-B1..B5: basic with realm, bearer with format, digest and a custom scheme.
use authscheme::SecurityScheme;
use authscheme::openapi::OpenApiVersion;
use serde_json::json;

#[derive(SecurityScheme)]
#[http(basic, realm = "admin area")]
struct Admin;

#[derive(SecurityScheme)]
#[http(basic)]
struct PlainBasic;

#[derive(SecurityScheme)]
#[http(bearer, format = "JWT")]
struct Jwt;

#[derive(SecurityScheme)]
#[http(digest)]
struct DigestAuth;

#[derive(SecurityScheme)]
#[http(scheme = "SCRAM-SHA-256")]
struct Scram;

fn json_of<S: SecurityScheme>() -> serde_json::Value {
    S::openapi().to_json(OpenApiVersion::V3_1).unwrap()
}

fn main() {
    // The realm goes into the challenge, never into OpenAPI.
    assert_eq!(
        json_of::<Admin>(),
        json!({"type": "http", "scheme": "basic"})
    );
    assert_eq!(Admin::CONFIG.realm, Some("admin area"));
    assert_eq!(PlainBasic::CONFIG.realm, None);
    assert_eq!(
        json_of::<Jwt>(),
        json!({"type": "http", "scheme": "bearer", "bearerFormat": "JWT"})
    );
    assert_eq!(
        json_of::<DigestAuth>(),
        json!({"type": "http", "scheme": "digest"})
    );
    // Written lowercase.
    assert_eq!(
        json_of::<Scram>(),
        json!({"type": "http", "scheme": "scram-sha-256"})
    );
}
