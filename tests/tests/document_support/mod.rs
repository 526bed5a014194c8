//! Schemes declared by hand (as `#[derive(SecurityScheme)]` would), a verifier, and schema
//! validation, shared by the `document_*` and `utoipa_*` tests.

#![allow(dead_code, unreachable_pub, reason = "each test crate uses a part")]

use authscheme::compose::{ApiKeyHeader, Elsewhere, ScopeAt, ScopeMarker};
use authscheme::credentials::{
    ApiKey, ApiKeyConfig, BasicConfig, BasicCredentials, BearerToken, ClientCertificate,
    HttpConfig, HttpCredentials,
};
use authscheme::openapi::{
    ApiKeyLocation, OAuthFlow, OAuthFlows, OpenApiVersion, Scope, SecurityScheme as Model,
    SecuritySchemeKind, Text,
};
use authscheme::verify::{Grant, Verifier, VerifyError};
use authscheme::{ScopeSet, Scopes, SecurityScheme};
use http::request::Parts;
use serde_json::Value;

/// Implements `SecurityScheme` for a unit struct, the way the derive expands.
macro_rules! scheme {
    (
        $(#[$meta:meta])*
        $ty:ident: $credentials:ty = $config:expr;
        name $name:literal, scopes $scopes:expr, min $min:ident,
        openapi $openapi:expr
    ) => {
        $(#[$meta])*
        pub struct $ty;

        impl SecurityScheme for $ty {
            const DECLARATION: authscheme::Declaration = authscheme::Declaration::new($name, $scopes, OpenApiVersion::$min);
            type Credentials = $credentials;
            const CONFIG: <$credentials as authscheme::credentials::Credentials>::Config = $config;
            const OPENAPI: Model = $openapi;
        }
    };
}

const OAUTH_SCOPES: &[Scope] = &[
    Scope::new("me", "Read information about the current user."),
    Scope::new("items", "Read items."),
];

scheme! {
    /// FastAPI's `OAuth2PasswordBearer(tokenUrl="token", scopes={"me": .., "items": ..})`.
    OAuth2: BearerToken = ();
    name "OAuth2PasswordBearer", scopes &["me", "items"], min V3_0,
    openapi Model::oauth2(OAuthFlows::single(OAuthFlow::password("token", OAUTH_SCOPES)))
}

scheme! {
    /// `HTTPBearer(bearerFormat="JWT")`.
    Jwt: BearerToken = ();
    name "Jwt", scopes &[], min V3_0,
    openapi JWT_WITH_DESCRIPTION
}

scheme! {
    /// `APIKeyHeader(name="X-API-Key")`, with one role (OpenAPI 3.1 role names).
    Key: ApiKey = ApiKeyConfig::new(ApiKeyLocation::Header, "X-API-Key");
    name "Key", scopes &["admin"], min V3_0,
    openapi Model::api_key("X-API-Key", ApiKeyLocation::Header)
}

scheme! {
    /// `HTTPBasic(realm="admin")`.
    Admin: BasicCredentials = BasicConfig::new(Some("admin"), r#"Basic realm="admin""#);
    name "Admin", scopes &[], min V3_0,
    openapi Model::http("basic")
}

scheme! {
    /// `mutualTLS` (OpenAPI 3.1+).
    Cert: ClientCertificate = ();
    name "Cert", scopes &[], min V3_1,
    openapi Model::mutual_tls()
}

scheme! {
    /// A deprecated API key (OpenAPI 3.2's `deprecated`).
    OldKey: ApiKey = ApiKeyConfig::new(ApiKeyLocation::Query, "key");
    name "OldKey", scopes &[], min V3_2,
    openapi Model::api_key("key", ApiKeyLocation::Query).with_deprecated(true)
}

scheme! {
    /// A custom `http` scheme outside utoipa's list.
    Dpop: HttpCredentials = HttpConfig::new("dpop", "Dpop");
    name "Dpop", scopes &[], min V3_0,
    openapi Model::http("dpop")
}

scheme! {
    /// Shares its name with [`SharedB`], with a different definition.
    SharedA: BearerToken = ();
    name "Shared", scopes &[], min V3_0,
    openapi Model::bearer(None)
}

scheme! {
    /// Shares its name with [`SharedA`], with a different definition.
    SharedB: BasicCredentials = BasicConfig::new(None, "Basic");
    name "Shared", scopes &[], min V3_0,
    openapi Model::http("basic")
}

scheme! {
    /// Same name and definition as [`Jwt`]: a second type for one scheme.
    JwtAgain: BearerToken = ();
    name "Jwt", scopes &[], min V3_0,
    openapi JWT_WITH_DESCRIPTION
}

/// `bearer` with `bearerFormat: JWT` and a description, built in a `const`.
const JWT_WITH_DESCRIPTION: Model = Model::declared(
    SecuritySchemeKind::Http {
        scheme: Text::Borrowed("bearer"),
        bearer_format: Some(Text::Borrowed("JWT")),
    },
    Some("A signed JWT."),
    false,
    &[],
);

/// A verifier that grants every scope to everybody.
#[derive(Clone)]
pub struct Everybody;

impl Verifier<OAuth2> for Everybody {
    type Principal = String;

    async fn verify(
        &self,
        _token: &BearerToken,
        _parts: &Parts,
    ) -> Result<Grant<OAuth2, String>, VerifyError> {
        Ok(Grant::new(
            "somebody".to_owned(),
            ScopeSet::from_bits(u128::MAX),
        ))
    }
}

impl Verifier<Key> for Everybody {
    type Principal = String;

    async fn verify(
        &self,
        _key: &ApiKey,
        _parts: &Parts,
    ) -> Result<Grant<Key, String>, VerifyError> {
        Ok(Grant::new(
            "somebody".to_owned(),
            ScopeSet::from_bits(u128::MAX),
        ))
    }
}

/// The scope `me` of [`OAuth2`], marked by hand as a hand-written scheme does.
#[allow(non_camel_case_types)]
pub struct me;
impl ScopeMarker<0> for OAuth2 {
    type Marker = me;
}
/// The scope `items` of [`OAuth2`].
#[allow(non_camel_case_types)]
pub struct items;
impl ScopeMarker<1> for OAuth2 {
    type Marker = items;
}
/// The role `admin` of [`Key`].
#[allow(non_camel_case_types)]
pub struct admin;
impl ScopeMarker<0> for Key {
    type Marker = admin;
}

/// `me`.
pub type MeScope = Scopes<OAuth2, (ScopeAt<0, me>,)>;
/// `me items`.
pub type MeItemsScopes = Scopes<OAuth2, (ScopeAt<0, me>, ScopeAt<1, items>)>;
/// The `admin` role of [`Key`].
pub type AdminRole = Scopes<Key, (ScopeAt<0, admin>,)>;

/// The official schema of `version`, read from the repository's `spec/` folder.
pub fn official_schema(version: OpenApiVersion) -> Value {
    let path = match version {
        OpenApiVersion::V3_0 => concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../spec/openapi-3.0.schema.json"
        ),
        OpenApiVersion::V3_1 => concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../spec/openapi-3.1.schema.json"
        ),
        OpenApiVersion::V3_2 => concat!(
            env!("CARGO_MANIFEST_DIR"),
            "/../spec/openapi-3.2.schema.json"
        ),
    };
    let text = std::fs::read_to_string(path)
        .unwrap_or_else(|error| panic!("cannot read the official schema {path}: {error}"));
    serde_json::from_str(&text).expect("the official schema is JSON")
}

/// Every violation of the official schema of `version` by `document`.
pub fn violations(document: &Value, version: OpenApiVersion) -> Vec<String> {
    let schema = official_schema(version);
    let validator = jsonschema::validator_for(&schema).expect("the official schema compiles");
    validator
        .iter_errors(document)
        .map(|error| format!("{}: {error}", error.instance_path()))
        .collect()
}

/// Panics with every violation if `document` does not validate against the official schema
/// of `version`.
pub fn assert_valid(document: &Value, version: OpenApiVersion) {
    let errors = violations(document, version);
    assert!(
        errors.is_empty(),
        "not a valid OpenAPI {version} document:\n{}\n{}",
        errors.join("\n"),
        serde_json::to_string_pretty(document).unwrap_or_default()
    );
}

// A hand-written API key scheme says where its key travels, as the derive does.
impl ApiKeyHeader for Key {
    type Authorization = Elsewhere;
}
impl ApiKeyHeader for OldKey {
    type Authorization = Elsewhere;
}
