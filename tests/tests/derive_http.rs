//! `#[http(..)]`: basic, bearer, digest and custom schemes.

use authscheme::credentials::{
    BasicConfig, BasicCredentials, BearerToken, DigestCredentials, HttpConfig, HttpCredentials,
};
use authscheme::openapi::{self, OpenApiVersion, SecuritySchemeKind};
use authscheme::{SecurityScheme, scopes};

fn credentials_are<S: SecurityScheme<Credentials = C>, C>() {}

/// Administrators only.
#[derive(SecurityScheme)]
#[http(basic, realm = "admin", roles("admin"))]
pub struct Admin;

#[test]
fn basic_with_realm() {
    assert_eq!(
        *Admin::openapi(),
        openapi::SecurityScheme::http("basic").with_description("Administrators only.")
    );
    assert_eq!(
        Admin::CONFIG,
        BasicConfig::new(Some("admin"), r#"Basic realm="admin""#)
    );
    assert_eq!(Admin::SCOPES, ["admin"]);
    assert_eq!(<scopes!(Admin: "admin")>::SET.bits(), 1);
    credentials_are::<Admin, BasicCredentials>();
}

/// JWT bearer tokens.
#[derive(SecurityScheme)]
#[http(bearer, format = "JWT", extensions("x-issuer" = "us"))]
pub struct Jwt;

#[test]
fn bearer_with_format() {
    const EXTENSIONS: &[openapi::Extension] = &[openapi::Extension::new(
        "x-issuer",
        openapi::ExtensionValue::str("us"),
    )];
    const EXPECTED: openapi::SecurityScheme = openapi::SecurityScheme::declared(
        SecuritySchemeKind::Http {
            scheme: openapi::Text::Borrowed("bearer"),
            bearer_format: Some(openapi::Text::Borrowed("JWT")),
        },
        Some("JWT bearer tokens."),
        false,
        EXTENSIONS,
    );
    assert_eq!(*Jwt::openapi(), EXPECTED);
    let () = Jwt::CONFIG;
    credentials_are::<Jwt, BearerToken>();
}

#[doc(hidden)]
#[derive(SecurityScheme)]
#[http(digest)]
pub struct DigestAuth;

#[test]
fn digest() {
    assert_eq!(
        *DigestAuth::openapi(),
        openapi::SecurityScheme::http("digest")
    );
    credentials_are::<DigestAuth, DigestCredentials>();
}

#[doc(hidden)]
#[derive(SecurityScheme)]
#[http(scheme = "SCRAM-SHA-256", deprecated = true)]
pub struct Scram;

#[test]
fn custom_scheme_is_written_lowercase() {
    assert_eq!(
        *Scram::openapi(),
        openapi::SecurityScheme::http("scram-sha-256").with_deprecated(true)
    );
    // The challenge keeps the spelling; the comparison is case-insensitive at run time.
    assert_eq!(
        Scram::CONFIG,
        HttpConfig::new("SCRAM-SHA-256", "Scram-Sha-256")
    );
    assert_eq!(Scram::MIN_OPENAPI_VERSION, OpenApiVersion::V3_2);
    credentials_are::<Scram, HttpCredentials>();
}

/// `scheme = "Bearer"` is `bearer` (RFC 9110 §11.1: case-insensitive), so `format` applies.
#[derive(SecurityScheme)]
#[http(scheme = "Bearer", format = "opaque")]
pub struct SpelledBearer;

#[test]
fn scheme_names_are_case_insensitive() {
    assert_eq!(
        SpelledBearer::openapi().kind,
        SecuritySchemeKind::Http {
            scheme: "bearer".into(),
            bearer_format: Some("opaque".into()),
        }
    );
    credentials_are::<SpelledBearer, BearerToken>();
}

#[doc(hidden)]
#[derive(SecurityScheme)]
#[http(scheme = "basic")]
pub struct SpelledBasic;

#[test]
fn scheme_basic_is_basic() {
    assert_eq!(SpelledBasic::CONFIG, BasicConfig::new(None, "Basic"));
    credentials_are::<SpelledBasic, BasicCredentials>();
}

// JWT bearer tokens from one issuer, for this API (CT-E8, CT-E9).
#[doc(hidden)]
#[derive(SecurityScheme)]
#[http(
    bearer,
    format = "JWT",
    issuer = "https://idp.example.com",
    audience = "urn:example:items-api"
)]
pub struct IssuedJwt;

// The same scheme without them.
#[doc(hidden)]
#[derive(SecurityScheme)]
#[http(bearer, format = "JWT")]
pub struct AnyJwt;

// `scheme = "Bearer"` is `bearer` (CT-B4), so it takes them too; loopback `http` is fine.
#[doc(hidden)]
#[derive(SecurityScheme)]
#[http(scheme = "Bearer", issuer = "http://127.0.0.1:4000")]
pub struct SpelledIssuedBearer;

#[test]
fn issuer_and_audience_are_declared_not_documented() {
    assert_eq!(
        IssuedJwt::DECLARATION.issuer,
        Some("https://idp.example.com")
    );
    assert_eq!(
        IssuedJwt::DECLARATION.audience,
        Some("urn:example:items-api")
    );
    assert_eq!(AnyJwt::DECLARATION.issuer, None);
    assert_eq!(AnyJwt::DECLARATION.audience, None);
    assert_eq!(Jwt::DECLARATION.issuer, None);
    assert_eq!(
        SpelledIssuedBearer::DECLARATION.issuer,
        Some("http://127.0.0.1:4000")
    );
    assert_eq!(SpelledIssuedBearer::DECLARATION.audience, None);
    assert_eq!(*IssuedJwt::openapi(), *AnyJwt::openapi());
    for version in [
        OpenApiVersion::V3_0,
        OpenApiVersion::V3_1,
        OpenApiVersion::V3_2,
    ] {
        assert_eq!(
            IssuedJwt::openapi().to_json(version).unwrap(),
            AnyJwt::openapi().to_json(version).unwrap()
        );
    }
    credentials_are::<IssuedJwt, BearerToken>();
    credentials_are::<SpelledIssuedBearer, BearerToken>();
}
