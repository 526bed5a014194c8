//! Expansions use absolute paths only: they compile without the prelude and next to user
//! types that shadow every prelude name they could have used.
#![no_implicit_prelude]

#[allow(dead_code)]
mod shadowing {
    pub(crate) struct Result;
    pub(crate) struct Option;
    pub(crate) struct Some;
    pub(crate) struct None;
    pub(crate) struct Ok;
    pub(crate) struct Err;
    pub(crate) struct Vec;
    pub(crate) struct String;
    pub(crate) struct Box;
    pub(crate) struct Send;
    pub(crate) struct Sync;
    pub(crate) struct Sized;
    pub(crate) mod core {}
    pub(crate) mod std {}
    pub(crate) mod authscheme {}
}

#[allow(unused_imports)]
use self::shadowing::*;

use ::authscheme::{SecurityScheme, scopes};

/// Shadowed prelude, flat form.
#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", refresh_url = "/refresh", scopes("read" = "Read"), extensions("x-a" = 1))]
pub struct Flat;

/// Every flow.
#[derive(SecurityScheme)]
#[oauth2(
    implicit(authorization_url = "/authorize"),
    password(token_url = "/token"),
    client_credentials(token_url = "/token"),
    authorization_code(authorization_url = "/authorize", token_url = "/token"),
    device_authorization(device_authorization_url = "/device", token_url = "/token"),
    flows_extensions("x-f" = -1.5),
    oauth2_metadata_url = "https://as.example.com/.well-known/oauth-authorization-server",
)]
pub struct Flows;

/// Basic.
#[derive(SecurityScheme)]
#[http(basic, realm = "r", roles("admin"))]
pub struct Basic;

/// Custom.
#[derive(SecurityScheme)]
#[http(scheme = "custom")]
pub struct Custom;

/// Key.
#[derive(SecurityScheme)]
#[api_key(cookie = "session")]
pub struct Key;

/// OpenID Connect, with the tokens' issuer and audience.
#[derive(SecurityScheme)]
#[openid_connect(
    url = "https://id.example.com/.well-known/openid-configuration",
    scopes("openid"),
    issuer = "https://id.example.com",
    audience = "urn:example:api"
)]
pub struct Oidc;

/// Mutual TLS, generic.
#[derive(SecurityScheme)]
#[mutual_tls(deprecated)]
pub struct Mtls<T: 'static>(::core::marker::PhantomData<T>);

#[test]
fn expansions_ignore_the_prelude() {
    ::core::assert_eq!(<Flat as SecurityScheme>::NAME, "Flat");
    ::core::assert_eq!(<scopes!(Flat: "read")>::SET.bits(), 1);
    ::core::assert_eq!(<scopes!(Basic: "admin")>::SET.bits(), 1);
    ::core::assert!(<scopes!(Oidc)>::SET.is_empty());
    ::core::assert_eq!(
        <Flows as SecurityScheme>::openapi().kind.type_name(),
        "oauth2"
    );
    ::core::assert_eq!(
        <Custom as SecurityScheme>::openapi().kind.type_name(),
        "http"
    );
    ::core::assert_eq!(
        <Key as SecurityScheme>::openapi().kind.type_name(),
        "apiKey"
    );
    ::core::assert_eq!(
        <Mtls<u8> as SecurityScheme>::openapi().kind.type_name(),
        "mutualTLS"
    );
}
