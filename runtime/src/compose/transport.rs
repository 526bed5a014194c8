//! What composition needs to know, at compile time, about how a scheme's credentials travel.

use crate::SecurityScheme;
use crate::credentials::{
    ApiKey, BasicCredentials, BearerToken, ClientCertificate, Credentials, DigestCredentials,
    HttpCredentials,
};

/// How the credentials of the scheme `S` travel, known at compile time.
///
/// Implemented for every credential type of this crate; a custom [`Credentials`] type
/// implements it to be usable in [`Auth`](super::Auth) and [`Verified`](super::Verified).
///
/// * [`Authorization`](Transport::Authorization) lets [`AllOf`](super::AllOf) refuse, at
///   `cargo check`, two members that both need the single `Authorization` header (RFC 9110
///   §11.6.2 allows one credential in it). [`InAuthorization`] for `http` (any auth-scheme),
///   `oauth2` and `openIdConnect` (RFC 6750 §2.1 bearer tokens) and for an `apiKey` in a
///   header named `Authorization` (any case, see [`ApiKeyHeader`]); [`Elsewhere`] otherwise.
/// * [`BEARER`](Transport::BEARER) selects RFC 6750 challenges (`error="invalid_token"`,
///   `error="insufficient_scope"`) for rejections after extraction.
///
/// ```
/// use authscheme::SecurityScheme;
/// use authscheme::compose::{AuthorizationUse, Transport};
/// use authscheme::credentials::{ApiKey, BearerToken};
///
/// #[derive(SecurityScheme)]
/// #[api_key(header = "authorization")]
/// struct LegacyKey;
///
/// #[derive(SecurityScheme)]
/// #[http(bearer)]
/// struct Jwt;
///
/// assert!(<<BearerToken as Transport<Jwt>>::Authorization as AuthorizationUse>::IN_AUTHORIZATION);
/// assert!(<BearerToken as Transport<Jwt>>::BEARER);
/// assert!(<<ApiKey as Transport<LegacyKey>>::Authorization as AuthorizationUse>::IN_AUTHORIZATION);
/// assert!(!<ApiKey as Transport<LegacyKey>>::BEARER);
/// ```
pub trait Transport<S>: Credentials {
    /// [`InAuthorization`] when the credentials travel in the `Authorization` header,
    /// [`Elsewhere`] otherwise.
    type Authorization: AuthorizationUse;
    /// Whether the credentials are an RFC 6750 bearer token.
    const BEARER: bool;
}

impl<S: SecurityScheme<Credentials = Self>> Transport<S> for BearerToken {
    type Authorization = InAuthorization;
    const BEARER: bool = true;
}

impl<S: SecurityScheme<Credentials = Self>> Transport<S> for BasicCredentials {
    type Authorization = InAuthorization;
    const BEARER: bool = false;
}

impl<S: SecurityScheme<Credentials = Self>> Transport<S> for DigestCredentials {
    type Authorization = InAuthorization;
    const BEARER: bool = false;
}

impl<S: SecurityScheme<Credentials = Self>> Transport<S> for HttpCredentials {
    type Authorization = InAuthorization;
    const BEARER: bool = false;
}

impl<S: SecurityScheme<Credentials = Self>> Transport<S> for ClientCertificate {
    type Authorization = Elsewhere;
    const BEARER: bool = false;
}

impl<S: SecurityScheme<Credentials = Self> + ApiKeyHeader> Transport<S> for ApiKey {
    type Authorization = S::Authorization;
    const BEARER: bool = false;
}

/// Whether an `apiKey` scheme's key travels in the `Authorization` header: implemented by
/// `#[derive(SecurityScheme)]` for every API key scheme, as [`InAuthorization`] for a header
/// named `Authorization` (any case) and [`Elsewhere`] otherwise. A type rather than a
/// `const`, so that [`AllOf`](super::AllOf)'s check runs at `cargo check`.
///
/// ```
/// use authscheme::SecurityScheme;
/// use authscheme::compose::{ApiKeyHeader, AuthorizationUse};
///
/// #[derive(SecurityScheme)]
/// #[api_key(header = "X-API-Key")]
/// struct Key;
///
/// assert!(!<<Key as ApiKeyHeader>::Authorization as AuthorizationUse>::IN_AUTHORIZATION);
/// ```
pub trait ApiKeyHeader {
    /// [`InAuthorization`] or [`Elsewhere`].
    type Authorization: AuthorizationUse;
}

/// The credentials travel in the `Authorization` header.
#[derive(Debug)]
pub enum InAuthorization {}

/// The credentials travel somewhere else than the `Authorization` header.
#[derive(Debug)]
pub enum Elsewhere {}

/// [`InAuthorization`] or [`Elsewhere`]: whether a requirement needs the `Authorization`
/// header, as a type.
pub trait AuthorizationUse: private::Sealed + 'static {
    /// Whether this is [`InAuthorization`].
    const IN_AUTHORIZATION: bool;
    /// [`InAuthorization`] if either `Self` or `Other` is; the use of an
    /// [`AnyOf`](super::AnyOf) of the two.
    type Or<Other: AuthorizationUse>: AuthorizationUse;
}

impl AuthorizationUse for InAuthorization {
    const IN_AUTHORIZATION: bool = true;
    type Or<Other: AuthorizationUse> = InAuthorization;
}

impl AuthorizationUse for Elsewhere {
    const IN_AUTHORIZATION: bool = false;
    type Or<Other: AuthorizationUse> = Other;
}

mod private {
    pub trait Sealed {}
    impl Sealed for super::InAuthorization {}
    impl Sealed for super::Elsewhere {}
}
