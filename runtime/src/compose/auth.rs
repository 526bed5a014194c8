//! [`Auth<S>`]: the scheme's credentials, required.

use std::fmt;

use http::request::Parts;

use super::{Check, Requirement, Transport, security};
use crate::credentials::Credentials;
use crate::openapi::SecurityRequirement;
use crate::{Rejection, SecurityScheme};

/// The credentials of scheme `S`, required: missing or malformed credentials are answered
/// with `S`'s 401. Documented as `{S: []}`.
///
/// Like FastAPI's security dependencies, `Auth` only extracts: it does not decide whether
/// the credentials are valid. Use [`Verified`](super::Verified) to run a verifier and to
/// require scopes. `Option<Auth<S>>` is FastAPI's `auto_error=False`.
///
/// `Debug` prints the scheme name only, never the credentials.
///
/// ```
/// use authscheme::SecurityScheme;
/// use authscheme::compose::{Auth, Requirement};
///
/// #[derive(SecurityScheme)]
/// #[http(bearer, format = "JWT")]
/// struct Jwt;
///
/// let security = Auth::<Jwt>::security();
/// assert_eq!(security.len(), 1);
/// assert_eq!(security[0].schemes[0].0, "Jwt");
/// assert!(security[0].schemes[0].1.is_empty());
/// ```
pub struct Auth<S: SecurityScheme> {
    credentials: S::Credentials,
}

impl<S: SecurityScheme> Auth<S> {
    /// Wraps credentials already extracted for `S`.
    pub fn new(credentials: S::Credentials) -> Self {
        Self { credentials }
    }

    /// The credentials.
    pub fn credentials(&self) -> &S::Credentials {
        &self.credentials
    }

    /// The credentials, by value.
    pub fn into_credentials(self) -> S::Credentials {
        self.credentials
    }
}

impl<S: SecurityScheme> fmt::Debug for Auth<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Auth")
            .field("scheme", &S::NAME)
            .finish_non_exhaustive()
    }
}

impl<S> Requirement for Auth<S>
where
    S: SecurityScheme,
    S::Credentials: Transport<S>,
{
    type Authorization = <S::Credentials as Transport<S>>::Authorization;

    fn security() -> Vec<SecurityRequirement> {
        vec![security::single(S::NAME, [])]
    }

    fn missing() -> Rejection {
        S::Credentials::missing(&S::CONFIG)
    }
}

impl<S, C> Check<C> for Auth<S>
where
    S: SecurityScheme,
    S::Credentials: Transport<S>,
    C: ?Sized + Sync,
{
    fn attempt(
        parts: &Parts,
        _ctx: &C,
    ) -> impl Future<Output = Result<Option<Self>, Rejection>> + Send {
        std::future::ready(
            S::Credentials::extract(parts, &S::CONFIG)
                .map(|found| found.map(Self::new))
                .inspect_err(crate::trace::malformed::<S>),
        )
    }

    /// Answered on the first poll: nothing here waits (no verifier), so the check is one
    /// synchronous step. The future holds only `parts`, and the answer is written straight
    /// into the poll's result, rather than kept in the future and moved out of it.
    fn check(parts: &Parts, _ctx: &C) -> impl Future<Output = Result<Self, Rejection>> + Send {
        std::future::poll_fn(move |_| std::task::Poll::Ready(Self::check_now(parts)))
    }
}

impl<S> Auth<S>
where
    S: SecurityScheme,
    S::Credentials: Transport<S>,
{
    /// [`Check::check`], synchronously.
    ///
    /// Never inlined: the scheme's parser is inlined here instead, so that there is one copy
    /// of it per scheme, which writes the credentials straight into the result, and the
    /// future around it stays small enough to inline into every handler that awaits it.
    #[inline(never)]
    fn check_now(parts: &Parts) -> Result<Self, Rejection> {
        match S::Credentials::extract(parts, &S::CONFIG) {
            Ok(Some(credentials)) => Ok(Self::new(credentials)),
            Ok(None) => {
                let rejection = <Self as Requirement>::missing();
                crate::trace::missing::<Self>(&rejection);
                Err(rejection)
            }
            Err(rejection) => {
                crate::trace::malformed::<S>(&rejection);
                Err(rejection)
            }
        }
    }
}
