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
//! Ready verifiers cover the common checks in one line: [`ApiKeys`] (a list of API keys or
//! static bearer tokens), [`BasicUsers`] (a table of Basic users and passwords), and
//! [`verify_fn`] / [`verify_with`] (any function of the credentials, synchronous or not).
//! With the `jwt` feature, `JwtVerifier` verifies JWT bearer tokens.
//!
//! ```
//! use authscheme::credentials::BasicCredentials;
//! use authscheme::verify::{Grant, Verifier, VerifyError};
//! use authscheme::{ScopeSet, SecurityScheme};
//! use http::request::Parts;
//!
//! #[derive(SecurityScheme)]
//! #[http(basic, realm = "admin", roles("reports"))]
//! struct Admin;
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
//!
//! # Timing
//!
//! [`ApiKeys`] and [`BasicUsers`] compare keys and passwords in constant time, against
//! **every** entry: how long a check takes depends on the length of what the request
//! presents, the number of entries and the longest stored secret (each is zero-padded to
//! it), never on which entry matched or how much of one did.

use std::borrow::Cow;
use std::fmt;
use std::future::Future;

use http::request::Parts;

use crate::credentials::Credentials;
use crate::{Rejection, ScopeSet, SecurityScheme};

mod ready;
pub use ready::{ApiKeys, BasicUsers, FnVerifier, KeyCredentials, verify_fn, verify_with};

#[cfg(feature = "jwt")]
mod jwt;
#[cfg(feature = "jwt")]
pub use jwt::{JwtVerifier, install_crypto_backend};
#[cfg(feature = "jwt")]
mod token_cache;
#[cfg(feature = "jwt")]
pub use token_cache::TokenCache;

#[cfg(feature = "jwks")]
pub mod jwks;
#[cfg(feature = "jwks")]
pub use jwks::JwksVerifier;

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
/// use authscheme::verify::Grant;
/// use authscheme::{ScopeSet, SecurityScheme};
///
/// #[derive(SecurityScheme)]
/// #[oauth2(token_url = "/token", scopes("read" = "read", "write" = "write"))]
/// struct Jwt;
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
/// use http::StatusCode;
///
/// let expired = VerifyError::invalid("Token expired");
/// assert_eq!(expired.detail(), "Token expired");
///
/// // Full control over the answer: FastAPI's tutorial answers 400 for an inactive user.
/// let inactive = VerifyError::reject(Rejection::new(StatusCode::BAD_REQUEST, vec![], "Inactive user"));
/// assert_eq!(inactive.detail(), "Inactive user");
/// ```
///
/// A refusal can also carry a [`Reason`] for the logs: it appears in the debug-level event
/// the extractors emit for the rejection (see the crate docs, "Diagnosing rejections"), never
/// in the response, so it may be as precise as the server's operator needs.
///
/// ```
/// use authscheme::verify::{Reason, VerifyError};
///
/// let expired = VerifyError::invalid("Could not validate credentials").with_reason(Reason::Expired);
/// assert_eq!(expired.detail(), "Could not validate credentials");
/// assert_eq!(expired.reason(), Some(&Reason::Expired));
///
/// // Free text works too.
/// let revoked = VerifyError::default().with_reason("token on the revocation list");
/// assert_eq!(revoked.reason().map(ToString::to_string).as_deref(), Some("token on the revocation list"));
/// ```
#[derive(Clone)]
pub struct VerifyError {
    kind: Kind,
    reason: Option<Reason>,
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
            reason: None,
        }
    }

    /// Answer with this rejection as it is.
    pub fn reject(rejection: Rejection) -> Self {
        Self {
            kind: Kind::Reject(rejection),
            reason: None,
        }
    }

    /// Records why the credentials were refused, for the logs only: the response keeps its
    /// detail. Never put a credential (or a claim's value) in the reason.
    #[must_use]
    pub fn with_reason(mut self, reason: impl Into<Reason>) -> Self {
        self.reason = Some(reason.into());
        self
    }

    /// Why the credentials were refused, if the verifier said.
    pub fn reason(&self) -> Option<&Reason> {
        self.reason.as_ref()
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
            .field("reason", &self.reason)
            .finish_non_exhaustive()
    }
}

