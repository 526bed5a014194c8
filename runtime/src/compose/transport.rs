//! What composition needs to know, at compile time, about how a scheme's credentials travel.

use crate::SecurityScheme;
use crate::credentials::{
    ApiKey, BasicCredentials, BearerToken, ClientCertificate, Credentials, DigestCredentials,
    HttpCredentials,
};
use crate::openapi::ApiKeyLocation;

/// How the credentials of the scheme `S` travel, known at compile time.
///
/// Implemented for every credential type of this crate; a custom [`Credentials`] type
/// implements it to be usable in [`Auth`](super::Auth) and [`Verified`](super::Verified).
///
/// * [`AUTHORIZATION`](Transport::AUTHORIZATION) drives RULES CT-B7: [`AllOf`](super::AllOf)
///   refuses two members that both need the single `Authorization` header (RFC 9110 §11.6.2
///   allows one credential in it). True for `http` (any auth-scheme), `oauth2` and
///   `openIdConnect` (RFC 6750 §2.1 bearer tokens) and for an `apiKey` in a header named
///   `Authorization` (any case).
/// * [`BEARER`](Transport::BEARER) selects RFC 6750 challenges (`error="invalid_token"`,
///   `error="insufficient_scope"`) for rejections after extraction.
///
/// ```
/// use authscheme::SecurityScheme;
/// use authscheme::compose::Transport;
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
/// assert!(<BearerToken as Transport<Jwt>>::AUTHORIZATION);
/// assert!(<BearerToken as Transport<Jwt>>::BEARER);
/// assert!(<ApiKey as Transport<LegacyKey>>::AUTHORIZATION);
/// assert!(!<ApiKey as Transport<LegacyKey>>::BEARER);
/// ```
pub trait Transport<S>: Credentials {
    /// Whether the credentials travel in the `Authorization` header.
    const AUTHORIZATION: bool;
    /// Whether the credentials are an RFC 6750 bearer token.
    const BEARER: bool;
}

impl<S: SecurityScheme<Credentials = Self>> Transport<S> for BearerToken {
    const AUTHORIZATION: bool = true;
    const BEARER: bool = true;
}

impl<S: SecurityScheme<Credentials = Self>> Transport<S> for BasicCredentials {
    const AUTHORIZATION: bool = true;
    const BEARER: bool = false;
}

impl<S: SecurityScheme<Credentials = Self>> Transport<S> for DigestCredentials {
    const AUTHORIZATION: bool = true;
    const BEARER: bool = false;
}

impl<S: SecurityScheme<Credentials = Self>> Transport<S> for HttpCredentials {
    const AUTHORIZATION: bool = true;
    const BEARER: bool = false;
}

impl<S: SecurityScheme<Credentials = Self>> Transport<S> for ClientCertificate {
    const AUTHORIZATION: bool = false;
    const BEARER: bool = false;
}

impl<S: SecurityScheme<Credentials = Self>> Transport<S> for ApiKey {
    const AUTHORIZATION: bool =
        matches!(S::CONFIG.location, ApiKeyLocation::Header) && is_authorization(S::CONFIG.name);
    const BEARER: bool = false;
}

/// `name` equals `Authorization`, ignoring ASCII case.
const fn is_authorization(name: &str) -> bool {
    let name = name.as_bytes();
    let expected = b"authorization";
    if name.len() != expected.len() {
        return false;
    }
    let mut i = 0;
    while i < name.len() {
        if name[i].to_ascii_lowercase() != expected[i] {
            return false;
        }
        i += 1;
    }
    true
}

#[cfg(test)]
mod tests {
    use super::is_authorization;

    #[test]
    fn authorization_header_name_ignores_case() {
        assert!(is_authorization("Authorization"));
        assert!(is_authorization("AUTHORIZATION"));
        assert!(!is_authorization("X-Authorization"));
        assert!(!is_authorization("Authorizatio"));
    }
}
