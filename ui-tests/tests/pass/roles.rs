// CT-I4: role names for kinds without scopes (OpenAPI 3.1+), checked by `scopes!`.
use authscheme::openapi::OpenApiVersion;
use authscheme::{SecurityScheme, scopes};

#[derive(SecurityScheme)]
#[api_key(header = "X-API-Key", roles("admin", "auditor"))]
struct KeyAuth;

#[derive(SecurityScheme)]
#[http(openapi = "3.1", bearer, roles("admin"))]
struct Jwt;

#[derive(SecurityScheme)]
#[mutual_tls(roles("device"))]
struct Cert;

fn main() {
    assert_eq!(KeyAuth::SCOPES, ["admin", "auditor"]);
    assert_eq!(Jwt::SCOPES, ["admin"]);
    assert_eq!(Cert::SCOPES, ["device"]);
    let auditor = <scopes!(KeyAuth: "auditor")>::SET;
    let both = <scopes!(KeyAuth: "admin", "auditor")>::SET;
    assert!(both.contains_all(auditor));
    assert_eq!(auditor.names().collect::<Vec<_>>(), ["auditor"]);
    assert_eq!(<scopes!(Cert: "device")>::SET.bits(), 1);
    // Roles are not written into the scheme object.
    assert_eq!(
        KeyAuth::openapi().to_json(OpenApiVersion::V3_1).unwrap(),
        serde_json::json!({"type": "apiKey", "in": "header", "name": "X-API-Key"})
    );
}
