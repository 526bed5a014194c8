//! A ready [`Verifier`] for JWT bearer tokens (feature `jwt`).

use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;

use http::request::Parts;
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{DecodingKey, Validation};
use serde::Deserialize;
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::{Grant, Verifier, VerifyError};
use crate::credentials::BearerToken;
use crate::{ScopeSet, SecurityScheme};

/// Verifies JWT bearer tokens with [`jsonwebtoken`]: signature, `exp`, `nbf` and whatever
/// else the [`Validation`] asks for; the principal is the claims, deserialized as `T`.
///
/// The granted scopes are read from the `scope` claim (a space-separated string, RFC 8693
/// §4.2) and the `scp` claim (a string or an array of strings); names the scheme does not
/// declare are ignored. Any failure is a 401 with `WWW-Authenticate: Bearer
/// error="invalid_token"`: `{"detail":"Token has expired"}` for an expired token,
/// `{"detail":"Could not validate credentials"}` otherwise (the reason is not disclosed).
///
/// Cloning is cheap (the key and validation are shared). The crate is built with its
/// pure-Rust `rust_crypto` backend; do not also enable `jsonwebtoken`'s `aws_lc_rs` feature.
///
/// ```
/// use authscheme::SecurityScheme;
/// # use authscheme::{openapi, credentials::BearerToken};
/// #[derive(SecurityScheme)]
/// #[oauth2(token_url = "/token", scopes("items:read" = "items:read", "items:write" = "items:write"))]
/// struct ItemsAuth;
/// use authscheme::Verified;
/// use authscheme::verify::JwtVerifier;
/// use jsonwebtoken::{Algorithm, DecodingKey, Validation};
///
/// #[derive(Clone, serde::Deserialize)]
/// struct Claims {
///     sub: String,
/// }
///
/// let verifier: JwtVerifier<Claims> =
///     JwtVerifier::new(DecodingKey::from_secret(b"secret"), Validation::new(Algorithm::HS256));
///
/// // In a handler: the claims of a valid token with at least the required scopes.
/// async fn items(user: Verified<ItemsAuth, JwtVerifier<Claims>>) -> String {
///     user.principal().sub.clone()
/// }
/// # let _ = (verifier, items);
/// ```
pub struct JwtVerifier<T = Value> {
    inner: Arc<Inner>,
    claims: PhantomData<fn() -> T>,
}

struct Inner {
    key: DecodingKey,
    validation: Validation,
}

impl<T> JwtVerifier<T> {
    /// A verifier checking tokens with `key` and `validation`.
    pub fn new(key: DecodingKey, validation: Validation) -> Self {
        Self {
            inner: Arc::new(Inner { key, validation }),
            claims: PhantomData,
        }
    }
}

impl<T> Clone for JwtVerifier<T> {
    fn clone(&self) -> Self {
        Self {
            inner: Arc::clone(&self.inner),
            claims: PhantomData,
        }
    }
}

impl<T> fmt::Debug for JwtVerifier<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JwtVerifier")
            .field("algorithms", &self.inner.validation.algorithms)
            .finish_non_exhaustive()
    }
}

impl<S, T> Verifier<S> for JwtVerifier<T>
where
    S: SecurityScheme<Credentials = BearerToken>,
    T: DeserializeOwned + Clone + Send + Sync + 'static,
{
    type Principal = T;

    async fn verify(
        &self,
        token: &BearerToken,
        _parts: &Parts,
    ) -> Result<Grant<S, T>, VerifyError> {
        let data =
            jsonwebtoken::decode::<Value>(token.token(), &self.inner.key, &self.inner.validation)
                .map_err(|error| match error.kind() {
                ErrorKind::ExpiredSignature => VerifyError::invalid("Token has expired"),
                _ => VerifyError::default(),
            })?;
        let scopes = granted_scopes::<S>(&data.claims);
        let claims = T::deserialize(&data.claims).map_err(|_| VerifyError::default())?;
        Ok(Grant::new(claims, scopes))
    }
}

/// `scp` as RFC 9068 / Azure write it: one string or an array.
#[derive(Deserialize)]
#[serde(untagged)]
enum Scp {
    One(String),
    Many(Vec<String>),
}

/// The declared scopes among the `scope` and `scp` claims.
fn granted_scopes<S: SecurityScheme>(claims: &Value) -> ScopeSet<S> {
    let scope = claims
        .get("scope")
        .and_then(Value::as_str)
        .map(|scope| ScopeSet::from_names(scope.split(' ')))
        .unwrap_or_default();
    let scp = match claims.get("scp").map(Scp::deserialize) {
        Some(Ok(Scp::One(names))) => ScopeSet::from_names(names.split(' ')),
        Some(Ok(Scp::Many(names))) => ScopeSet::from_names(names.iter().map(String::as_str)),
        Some(Err(_)) | None => ScopeSet::EMPTY,
    };
    scope.union(scp)
}
