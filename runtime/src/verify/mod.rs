//! Verification: the application's hook that turns credentials into a principal with
//! granted scopes (`token → user`).
//!
//! Implement [`Verifier<S>`] for the schemes whose credentials you check, and require them
//! with [`Verified<S, V>`](crate::compose::Verified), or `Verified<scopes!(S: ..), V>` for
//! required scopes. The verifier answers with a
//! [`Grant`] (the principal and the scopes it holds) or a [`VerifyError`]:
//! [`VerifyError::invalid`] becomes 401 with your detail and, for bearer-based schemes,
//! `WWW-Authenticate: Bearer error="invalid_token"` (RFC 6750 §3.1); [`VerifyError::reject`]
//! answers with a [`Rejection`] of your own.
//!
//! With the `jwt` feature, `JwtVerifier` verifies JWT bearer tokens.
//!
//! ```
//! use authscheme::SecurityScheme;
//! # use authscheme::{openapi, credentials::BasicCredentials, credentials::BasicConfig};
//! #[derive(SecurityScheme)]
//! #[http(basic, realm = "admin", roles("reports"))]
//! struct Admin;
//! use authscheme::ScopeSet;
//! use authscheme::verify::{Grant, Verifier, VerifyError};
//! use http::request::Parts;
//!
//! /// Lets everybody in as `guest`, with no scopes.
//! #[derive(Clone)]
//! struct Guests;
//!
//! impl Verifier<Admin> for Guests {
//!     type Principal = String;
//!
//!     async fn verify(
//!         &self,
//!         _credentials: &BasicCredentials,
//!         _parts: &Parts,
//!     ) -> Result<Grant<Admin, String>, VerifyError> {
//!         Ok(Grant::new("guest".to_owned(), ScopeSet::EMPTY))
//!     }
//! }
//! ```

use std::borrow::Cow;
use std::fmt;
use std::future::Future;

use http::request::Parts;

use crate::credentials::Credentials;
use crate::{Rejection, ScopeSet, SecurityScheme};

#[cfg(feature = "jwt")]
mod jwt;
#[cfg(feature = "jwt")]
pub use jwt::JwtVerifier;

/// The application's check of `S`'s credentials: token → principal with granted scopes.
///
/// Use a plain `async fn` in the impl (the returned future must be `Send`). The request head
/// is there for verifiers that need more than the credentials (a client address, a `DPoP`
/// header…).
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not verify the scheme `{S}`",
    label = "not a verifier of `{S}`",
    note = "implement `Verifier<{S}>` for `{Self}`, or name the verifier of `{S}` here; scopes belong to the scheme named in `scopes!(Scheme: ..)`"
)]
pub trait Verifier<S: SecurityScheme>: Send + Sync + 'static {
    /// Who the credentials belong to: a user, a client, the token's claims…
    type Principal: Send + Sync + Clone + 'static;

    /// Verifies `credentials`.
    ///
    /// # Errors
    ///
    /// A [`VerifyError`] when the credentials are not valid (unknown, expired, revoked…).
    fn verify(
        &self,
        credentials: &S::Credentials,
        parts: &Parts,
    ) -> impl Future<Output = Result<Grant<S, Self::Principal>, VerifyError>> + Send;
}

/// What a [`Verifier`] grants: the principal and the scopes it holds.
///
/// ```
/// use authscheme::SecurityScheme;
/// # use authscheme::{openapi, credentials::BearerToken};
/// #[derive(SecurityScheme)]
/// #[oauth2(token_url = "/token", scopes("read" = "read", "write" = "write"))]
/// struct Jwt;
/// use authscheme::ScopeSet;
/// use authscheme::verify::Grant;
///
/// // Scopes granted at run time (a token's `scope` claim): undeclared names are dropped.
/// let grant = Grant::<Jwt, _>::new("alice", ScopeSet::from_names("read admin".split(' ')));
/// assert_eq!(grant.principal(), &"alice");
/// assert_eq!(grant.scopes().names().collect::<Vec<_>>(), ["read"]);
/// ```
pub struct Grant<S, P> {
    principal: P,
    scopes: ScopeSet<S>,
}

impl<S: SecurityScheme, P> Grant<S, P> {
    /// A principal holding `scopes`.
    pub const fn new(principal: P, scopes: ScopeSet<S>) -> Self {
        Self { principal, scopes }
    }

    /// The principal.
    pub const fn principal(&self) -> &P {
        &self.principal
    }

    /// The granted scopes.
    pub const fn scopes(&self) -> ScopeSet<S> {
        self.scopes
    }

    /// The principal and the granted scopes.
    pub fn into_parts(self) -> (P, ScopeSet<S>) {
        (self.principal, self.scopes)
    }
}

impl<S: SecurityScheme, P: fmt::Debug> fmt::Debug for Grant<S, P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Grant")
            .field("principal", &self.principal)
            .field("scopes", &self.scopes)
            .finish()
    }
}

/// Why a [`Verifier`] refused credentials.
///
/// ```
/// use authscheme::Rejection;
/// use authscheme::verify::VerifyError;
/// use http::{HeaderValue, StatusCode};
///
/// let expired = VerifyError::invalid("Token expired");
/// assert_eq!(expired.detail(), "Token expired");
///
/// // Full control over the answer: FastAPI's tutorial answers 400 for an inactive user.
/// let inactive = VerifyError::reject(Rejection::new(StatusCode::BAD_REQUEST, vec![], "Inactive user"));
/// assert_eq!(inactive.detail(), "Inactive user");
/// ```
#[derive(Clone)]
pub struct VerifyError {
    kind: Kind,
}

#[derive(Clone)]
enum Kind {
    Invalid(Cow<'static, str>),
    Reject(Rejection),
}

impl VerifyError {
    /// The detail of FastAPI's tutorial for credentials that do not verify.
    pub const COULD_NOT_VALIDATE: &'static str = "Could not validate credentials";

    /// The credentials are not valid: 401 with `detail`, the scheme's challenge and, for
    /// bearer-based schemes, `error="invalid_token"`. Never put a credential in `detail`.
    pub fn invalid(detail: impl Into<Cow<'static, str>>) -> Self {
        Self {
            kind: Kind::Invalid(detail.into()),
        }
    }

    /// Answer with this rejection as it is.
    pub fn reject(rejection: Rejection) -> Self {
        Self {
            kind: Kind::Reject(rejection),
        }
    }

    /// The detail the response will carry.
    pub fn detail(&self) -> &str {
        match &self.kind {
            Kind::Invalid(detail) => detail,
            Kind::Reject(rejection) => rejection.detail(),
        }
    }

    /// The rejection for scheme `S`: see [`Credentials::invalid`].
    pub fn into_rejection<S: SecurityScheme>(self) -> Rejection {
        match self.kind {
            Kind::Invalid(detail) => S::Credentials::invalid(&S::CONFIG, detail),
            Kind::Reject(rejection) => rejection,
        }
    }
}

impl Default for VerifyError {
    /// [`VerifyError::invalid`] with [`COULD_NOT_VALIDATE`](VerifyError::COULD_NOT_VALIDATE).
    fn default() -> Self {
        Self::invalid(Self::COULD_NOT_VALIDATE)
    }
}

impl From<Rejection> for VerifyError {
    fn from(rejection: Rejection) -> Self {
        Self::reject(rejection)
    }
}

impl fmt::Debug for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("VerifyError")
            .field("detail", &self.detail())
            .finish_non_exhaustive()
    }
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.detail())
    }
}

impl std::error::Error for VerifyError {}
