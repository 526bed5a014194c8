//! Use-site composition: one type states what an operation requires, and that same type
//! both **checks** a request and **documents** the requirement in OpenAPI.
//!
//! | type | check | operation `security` |
//! |---|---|---|
//! | [`Auth<S>`] | `S`'s credentials must be present and well-formed | `[{S: []}]` |
//! | `Option<R>` | `None` when no credentials for `R` are present; present but bad ones are still rejected (FastAPI's `auto_error=False`, RULES R8.4) | `[{}, ..R]` |
//! | [`Verified<S, V>`](Verified) | as `Auth<S>`, then the application's [`Verifier`] `V` turns the credentials into a principal | `[{S: []}]` |
//! | [`Verified<scopes!(S: "a", ..), V>`](Verified) | as `Verified<S, V>`, and the granted scopes must cover `a`, .. | `[{S: ["a", ..]}]` |
//! | [`AnyOf<(A, B, ..)>`](AnyOf) | the first alternative whose credentials are present decides; the value is an enum ([`AnyOf2`], ..) with the one that passed | one object per alternative |
//! | [`AllOf<(A, B, ..)>`](AllOf) | every member must pass | one object with every key |
//!
//! Every type implements [`Requirement`] (the document: [`Requirement::security`], and the
//! answer when nothing is presented: [`Requirement::missing`]) and [`Check`] (the runtime
//! check over [`http::request::Parts`]). Composites are built from their members' impls,
//! so the document and the check cannot drift apart.
//!
//! # Decisions
//!
//! * **Without a verifier, `Auth<S>` yields the credentials only**, like FastAPI's security
//!   dependencies: the application checks them itself. [`Verified<R, V>`](Verified) names the
//!   verifier at the use site, so the principal type is known statically. Scopes can only be
//!   required through `Verified`: a scope nobody checks would be a document that lies.
//! * **Verifiers come from a context** `C` that implements [`ProvideVerifier<V>`]: any
//!   `V: Clone` provides itself, and the axum adapter provides every `V: FromRef<State>`.
//! * **Who answers** (`docs/RULES.md` R8.6, as FastAPI's security dependencies answer):
//!   * `AnyOf`: the first alternative (in declaration order) whose credentials are present
//!     decides, with its own error if they are bad or insufficient. With nothing presented:
//!     401 `Not authenticated` with one `WWW-Authenticate` line per alternative, in
//!     declaration order (put the well-supported schemes such as Basic first, RFC 9110 §11.3).
//!   * `AllOf`: members are checked in declaration order; the first that fails decides (a
//!     member without credentials fails with its 401 once any member has credentials). With
//!     nothing presented: 401 with every member's challenge.
//! * **Verifier rejects** ([`VerifyError::invalid`]): 401 with the application's detail; the
//!   challenge is `Bearer error="invalid_token"` for bearer-based schemes (RFC 6750 §3.1) and
//!   the scheme's usual challenge otherwise (`Basic realm=".."`, `APIKey`, ..).
//! * **Insufficient scope**: 403 `{"detail":"Not enough permissions"}`. Bearer-based schemes
//!   add `WWW-Authenticate: Bearer error="insufficient_scope", scope="<required scopes>"`
//!   (RFC 6750 §3.1). Other schemes get no challenge: RFC 6750's `insufficient_scope` is
//!   defined for Bearer only, and a 403 needs none (RFC 9110 §15.5.4). Their required
//!   "scopes" are documented as OpenAPI 3.1 role names (`{Key: ["admin"]}`), which OpenAPI 3.0
//!   cannot express.
//! * **Unsatisfiable `AllOf`** (RULES CT-B7): two members that both need the single
//!   `Authorization` header make a **compile error** at `cargo check`, under the type that
//!   names the `AllOf` (a trait bound, [`OneAuthorization`], with its own message). Listing
//!   the same scheme twice in one `AllOf` counts too: merge the scopes into one `Verified`
//!   instead. See [`Transport`].
//!
//! ```
//! use authscheme::SecurityScheme;
//! use authscheme::compose::{AllOf, AnyOf, Auth, Requirement};
//! use authscheme::openapi::{OpenApiVersion, SecurityRequirement};
//! use serde_json::{Value, json};
//!
//! #[derive(SecurityScheme)]
//! #[http(bearer, format = "JWT")]
//! struct Jwt;
//! #[derive(SecurityScheme)]
//! #[api_key(header = "X-Key")]
//! struct Key;
//!
//! // An operation's `security`, as the document writes it.
//! fn doc(security: Vec<SecurityRequirement>) -> Value {
//!     security.iter().map(|r| r.to_json(OpenApiVersion::V3_1).unwrap()).collect()
//! }
//!
//! assert_eq!(doc(Auth::<Jwt>::security()), json!([{"Jwt": []}]));
//! assert_eq!(doc(Option::<Auth<Jwt>>::security()), json!([{}, {"Jwt": []}]));
//! assert_eq!(
//!     doc(AnyOf::<(Auth<Jwt>, Auth<Key>)>::security()),
//!     json!([{"Jwt": []}, {"Key": []}])
//! );
//! assert_eq!(doc(AllOf::<(Auth<Jwt>, Auth<Key>)>::security()), json!([{"Jwt": [], "Key": []}]));
//! ```
//!
//! Two schemes on the `Authorization` header cannot be required together:
//!
//! ```compile_fail,E0277
//! use authscheme::SecurityScheme;
//! use authscheme::compose::{AllOf, Auth, Requirement};
//!
//! #[derive(SecurityScheme)]
//! #[http(bearer, format = "JWT")]
//! struct Jwt;
//! #[derive(SecurityScheme)]
//! #[http(basic)]
//! struct Admin;
//!
//! // error: `AllOf<(Auth<Jwt>, Auth<Admin>)>` can never be satisfied: more than one member
//! // needs the `Authorization` header
//! fn handler(_both: AllOf<(Auth<Jwt>, Auth<Admin>)>) {}
//! ```
//!
//! [`Verifier`]: crate::verify::Verifier
//! [`VerifyError::invalid`]: crate::verify::VerifyError::invalid

