// CT-C1..C5: API keys in a header, the query or a cookie.
use authscheme::SecurityScheme;
use authscheme::openapi::{ApiKeyLocation, OpenApiVersion};
use serde_json::json;

#[derive(SecurityScheme)]
#[api_key(header = "X-API-Key")]
struct HeaderKey;

#[derive(SecurityScheme)]
#[api_key(query = "api_key")]
struct QueryKey;

#[derive(SecurityScheme)]
#[api_key(cookie = "session")]
struct CookieKey;

fn main() {
    assert_eq!(
        HeaderKey::openapi().to_json(OpenApiVersion::V3_0).unwrap(),
        json!({"type": "apiKey", "in": "header", "name": "X-API-Key"})
    );
    assert_eq!(
        QueryKey::openapi().to_json(OpenApiVersion::V3_0).unwrap(),
        json!({"type": "apiKey", "in": "query", "name": "api_key"})
    );
    assert_eq!(
        CookieKey::openapi().to_json(OpenApiVersion::V3_0).unwrap(),
        json!({"type": "apiKey", "in": "cookie", "name": "session"})
    );
    assert_eq!(HeaderKey::CONFIG.location, ApiKeyLocation::Header);
    assert_eq!(HeaderKey::CONFIG.name, "X-API-Key");
    assert_eq!(QueryKey::CONFIG.location, ApiKeyLocation::Query);
    assert_eq!(CookieKey::CONFIG.name, "session");
    assert_eq!(CookieKey::MIN_OPENAPI_VERSION, OpenApiVersion::V3_0);
}
