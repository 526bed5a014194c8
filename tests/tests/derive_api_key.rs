//! `#[api_key(..)]`: header, query and cookie keys, and roles.

use authscheme::credentials::{ApiKey, ApiKeyConfig};
use authscheme::openapi::{self, ApiKeyLocation, OpenApiVersion};
use authscheme::{SecurityScheme, scopes};

fn credentials_are<S: SecurityScheme<Credentials = C>, C>() {}

/// Issued by the admin UI.
#[derive(SecurityScheme)]
#[api_key(header = "X-API-Key", roles("admin", "auditor"))]
pub struct KeyAuth;

#[test]
fn header_key_with_roles() {
    assert_eq!(
        *KeyAuth::openapi(),
        openapi::SecurityScheme::api_key("X-API-Key", ApiKeyLocation::Header)
            .with_description("Issued by the admin UI.")
    );
    assert_eq!(
        KeyAuth::CONFIG,
        ApiKeyConfig::new(ApiKeyLocation::Header, "X-API-Key")
    );
    assert_eq!(KeyAuth::SCOPES, ["admin", "auditor"]);
    assert_eq!(KeyAuth::MIN_OPENAPI_VERSION, OpenApiVersion::V3_0);
    assert_eq!(<scopes!(KeyAuth: "auditor")>::SET.bits(), 0b10);
    credentials_are::<KeyAuth, ApiKey>();
}

/// FastAPI: `APIKeyQuery(name="api_key")`.
#[derive(SecurityScheme)]
#[api_key(
    query = "api_key",
    description = "Key in the query string",
    name = "query_key"
)]
pub struct QueryKey;

#[test]
fn query_key() {
    const EXPECTED: openapi::SecurityScheme = openapi::SecurityScheme::declared(
        openapi::SecuritySchemeKind::ApiKey {
            name: openapi::Text::Borrowed("api_key"),
            location: ApiKeyLocation::Query,
        },
        Some("Key in the query string"),
        false,
        &[],
    );
    assert_eq!(*QueryKey::openapi(), EXPECTED);
    assert_eq!(QueryKey::NAME, "query_key");
    assert_eq!(
        QueryKey::CONFIG,
        ApiKeyConfig::new(ApiKeyLocation::Query, "api_key")
    );
    assert!(QueryKey::SCOPES.is_empty());
}

/// FastAPI: `APIKeyCookie(name="session")`, pinned to OpenAPI 3.0.
#[derive(SecurityScheme)]
#[api_key(cookie = "session", openapi = "3.0")]
pub struct CookieKey;

#[test]
fn cookie_key() {
    assert_eq!(
        CookieKey::openapi().kind,
        openapi::SecuritySchemeKind::ApiKey {
            name: "session".into(),
            location: ApiKeyLocation::Cookie,
        }
    );
    assert_eq!(
        CookieKey::CONFIG,
        ApiKeyConfig::new(ApiKeyLocation::Cookie, "session")
    );
}