use std::future::Future;

use http::request::Parts;

use crate::Rejection;
use crate::openapi::SecurityRequirement;

mod all;
mod any;
mod auth;
pub(crate) mod security;

/// Calls `$callback!(waits [generics] Type)` for every use-site type, so that an adapter that
/// implements a trait for each of them lists them in one place. `waits` is `ready` for the
/// one type whose check never waits (`Auth<S>`: no verifier, the check's future is ready at
/// once) and `awaits` for the others.
#[cfg(feature = "axum")]
macro_rules! for_each_use_site_type {
    ($callback:ident) => {
        $callback!(ready [S: $crate::SecurityScheme] $crate::compose::Auth<S>);
        $callback!(
            awaits [R: $crate::RequiredScopes, V: $crate::verify::Verifier<R::Scheme>]
            $crate::compose::Verified<R, V>
        );
        $callback!(awaits [A, B] $crate::compose::AnyOf2<A, B>);
        $callback!(awaits [A, B, C] $crate::compose::AnyOf3<A, B, C>);
        $callback!(awaits [A, B, C, D] $crate::compose::AnyOf4<A, B, C, D>);
        $callback!(awaits [A, B, C, D, E] $crate::compose::AnyOf5<A, B, C, D, E>);
        $callback!(awaits [A, B, C, D, E, F] $crate::compose::AnyOf6<A, B, C, D, E, F>);
        $callback!(awaits [T: $crate::compose::AllMembers] $crate::compose::AllOf<T>);
    };
}
#[cfg(feature = "axum")]
pub(crate) use for_each_use_site_type;
mod transport;
mod verified;

pub use all::{AllMembers, AllOf, OneAuthorization};
pub use any::{Alternatives, AnyOf, AnyOf2, AnyOf3, AnyOf4, AnyOf5, AnyOf6};
pub use auth::Auth;
pub use transport::{ApiKeyHeader, AuthorizationUse, Elsewhere, InAuthorization, Transport};
pub use verified::Verified;

pub use crate::scopes::{RequiredScopes, ScopeAt, ScopeList, ScopeMarker, Scopes};

/// What an operation requires, as a type: its OpenAPI `security` and the answer to a request
/// that presents nothing. The runtime check is [`Check`]; both come from the same type.
///
/// Implemented by [`Auth`], [`Verified`], `Option<R>`, [`AnyOf`] and [`AllOf`].
///
/// ```
/// use authscheme::SecurityScheme;
/// use authscheme::compose::{Auth, AuthorizationUse, Requirement};
///
/// #[derive(SecurityScheme)]
/// #[http(bearer, format = "JWT")]
/// struct Jwt;
///
/// let rejection = Auth::<Jwt>::missing();
/// assert_eq!(rejection.status(), http::StatusCode::UNAUTHORIZED);
/// assert!(<<Auth<Jwt> as Requirement>::Authorization as AuthorizationUse>::IN_AUTHORIZATION);
/// assert_eq!(Auth::<Jwt>::security()[0].schemes[0].0, "Jwt");
/// ```
pub trait Requirement: Sized + Send {
    /// Whether a request that meets this requirement may need the `Authorization` header
    /// ([`InAuthorization`]) or never does ([`Elsewhere`]). [`AllOf`] refuses, at
    /// `cargo check`, members that would both need it.
    type Authorization: AuthorizationUse;

    /// The operation's `security`: a list of Security Requirement Objects, any one of which
    /// suffices (OR), each listing schemes that must all be satisfied (AND).
    fn security() -> Vec<SecurityRequirement>;

