// CT-A2, CT-G1/G2: mutual TLS, OpenAPI 3.1 and later.
use authscheme::SecurityScheme;
use authscheme::openapi::OpenApiVersion;
use serde_json::json;

#[derive(SecurityScheme)]
#[mutual_tls]
struct ClientCert;

#[derive(SecurityScheme)]
#[mutual_tls(openapi = "3.1", description = "Cert must be signed by example.com CA")]
struct Described;

fn main() {
    assert_eq!(ClientCert::MIN_OPENAPI_VERSION, OpenApiVersion::V3_1);
    assert_eq!(
        ClientCert::openapi().to_json(OpenApiVersion::V3_1).unwrap(),
        json!({"type": "mutualTLS"})
    );
    assert!(ClientCert::openapi().to_json(OpenApiVersion::V3_0).is_err());
    assert_eq!(
        Described::openapi().to_json(OpenApiVersion::V3_2).unwrap(),
        json!({"type": "mutualTLS", "description": "Cert must be signed by example.com CA"})
    );
}
