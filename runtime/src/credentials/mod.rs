//! Credentials: what a request carries for a scheme, and how to find it.
//!
//! Each credential type implements [`Credentials`]: given the request head and the
//! scheme's `'static` configuration ([`Credentials::Config`]), it finds and parses its
//! credentials strictly (RFC 9110 §11, RFC 6750, RFC 7617), returning
//!
//! * `Ok(None)` when the request carries no credentials for the scheme (so that
//!   `Option<Auth<S>>` can be `None`),
//! * `Ok(Some(credentials))` when it carries well-formed ones,
//! * `Err(rejection)` when it carries malformed ones.
//!
//! No credential type prints its secret in `Debug`.

use http::request::Parts;

use crate::Rejection;
use crate::openapi::ApiKeyLocation;

/// A kind of credentials that can be extracted from a request head.
pub trait Credentials: Sized + Send + Sync + 'static {
    /// The scheme's configuration: a `'static` value built at compile time by the derive.
    type Config: Send + Sync + 'static;

    /// Finds and parses the credentials in `parts`.
    ///
    /// # Errors
    ///
    /// A [`Rejection`] (401 with the scheme's challenge) when credentials for this scheme are
    /// present but malformed.
    fn extract(parts: &Parts, config: &Self::Config) -> Result<Option<Self>, Rejection>;

    /// The rejection for a request without (acceptable) credentials: 401 with the scheme's
    /// `WWW-Authenticate` challenge and `{"detail":"Not authenticated"}`.
    fn missing(config: &Self::Config) -> Rejection;
}

/// Configuration of HTTP Basic: the `realm` of its challenge.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BasicConfig {
    /// The realm, sent as `Basic realm="…"`; `None` sends a bare `Basic`.
    pub realm: Option<&'static str>,
}

impl BasicConfig {
    /// A Basic configuration.
    pub const fn new(realm: Option<&'static str>) -> Self {
        Self { realm }
    }
}

/// Configuration of a custom `http` scheme: its auth-scheme word.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HttpConfig {
    /// The auth-scheme word, e.g. `scram-sha-256` (compared case-insensitively).
    pub scheme: &'static str,
}

impl HttpConfig {
    /// A custom-scheme configuration.
    pub const fn new(scheme: &'static str) -> Self {
        Self { scheme }
    }
}

/// Configuration of an API key: where it travels and under which name.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct ApiKeyConfig {
    /// Header, query parameter or cookie.
    pub location: ApiKeyLocation,
    /// The header, parameter or cookie name.
    pub name: &'static str,
}

impl ApiKeyConfig {
    /// An API-key configuration.
    pub const fn new(location: ApiKeyLocation, name: &'static str) -> Self {
        Self { location, name }
    }
}

mod types;
pub use types::{
    ApiKey, BasicCredentials, BearerToken, ClientCertificate, DigestCredentials, HttpCredentials,
};
