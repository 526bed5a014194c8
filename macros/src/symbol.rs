//! Every key of the DSL, in one place.

use std::fmt;

use syn::{Ident, Path};

/// A key (or attribute name) of the DSL.
#[derive(Copy, Clone, Debug, PartialEq, Eq)]
pub(crate) struct Symbol(pub(crate) &'static str);

impl Symbol {
    pub(crate) const fn as_str(self) -> &'static str {
        self.0
    }
}

impl PartialEq<Symbol> for Ident {
    fn eq(&self, word: &Symbol) -> bool {
        self == word.0
    }
}

impl PartialEq<Symbol> for &Ident {
    fn eq(&self, word: &Symbol) -> bool {
        *self == word.0
    }
}

impl PartialEq<Symbol> for Path {
    fn eq(&self, word: &Symbol) -> bool {
        self.is_ident(word.0)
    }
}

impl fmt::Display for Symbol {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        formatter.write_str(self.0)
    }
}

// The kind attributes.
pub(crate) const OAUTH2: Symbol = Symbol("oauth2");
pub(crate) const OPENID_CONNECT: Symbol = Symbol("openid_connect");
pub(crate) const API_KEY: Symbol = Symbol("api_key");
pub(crate) const HTTP: Symbol = Symbol("http");
pub(crate) const MUTUAL_TLS: Symbol = Symbol("mutual_tls");
pub(crate) const KINDS: &[Symbol] = &[OAUTH2, OPENID_CONNECT, API_KEY, HTTP, MUTUAL_TLS];

// Keys every kind accepts.
pub(crate) const NAME: Symbol = Symbol("name");
pub(crate) const DESCRIPTION: Symbol = Symbol("description");
pub(crate) const EXTENSIONS: Symbol = Symbol("extensions");
pub(crate) const DEPRECATED: Symbol = Symbol("deprecated");
pub(crate) const OPENAPI: Symbol = Symbol("openapi");
pub(crate) const CRATE: Symbol = Symbol("crate");
pub(crate) const COMMON_KEYS: &[Symbol] =
    &[NAME, DESCRIPTION, EXTENSIONS, DEPRECATED, OPENAPI, CRATE];

// Keys of the kinds whose credentials are bearer tokens: `#[oauth2]`, `#[openid_connect]` and
// `#[http(bearer)]` (the `iss` and `aud` the tokens must carry).
pub(crate) const ISSUER: Symbol = Symbol("issuer");
pub(crate) const AUDIENCE: Symbol = Symbol("audience");

// #[oauth2(..)]
pub(crate) const TOKEN_URL: Symbol = Symbol("token_url");
pub(crate) const REFRESH_URL: Symbol = Symbol("refresh_url");
pub(crate) const AUTHORIZATION_URL: Symbol = Symbol("authorization_url");
pub(crate) const DEVICE_AUTHORIZATION_URL: Symbol = Symbol("device_authorization_url");
pub(crate) const SCOPES: Symbol = Symbol("scopes");
pub(crate) const FLOWS_EXTENSIONS: Symbol = Symbol("flows_extensions");
pub(crate) const OAUTH2_METADATA_URL: Symbol = Symbol("oauth2_metadata_url");
pub(crate) const IMPLICIT: Symbol = Symbol("implicit");
pub(crate) const PASSWORD: Symbol = Symbol("password");
pub(crate) const CLIENT_CREDENTIALS: Symbol = Symbol("client_credentials");
pub(crate) const AUTHORIZATION_CODE: Symbol = Symbol("authorization_code");
pub(crate) const DEVICE_AUTHORIZATION: Symbol = Symbol("device_authorization");
pub(crate) const OAUTH2_KEYS: &[Symbol] = &[
    TOKEN_URL,
    REFRESH_URL,
    SCOPES,
    IMPLICIT,
    PASSWORD,
    CLIENT_CREDENTIALS,
    AUTHORIZATION_CODE,
    DEVICE_AUTHORIZATION,
    FLOWS_EXTENSIONS,
    OAUTH2_METADATA_URL,
    ISSUER,
    AUDIENCE,
];
pub(crate) const FLOW_KEYS: &[Symbol] = &[
    AUTHORIZATION_URL,
    DEVICE_AUTHORIZATION_URL,
    TOKEN_URL,
    REFRESH_URL,
    SCOPES,
    EXTENSIONS,
];

// #[openid_connect(..)]
pub(crate) const URL: Symbol = Symbol("url");
pub(crate) const OPENID_CONNECT_KEYS: &[Symbol] = &[URL, SCOPES, ISSUER, AUDIENCE];

// #[api_key(..)]
pub(crate) const HEADER: Symbol = Symbol("header");
pub(crate) const QUERY: Symbol = Symbol("query");
pub(crate) const COOKIE: Symbol = Symbol("cookie");
pub(crate) const ROLES: Symbol = Symbol("roles");
pub(crate) const API_KEY_KEYS: &[Symbol] = &[HEADER, QUERY, COOKIE, ROLES];

// #[http(..)]
pub(crate) const BASIC: Symbol = Symbol("basic");
pub(crate) const BEARER: Symbol = Symbol("bearer");
pub(crate) const DIGEST: Symbol = Symbol("digest");
pub(crate) const SCHEME: Symbol = Symbol("scheme");
pub(crate) const REALM: Symbol = Symbol("realm");
pub(crate) const FORMAT: Symbol = Symbol("format");
pub(crate) const HTTP_KEYS: &[Symbol] = &[
    BASIC, BEARER, DIGEST, SCHEME, REALM, FORMAT, ISSUER, AUDIENCE, ROLES,
];

// #[mutual_tls(..)]
pub(crate) const MUTUAL_TLS_KEYS: &[Symbol] = &[ROLES];

/// The keys specific to each kind attribute (the common keys come on top).
pub(crate) fn kind_keys(kind: Symbol) -> &'static [Symbol] {
    match kind.0 {
        "oauth2" => OAUTH2_KEYS,
        "openid_connect" => OPENID_CONNECT_KEYS,
        "api_key" => API_KEY_KEYS,
        "http" => HTTP_KEYS,
        _ => MUTUAL_TLS_KEYS,
    }
}
