//! [`Verified<S, V, SCOPES>`]: credentials checked by the application's verifier, with
//! required scopes.

use std::fmt;

use http::request::Parts;

use super::{Check, ProvideVerifier, Requirement, Transport, security};
use crate::credentials::Credentials;
use crate::openapi::SecurityRequirement;
use crate::verify::{Verifier, VerifyError};
use crate::{Rejection, RejectionKind, ScopeSet, SecurityScheme};

/// Credentials of scheme `S` that the verifier `V` accepted, holding at least the scopes
/// `SCOPES` (the bits of a [`ScopeSet<S>`]). Documented as `{S: [scopes..]}`.
///
/// Write the scopes with `scopes!`, which refuses undeclared names at compile time:
/// `Verified<ItemsAuth, Users, { scopes!(ItemsAuth: "items:read").bits() }>`. Bits beyond
/// `S`'s declared scopes are a compile error too. A type alias keeps handlers short.
///
/// A request gets, in this order:
/// * no credentials for `S`: `S`'s 401;
/// * malformed credentials: `S`'s 401;
/// * the verifier refuses: 401 (see [`VerifyError`](crate::verify::VerifyError));
/// * the granted scopes miss one of `SCOPES`: 403 `{"detail":"Not enough permissions"}`, with
///   `WWW-Authenticate: Bearer error="insufficient_scope", scope="<SCOPES>"` for bearer-based
///   schemes.
///
/// `Debug` prints the scheme, the principal and the granted scopes, never the credentials.
///
/// ```
/// use authscheme::SecurityScheme;
/// # use authscheme::{openapi, credentials::BearerToken};
/// #[derive(SecurityScheme)]
/// #[oauth2(token_url = "/token", scopes("items:read" = "items:read", "items:write" = "items:write"))]
/// struct ItemsAuth;
/// use authscheme::compose::{Requirement, Verified};
/// use authscheme::verify::{Grant, Verifier, VerifyError};
/// use authscheme::scopes;
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
/// type WriteItems = Verified<ItemsAuth, Users, { scopes!(ItemsAuth: "items:write").bits() }>;
///
/// let security = WriteItems::security();
/// assert_eq!(security[0].schemes[0].0, "ItemsAuth");
/// assert_eq!(security[0].schemes[0].1.as_ref(), ["items:write"]);
/// ```
///
/// Bits that name no declared scope do not compile:
///
/// ```compile_fail,E0080
/// use authscheme::SecurityScheme;
/// # use authscheme::credentials::BearerToken;
/// use authscheme::compose::{Requirement, Verified};
/// use authscheme::verify::{Grant, Verifier, VerifyError};
///
/// #[derive(SecurityScheme)]
/// #[oauth2(token_url = "/token", scopes("items:read" = "Read items"))]
/// struct ItemsAuth;
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
/// // error: `SCOPES` has bits beyond the scopes `S` declares; build it with `scopes!`
/// let _ = Verified::<ItemsAuth, Users, 0b10>::security();
/// ```
pub struct Verified<S, V, const SCOPES: u128 = 0>
where
    S: SecurityScheme,
    V: Verifier<S>,
{
    credentials: S::Credentials,
    principal: V::Principal,
    scopes: ScopeSet<S>,
}

impl<S, V, const SCOPES: u128> Verified<S, V, SCOPES>
where
    S: SecurityScheme,
    V: Verifier<S>,
{
    /// The scopes this requirement needs.
    pub const REQUIRED: ScopeSet<S> = {
        assert!(
            ScopeSet::<S>::from_bits(SCOPES).bits() == SCOPES,
            "`Verified<S, V, SCOPES>`: `SCOPES` has bits beyond the scopes `S` declares; build it with `scopes!`"
        );
        ScopeSet::from_bits(SCOPES)
    };

    /// The credentials the verifier accepted.
    pub fn credentials(&self) -> &S::Credentials {
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
    pub fn scopes(&self) -> ScopeSet<S> {
        self.scopes
    }
}

impl<S, V, const SCOPES: u128> fmt::Debug for Verified<S, V, SCOPES>
where
    S: SecurityScheme,
    V: Verifier<S>,
    V::Principal: fmt::Debug,
{
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Verified")
            .field("scheme", &S::NAME)
            .field("principal", &self.principal)
            .field("scopes", &self.scopes)
            .finish_non_exhaustive()
    }
}

impl<S, V, const SCOPES: u128> Requirement for Verified<S, V, SCOPES>
where
    S: SecurityScheme,
    S::Credentials: Transport<S>,
    V: Verifier<S>,
{
    const AUTHORIZATION_SCHEMES: usize = <S::Credentials as Transport<S>>::AUTHORIZATION as usize;

    fn security() -> Vec<SecurityRequirement> {
        vec![security::single(S::NAME, Self::REQUIRED.names())]
    }

    fn missing() -> Rejection {
        S::Credentials::missing(&S::CONFIG)
    }
}

impl<S, V, const SCOPES: u128, C> Check<C> for Verified<S, V, SCOPES>
where
    S: SecurityScheme,
    S::Credentials: Transport<S>,
    V: Verifier<S>,
    C: ProvideVerifier<V> + ?Sized + Sync,
{
    async fn attempt(parts: &Parts, ctx: &C) -> Result<Option<Self>, Rejection> {
        let required = Self::REQUIRED;
        let Some(credentials) = S::Credentials::extract(parts, &S::CONFIG)? else {
            return Ok(None);
        };
        let verifier = ctx.verifier();
        let (principal, scopes) = verifier
            .verify(&credentials, parts)
            .await
            .map_err(VerifyError::into_rejection::<S>)?
            .into_parts();
        if !scopes.contains_all(required) {
            return Err(insufficient_scope(required));
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