    /// The rejection for a request that presents no credentials at all: 401 with every
    /// applicable challenge.
    fn missing() -> Rejection;

    /// The value when no credentials are presented and anonymous access is allowed
    /// (`Some(None)` for `Option<R>`); `None` when credentials are required.
    fn anonymous() -> Option<Self> {
        None
    }
}

/// The runtime side of a [`Requirement`]: checks a request head, reaching verifiers through
/// the context `C`.
///
/// ```
/// use authscheme::SecurityScheme;
/// use authscheme::compose::{Auth, Check};
///
/// #[derive(SecurityScheme)]
/// #[http(bearer, format = "JWT")]
/// struct Jwt;
/// # fn block_on<F: std::future::Future>(future: F) -> F::Output {
/// #     let mut future = std::pin::pin!(future);
/// #     let mut cx = std::task::Context::from_waker(std::task::Waker::noop());
/// #     loop {
/// #         if let std::task::Poll::Ready(output) = future.as_mut().poll(&mut cx) {
/// #             return output;
/// #         }
/// #     }
/// # }
///
/// let (parts, ()) = http::Request::new(()).into_parts();
/// // No credentials: `Auth` is refused, `Option<Auth>` is `None`.
/// let refused = block_on(Auth::<Jwt>::check(&parts, &())).err().unwrap();
/// assert_eq!(refused.status(), http::StatusCode::UNAUTHORIZED);
/// assert!(block_on(Option::<Auth<Jwt>>::check(&parts, &())).unwrap().is_none());
/// ```
pub trait Check<C: ?Sized + Sync>: Requirement {
    /// Looks for this requirement's credentials: `Ok(None)` when none are presented,
    /// `Ok(Some(_))` when they pass, `Err` when they are presented but fail.
    ///
    /// # Errors
    ///
    /// The [`Rejection`] of the credentials that were presented and failed.
    fn attempt(
        parts: &Parts,
        ctx: &C,
    ) -> impl Future<Output = Result<Option<Self>, Rejection>> + Send;

    /// Checks the request: the credentials, or the anonymous value, or the rejection.
    ///
    /// # Errors
    ///
    /// The [`Rejection`] to answer the request with.
    fn check(parts: &Parts, ctx: &C) -> impl Future<Output = Result<Self, Rejection>> + Send {
        async move {
            match Self::attempt(parts, ctx).await? {
                Some(value) => Ok(value),
                None => Self::anonymous().ok_or_else(|| {
                    let rejection = Self::missing();
                    crate::trace::missing::<Self>(&rejection);
                    rejection
                }),
            }
        }
    }
}

/// A context that hands out the verifier `V`: how [`Verified`] reaches the application's
/// [`Verifier`](crate::verify::Verifier).
///
/// Every `V: Clone` provides itself, so a verifier can be passed directly as the context;
/// an application context providing several verifiers implements this once per verifier;
/// the axum adapter provides every `V: FromRef<State>`. Verifiers are cloned per request:
/// keep them cheap to clone (an `Arc` inside).
///
/// ```
/// use authscheme::compose::ProvideVerifier;
///
/// #[derive(Clone)]
/// struct Users;
/// struct App { users: Users }
/// impl ProvideVerifier<Users> for App {
///     fn verifier(&self) -> Users {
///         self.users.clone()
///     }
/// }
/// let _users: Users = App { users: Users }.verifier();
/// let _same: Users = Users.verifier();
/// ```
pub trait ProvideVerifier<V> {
    /// The verifier.
    fn verifier(&self) -> V;
}

impl<V: Clone> ProvideVerifier<V> for V {
    fn verifier(&self) -> V {
        self.clone()
    }
}

/// The 401 of composites when nothing is presented: the first rejection with the
/// challenges of the others added after it, each once.
fn every_challenge(rejections: impl IntoIterator<Item = Rejection>) -> Rejection {
    rejections
        .into_iter()
        .reduce(|so_far, next| so_far.with_challenges_of(&next))
        .unwrap_or_else(|| {
            Rejection::new(
                http::StatusCode::UNAUTHORIZED,
                Vec::new(),
                Rejection::NOT_AUTHENTICATED,
            )
        })
}

impl<R: Requirement> Requirement for Option<R> {
    type Authorization = R::Authorization;

    fn security() -> Vec<SecurityRequirement> {
        security::any([vec![SecurityRequirement::ANONYMOUS], R::security()])
    }

    fn missing() -> Rejection {
        R::missing()
    }

    fn anonymous() -> Option<Self> {
        Some(None)
    }
}

impl<C: ?Sized + Sync, R: Check<C>> Check<C> for Option<R> {
    async fn attempt(parts: &Parts, ctx: &C) -> Result<Option<Self>, Rejection> {
        Ok(R::attempt(parts, ctx).await?.map(Some))
    }
}
