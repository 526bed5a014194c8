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
