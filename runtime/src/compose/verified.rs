//! [`Verified<R, V>`]: credentials checked by the application's verifier, with required
//! scopes.

use std::fmt;

use http::request::Parts;

use super::{Check, ProvideVerifier, Requirement, Transport, security};
use crate::credentials::Credentials;
use crate::openapi::SecurityRequirement;
use crate::trace;
use crate::verify::Verifier;
use crate::{Rejection, RejectionKind, RequiredScopes, ScopeSet, SecurityScheme};

/// The scheme of a [`Verified<R, V>`].
type SchemeOf<R> = <R as RequiredScopes>::Scheme;
/// The credentials of a [`Verified<R, V>`].
type CredentialsOf<R> = <SchemeOf<R> as SecurityScheme>::Credentials;

/// Credentials that the verifier `V` accepted, holding the scopes `R` requires.
///
/// `R` is the scheme itself, when no scopes are needed (`Verified<ItemsAuth, Users>`), or the
/// scheme with the scopes it must grant, written with [`scopes!`](crate::scopes):
/// `Verified<scopes!(ItemsAuth: "items:read"), Users>`. The scheme is written once, and a
/// scope it does not declare is a compile error naming the scheme and its scopes.
/// Documented as `{S: [scopes..]}`.
///
/// A request gets, in this order:
/// * no credentials for the scheme: its 401;
/// * malformed credentials: its 401;
/// * the verifier refuses: 401 (see [`VerifyError`](crate::verify::VerifyError));
/// * the granted scopes miss one of the required ones: 403 `{"detail":"Not enough
///   permissions"}`, with `WWW-Authenticate: Bearer error="insufficient_scope",
///   scope="<required scopes>"` for bearer-based schemes.
///
/// `Debug` prints the scheme, the principal and the granted scopes, never the credentials.
///
/// ```
/// use authscheme::compose::{Requirement, Verified};
/// use authscheme::credentials::BearerToken;
/// use authscheme::verify::{Grant, Verifier, VerifyError};
/// use authscheme::{SecurityScheme, scopes};
///
/// #[derive(SecurityScheme)]
/// #[oauth2(token_url = "/token", scopes("items:read" = "Read items", "items:write" = "Write items"))]
/// struct ItemsAuth;
///
/// #[derive(Clone)]
/// struct Users;
/// impl Verifier<ItemsAuth> for Users {
///     type Principal = String;
///     async fn verify(
///         &self,
///         _token: &BearerToken,
///         _parts: &http::request::Parts,
///     ) -> Result<Grant<ItemsAuth, String>, VerifyError> {
///         Err(VerifyError::default())
///     }
/// }
///
/// type WriteItems = Verified<scopes!(ItemsAuth: "items:write"), Users>;
///
/// let security = WriteItems::security();
/// assert_eq!(security[0].schemes[0].0, "ItemsAuth");
/// assert_eq!(security[0].schemes[0].1.as_ref(), ["items:write"]);
/// ```
///
/// The scopes of another scheme do not compile: the verifier verifies `ItemsAuth`, not
/// `Admin`, and a scope type names its scheme.
///
/// ```compile_fail,E0277
/// use authscheme::compose::{Requirement, Verified};
/// use authscheme::credentials::BearerToken;
/// use authscheme::verify::{Grant, Verifier, VerifyError};
/// use authscheme::{SecurityScheme, scopes};
///
/// #[derive(SecurityScheme)]
/// #[oauth2(token_url = "/token", scopes("items:read" = "Read items"))]
/// struct ItemsAuth;
/// #[derive(SecurityScheme)]
/// #[oauth2(token_url = "/token", scopes("root" = "Everything"))]
/// struct Admin;
///
/// #[derive(Clone)]
/// struct Users;
/// impl Verifier<ItemsAuth> for Users {
///     type Principal = ();
///     async fn verify(&self, _: &BearerToken, _: &http::request::Parts) -> Result<Grant<ItemsAuth, ()>, VerifyError> {
///         Err(VerifyError::default())
///     }
/// }
///
/// // error: `Users` does not verify `Admin`
/// let _ = Verified::<scopes!(Admin: "root"), Users>::security();
/// ```
pub struct Verified<R, V>
where
    R: RequiredScopes,
    V: Verifier<R::Scheme>,
{
    credentials: CredentialsOf<R>,
    principal: V::Principal,
    scopes: ScopeSet<R::Scheme>,
}

