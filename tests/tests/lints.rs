//! Expansions are clean under strict lints (`cargo clippy --all-targets` runs the pedantic
//! group on this file).
#![deny(warnings, unused_qualifications, clippy::pedantic)]
#![allow(clippy::missing_docs_in_private_items)]

use authscheme::openapi::OpenApiVersion;
use authscheme::{ScopeSet, SecurityScheme, scopes};

/// Every flow, extensions of every value type, a long number.
#[derive(SecurityScheme)]
#[oauth2(
    openapi = "3.2",
    deprecated,
    implicit(authorization_url = "https://as.example.com/authorize", refresh_url = "/refresh"),
    password(token_url = "/token", scopes("extra" = "Extra"), extensions("x-p" = true)),
    client_credentials(token_url = "/token"),
    authorization_code(authorization_url = "/authorize", token_url = "/token"),
    device_authorization(device_authorization_url = "/device", token_url = "/token"),
    scopes("read" = "Read", "write" = "Write"),
    extensions("x-s" = "s", "x-i" = 1_000_000, "x-n" = -9_223_372_036_854_775_808, "x-f" = 123_456.789),
    flows_extensions("x-b" = false),
    oauth2_metadata_url = "https://as.example.com/.well-known/oauth-authorization-server",
    issuer = "https://as.example.com",
    audience = "https://api.example.com",
)]
pub struct Everything;

/// Flat form.
#[derive(SecurityScheme)]
#[oauth2(token_url = "/token")]
pub struct Flat;

/// Basic.
#[derive(SecurityScheme)]
#[http(basic, realm = "admin", roles("admin"))]
pub struct Basic;

/// Bearer.
#[derive(SecurityScheme)]
#[http(bearer, format = "JWT")]
pub struct Bearer;

/// Digest.
#[derive(SecurityScheme)]
#[http(digest)]
pub struct Digest;

/// Custom.
#[derive(SecurityScheme)]
#[http(scheme = "custom")]
pub struct Custom;

/// Key.
#[derive(SecurityScheme)]
#[api_key(query = "key")]
pub struct Key;

/// OpenID Connect.
#[derive(SecurityScheme)]
#[openid_connect(url = "/.well-known/openid-configuration", scopes("openid"))]
pub struct Oidc;

/// Mutual TLS.
#[derive(SecurityScheme)]
#[mutual_tls]
pub struct Mtls;

/// Generic.
#[derive(SecurityScheme)]
#[http(bearer)]
pub struct Generic<T: 'static>(core::marker::PhantomData<T>);

const READ_WRITE: ScopeSet<Everything> = <scopes!(Everything: "read", "write")>::SET;

#[test]
fn lint_clean_expansions_work() {
    assert_eq!(Everything::MIN_OPENAPI_VERSION, OpenApiVersion::V3_2);
    assert_eq!(READ_WRITE.bits(), 0b11);
    assert_eq!(<scopes!(Everything: "extra")>::SET.bits(), 0b100);
    assert!(<scopes!(Flat)>::SET.is_empty());
    assert_eq!(<scopes!(Basic: "admin")>::SET.bits(), 1);
    assert_eq!(<scopes!(Oidc: "openid")>::SET.bits(), 1);
    for name in [
        Flat::NAME,
        Bearer::NAME,
        Digest::NAME,
        Custom::NAME,
        Key::NAME,
        Mtls::NAME,
        Generic::<u8>::NAME,
    ] {
        assert!(!name.is_empty());
    }
}
