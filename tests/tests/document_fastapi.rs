//! `SecurityDocument` with derived schemes: the components FastAPI writes for the same
//! declarations, key for key, in documents valid for every OpenAPI version.

mod document_support;

use authscheme::compose::{AllOf, Auth};
use authscheme::document::SecurityDocument;
use authscheme::openapi::OpenApiVersion;
use authscheme::{SecurityScheme, Verified, scopes};
use document_support::assert_valid;
use http::Method;
use serde_json::json;

// FastAPI: OAuth2PasswordBearer(tokenUrl="token", scopes={"me": .., "items": ..})
#[derive(SecurityScheme)]
#[oauth2(
    token_url = "token",
    scopes(
        "me" = "Read information about the current user.",
        "items" = "Read items."
    )
)]
struct OAuth2PasswordBearer;

// FastAPI: APIKeyHeader(name="X-API-Key")
#[derive(SecurityScheme)]
#[api_key(name = "APIKeyHeader", header = "X-API-Key")]
struct ApiKeyHeader;

// FastAPI: HTTPBasic(realm="admin")
#[derive(SecurityScheme)]
#[http(basic, name = "HTTPBasic", realm = "admin")]
struct HttpBasic;

// FastAPI: HTTPBearer(bearerFormat="JWT", description="Signed tokens")
/// Signed tokens
#[derive(SecurityScheme)]
#[http(bearer, name = "HTTPBearer", format = "JWT")]
struct HttpBearer;

// FastAPI: OpenIdConnect(openIdConnectUrl="https://id.example.com/.well-known/openid-configuration")
#[derive(SecurityScheme)]
#[openid_connect(
    name = "OpenIdConnect",
    url = "https://id.example.com/.well-known/openid-configuration"
)]
struct Oidc;

/// Grants whatever the token says (the scopes come from the test).
#[derive(Clone)]
struct Tokens;

impl authscheme::verify::Verifier<OAuth2PasswordBearer> for Tokens {
    type Principal = ();

    async fn verify(
        &self,
        _token: &authscheme::credentials::BearerToken,
        _parts: &http::request::Parts,
    ) -> Result<authscheme::verify::Grant<OAuth2PasswordBearer, ()>, authscheme::verify::VerifyError>
    {
        Ok(authscheme::verify::Grant::new(
            (),
            authscheme::ScopeSet::EMPTY,
        ))
    }
}

type Me = Verified<scopes!(OAuth2PasswordBearer: "me"), Tokens>;
type Items = Verified<scopes!(OAuth2PasswordBearer: "me", "items"), Tokens>;

fn document() -> SecurityDocument {
    SecurityDocument::new("FastAPI parity", "1")
        .route::<Me>(Method::GET, "/users/me/")
        .route::<Items>(Method::GET, "/users/me/items/")
        .route::<Option<Auth<ApiKeyHeader>>>(Method::GET, "/key")
        .route::<Auth<HttpBasic>>(Method::GET, "/basic")
        .route::<AllOf<(Auth<HttpBearer>, Auth<ApiKeyHeader>)>>(Method::GET, "/both")
        .route::<Auth<Oidc>>(Method::GET, "/oidc")
}

/// What FastAPI 0.163 writes in `components.securitySchemes` for the same declarations.
#[test]
fn components_equal_fastapi() {
    let json = document().to_json(OpenApiVersion::V3_1).unwrap();
    assert_eq!(
        json["components"]["securitySchemes"],
        json!({
            "OAuth2PasswordBearer": {"type": "oauth2", "flows": {"password": {
                "scopes": {"me": "Read information about the current user.", "items": "Read items."},
                "tokenUrl": "token"
            }}},
            "APIKeyHeader": {"type": "apiKey", "in": "header", "name": "X-API-Key"},
            "HTTPBasic": {"type": "http", "scheme": "basic"},
            "HTTPBearer": {"type": "http", "description": "Signed tokens", "scheme": "bearer", "bearerFormat": "JWT"},
            "OpenIdConnect": {"type": "openIdConnect", "openIdConnectUrl": "https://id.example.com/.well-known/openid-configuration"}
        })
    );
}

/// FastAPI's tutorial writes `["items", "me"]` for `/users/me/items/` (parent first); the
/// same set, here in the scheme's declaration order. Optional and AND are written as they
/// are (FastAPI cannot express them).
#[test]
fn operations_say_what_the_types_check() {
    let json = document().to_json(OpenApiVersion::V3_1).unwrap();
    let security = |path: &str| json["paths"][path]["get"]["security"].clone();
    assert_eq!(
        security("/users/me/"),
        json!([{"OAuth2PasswordBearer": ["me"]}])
    );
    assert_eq!(
        security("/users/me/items/"),
        json!([{"OAuth2PasswordBearer": ["me", "items"]}])
    );
    assert_eq!(security("/key"), json!([{}, {"APIKeyHeader": []}]));
    assert_eq!(
        security("/both"),
        json!([{"HTTPBearer": [], "APIKeyHeader": []}])
    );
    let basic = &json["paths"]["/basic"]["get"]["responses"]["401"]["headers"]["WWW-Authenticate"]
        ["description"];
    assert!(
        basic.as_str().unwrap().contains(r#"`Basic realm="admin"`"#),
        "{basic}"
    );
}

#[test]
fn valid_for_every_version() {
    for version in OpenApiVersion::ALL {
        assert_valid(&document().to_json(version).unwrap(), version);
    }
}