impl<R, V> Verified<R, V>
where
    R: RequiredScopes,
    V: Verifier<R::Scheme>,
{
    /// The scopes this requirement needs.
    pub const REQUIRED: ScopeSet<R::Scheme> = R::SET;

    /// The credentials the verifier accepted.
    pub fn credentials(&self) -> &CredentialsOf<R> {
        &self.credentials
    }

    /// The principal the verifier returned.
    pub fn principal(&self) -> &V::Principal {
        &self.principal
    }

    /// The principal, by value.
    pub fn into_principal(self) -> V::Principal {
        self.principal
    }

    /// Every scope the verifier granted (a superset of [`REQUIRED`](Self::REQUIRED)).
    pub fn scopes(&self) -> ScopeSet<R::Scheme> {
        self.scopes
    }
}

impl<R, V> fmt::Debug for Verified<R, V>
where
    R: RequiredScopes,
    V: Verifier<R::Scheme>,
    V::Principal: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Verified")
            .field("scheme", &SchemeOf::<R>::NAME)
            .field("principal", &self.principal)
            .field("scopes", &self.scopes)
            .finish_non_exhaustive()
    }
}

impl<R, V> Requirement for Verified<R, V>
where
    R: RequiredScopes,
    CredentialsOf<R>: Transport<R::Scheme>,
    V: Verifier<R::Scheme>,
{
    type Authorization = <CredentialsOf<R> as Transport<R::Scheme>>::Authorization;

    fn security() -> Vec<SecurityRequirement> {
        vec![security::single(
            SchemeOf::<R>::NAME,
            Self::REQUIRED.names(),
        )]
    }

    fn missing() -> Rejection {
        CredentialsOf::<R>::missing(&SchemeOf::<R>::CONFIG)
    }
}

impl<R, V, C> Check<C> for Verified<R, V>
where
    R: RequiredScopes,
    CredentialsOf<R>: Transport<R::Scheme>,
    V: Verifier<R::Scheme>,
    C: ProvideVerifier<V> + ?Sized + Sync,
{
    async fn attempt(parts: &Parts, ctx: &C) -> Result<Option<Self>, Rejection> {
        let required = Self::REQUIRED;
        let Some(credentials) = CredentialsOf::<R>::extract(parts, &SchemeOf::<R>::CONFIG)
            .inspect_err(trace::malformed::<R::Scheme>)?
        else {
            return Ok(None);
        };
        let verifier = ctx.verifier();
        let (principal, scopes) = verifier
            .verify(&credentials, parts)
            .await
            .map_err(trace::refused::<R::Scheme>)?
            .into_parts();
        if !scopes.contains_all(required) {
            let rejection = insufficient_scope(required);
            trace::insufficient_scope(&rejection, required, scopes);
            return Err(rejection);
        }
        Ok(Some(Self {
            credentials,
            principal,
            scopes,
        }))
    }
}

/// 403 `Not enough permissions`; bearer-based schemes add
/// `Bearer error="insufficient_scope", scope="<required>"` (RFC 6750 §3.1), others no
/// challenge (see the module docs).
fn insufficient_scope<S>(required: ScopeSet<S>) -> Rejection
where
    S: SecurityScheme,
    S::Credentials: Transport<S>,
{
    if <S::Credentials as Transport<S>>::BEARER {
        Rejection::insufficient_scope(required.names())
    } else {
        Rejection::new(
            http::StatusCode::FORBIDDEN,
            Vec::new(),
            Rejection::NOT_ENOUGH_PERMISSIONS,
        )
        .with_kind(RejectionKind::InsufficientScope)
    }
}