impl fmt::Display for VerifyError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str(self.detail())
    }
}

impl std::error::Error for VerifyError {}

/// Why a [`Verifier`] refused credentials, as the server's logs tell it (see
/// [`VerifyError::with_reason`]). The common reasons have a variant; anything else is
/// [`Reason::Other`], which `From<&'static str>` and `From<String>` build.
///
/// `Display` writes a short lowercase phrase: `expired`, ``missing claim `sub` ``, ...
///
/// ```
/// use authscheme::verify::Reason;
///
/// assert_eq!(Reason::Expired.to_string(), "expired");
/// assert_eq!(Reason::MissingClaim("sub".into()).to_string(), "missing claim `sub`");
/// assert_eq!(Reason::from("account locked"), Reason::Other("account locked".into()));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum Reason {
    /// The credentials are past their expiry (a JWT's `exp`).
    Expired,
    /// The credentials are not valid yet (a JWT's `nbf`).
    NotYetValid,
    /// The signature does not verify.
    BadSignature,
    /// The token is signed with an algorithm the verifier does not accept.
    WrongAlgorithm,
    /// The token cannot be decoded (not a JWT, bad base64, bad JSON…).
    MalformedToken,
    /// The token's header lists extensions the recipient must understand (a JWS `crit`,
    /// RFC 7515 §4.1.11), and the verifier understands none of them.
    UnsupportedCriticalHeader,
    /// A required claim is absent; holds the claim's name.
    MissingClaim(Cow<'static, str>),
    /// A claim has the wrong type or format; holds the claim's name.
    InvalidClaim(Cow<'static, str>),
    /// The claims do not have the shape the application expects (they do not deserialize).
    UnexpectedClaims,
    /// The audience (`aud`) is not one the verifier accepts.
    WrongAudience,
    /// The issuer (`iss`) is not one the verifier accepts.
    WrongIssuer,
    /// The subject (`sub`) is not one the verifier accepts.
    WrongSubject,
    /// No known key, or no user with this password.
    UnknownCredentials,
    /// The token names a signing key (its `kid`) that the verifier's key set does not hold,
    /// or names none where several keys could have signed it.
    UnknownKey,
    /// The credentials were revoked.
    Revoked,
    /// The verifier could not check the credentials at all (an unusable key, an unreachable
    /// store…): a problem of the server, not of the client.
    VerifierFailed(Cow<'static, str>),
    /// Any other reason, in the application's words.
    Other(Cow<'static, str>),
}

impl fmt::Display for Reason {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Expired => f.write_str("expired"),
            Self::NotYetValid => f.write_str("not yet valid"),
            Self::BadSignature => f.write_str("bad signature"),
            Self::WrongAlgorithm => f.write_str("algorithm not accepted"),
            Self::MalformedToken => f.write_str("malformed token"),
            Self::UnsupportedCriticalHeader => {
                f.write_str("critical header extension not understood")
            }
            Self::MissingClaim(claim) => write!(f, "missing claim `{claim}`"),
            Self::InvalidClaim(claim) => write!(f, "invalid claim `{claim}`"),
            Self::UnexpectedClaims => f.write_str("claims of an unexpected shape"),
            Self::WrongAudience => f.write_str("wrong audience"),
            Self::WrongIssuer => f.write_str("wrong issuer"),
            Self::WrongSubject => f.write_str("wrong subject"),
            Self::UnknownCredentials => f.write_str("unknown credentials"),
            Self::UnknownKey => f.write_str("unknown signing key"),
            Self::Revoked => f.write_str("revoked"),
            Self::VerifierFailed(why) => write!(f, "verifier failed: {why}"),
            Self::Other(text) => f.write_str(text),
        }
    }
}

impl From<&'static str> for Reason {
    fn from(text: &'static str) -> Self {
        Self::Other(Cow::Borrowed(text))
    }
}

impl From<String> for Reason {
    fn from(text: String) -> Self {
        Self::Other(Cow::Owned(text))
    }
}
