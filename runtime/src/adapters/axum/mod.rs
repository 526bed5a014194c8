//! axum 0.8 integration (feature `axum`).
//!
//! * [`Auth`](crate::Auth), [`Verified`](crate::Verified), [`AnyOf`](crate::AnyOf) and [`AllOf`](crate::AllOf) are extractors
//!   (`FromRequestParts`), and so is `Option<_>` of each (`OptionalFromRequestParts`,
//!   FastAPI's `auto_error=False`: `None` only when no credentials are presented).
//! * [`Rejection`] and [`FormError`] are responses (`IntoResponse`), and so is
//!   `limit::Overloaded` with the `tokio` feature.
//! * The password request forms are body extractors (`FromRequest`), answering 422 like
//!   FastAPI.
//! * A [`Verified<_, V>`](crate::Verified) reaches its verifier through the router state:
//!   `V: FromRef<State>` (with `V` as the state itself, or a field of it). For several
//!   verifiers, put each in a field and derive axum's `FromRef` on the state (axum's
//!   `macros` feature): no impl to write. A state that lacks a verifier is a compile error
//!   naming both ([`HasVerifier`]), best seen with `#[axum::debug_handler]`.
//! * [`Router`] and [`routing`] wrap axum's: each route is declared once, and the
//!   OpenAPI document of its security comes from the handler's argument types (see
//!   [`Router`] and [`ExtractorSecurity`]).
//!
//! ```
//! use authscheme::credentials::BearerToken;
//! use authscheme::verify::{ApiKeys, Grant, Verifier, VerifyError};
//! use authscheme::{Auth, ScopeSet, SecurityScheme, Verified, scopes};
//! use axum::Router;
//! use axum::extract::FromRef;
//! use axum::routing::get;
//!
//! #[derive(SecurityScheme)]
//! #[oauth2(token_url = "/token", scopes("items:read" = "items:read"))]
//! struct Jwt;
//!
//! #[derive(SecurityScheme)]
//! #[api_key(header = "X-API-Key")]
//! struct ServiceKey;
//!
//! #[derive(Clone)]
//! struct Users;
//! impl Verifier<Jwt> for Users {
//!     type Principal = String;
//!     async fn verify(
//!         &self,
//!         token: &BearerToken,
//!         _parts: &http::request::Parts,
//!     ) -> Result<Grant<Jwt, String>, VerifyError> {
//!         match token.token() {
//!             "alice-token" => Ok(Grant::new("alice".into(), ScopeSet::from_names(["items:read"]))),
//!             _ => Err(VerifyError::default()),
//!         }
//!     }
//! }
//!
//! // One field per verifier; the derive writes `impl FromRef<AppState>` for each field's type.
//! #[derive(Clone, FromRef)]
//! struct AppState {
//!     users: Users,
//!     services: ApiKeys,
//! }
//!
//! async fn items(user: Verified<scopes!(Jwt: "items:read"), Users>) -> String {
//!     format!("items of {}", user.principal())
//! }
//! async fn service(key: Verified<ServiceKey, ApiKeys>) -> String {
//!     format!("service #{}", key.principal())
//! }
//! async fn maybe(auth: Option<Auth<Jwt>>) -> &'static str {
//!     if auth.is_some() { "token" } else { "anonymous" }
//! }
//!
//! let app: Router = Router::new()
//!     .route("/items", get(items))
//!     .route("/service", get(service))
//!     .route("/maybe", get(maybe))
//!     .with_state(AppState { users: Users, services: ApiKeys::new(["k1-0123456789"]) });
//! ```

use axum::body::{Body, Bytes};
use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRef, FromRequest, FromRequestParts, OptionalFromRequestParts, Request};
use axum::response::{IntoResponse, Response};
use http::header::CONTENT_TYPE;
use http::request::Parts;

pub mod router;

pub use router::{
    ExtractorSecurity, HandlerSecurity, MethodRouter, NoAuthorization, NoCredentials, NoSecurity,
    OneAuthorization, Router, routing,
};

use crate::Rejection;
use crate::compose::{Check, ProvideVerifier};
use crate::form::{FormError, OAuth2PasswordRequestForm, OAuth2PasswordRequestFormStrict};

/// The context an extractor checks with: the router state, providing every verifier
/// `V: FromRef<State>`.
pub struct FromState<'a, St>(&'a St);

impl<'a, St> FromState<'a, St> {
    /// Wraps the router state.
    pub fn new(state: &'a St) -> Self {
        Self(state)
    }
}

impl<St: HasVerifier<V>, V> ProvideVerifier<V> for FromState<'_, St> {
    fn verifier(&self) -> V {
        self.0.verifier()
    }
}

/// A router state that hands out the verifier `V`: implemented for every state `St` with
/// `V: FromRef<St>`, so there is nothing to implement. It exists for its error message: a
/// handler extracting a [`Verified<_, V>`](crate::Verified) from a state that does not provide
/// `V` is told so ("the router state `AppState` does not provide the verifier `Users`")
/// rather than pointed at `FromRef`.
///
/// The shortest way to provide several verifiers is axum's `#[derive(FromRef)]` (axum's
/// `macros` feature) on the state: one `FromRef` impl per field.
///
/// ```
/// use authscheme::adapters::axum::HasVerifier;
/// use axum::extract::FromRef;
///
/// #[derive(Clone)]
/// struct Users;
///
/// #[derive(Clone)]
/// struct AppState {
///     users: Users,
/// }
/// impl FromRef<AppState> for Users {
///     fn from_ref(state: &AppState) -> Users {
///         state.users.clone()
///     }
/// }
///
/// let _users: Users = AppState { users: Users }.verifier();
/// ```
#[diagnostic::on_unimplemented(
    message = "the router state `{Self}` does not provide the verifier `{V}`",
    label = "`{V}` is not `FromRef<{Self}>`",
    note = "add a field of type `{V}` to `{Self}` and `#[derive(axum::extract::FromRef)]` to it (axum's `macros` feature), or implement `FromRef<{Self}> for {V}`"
)]
pub trait HasVerifier<V> {
    /// The verifier, taken from the state (`V::from_ref`).
    fn verifier(&self) -> V;
}

// `do_not_recommend`: a missing `FromRef` is reported as this trait's error, with the message
// above, not as the bare `FromRef` bound of this impl.
#[diagnostic::do_not_recommend]
impl<St, V: FromRef<St>> HasVerifier<V> for St {
    fn verifier(&self) -> V {
        V::from_ref(self)
    }
}

macro_rules! extractor {
    // A check that never waits (`Auth<S>`: no verifier, no state): its future is returned as
    // it is, rather than awaited inside another `async` block, one more layer for nothing.
    (ready [$($generics:tt)*] $ty:ty) => {
        impl<St, $($generics)*> FromRequestParts<St> for $ty
        where
            St: Send + Sync,
            Self: Check<()>,
        {
            type Rejection = Rejection;

            fn from_request_parts(
                parts: &mut Parts,
                _state: &St,
            ) -> impl Future<Output = Result<Self, Rejection>> + Send {
                <Self as Check<()>>::check(parts, &())
            }
        }

        extractor!(@optional [$($generics)*] $ty);
    };
    (@optional [$($generics:tt)*] $ty:ty) => {
        impl<St, $($generics)*> OptionalFromRequestParts<St> for $ty
        where
            St: Send + Sync,
            Self: for<'a> Check<FromState<'a, St>>,
        {
            type Rejection = Rejection;

            async fn from_request_parts(
                parts: &mut Parts,
                state: &St,
            ) -> Result<Option<Self>, Rejection> {
                <Option<Self> as Check<FromState<'_, St>>>::check(parts, &FromState(state)).await
            }
        }
    };
    (awaits [$($generics:tt)*] $ty:ty) => {
        impl<St, $($generics)*> FromRequestParts<St> for $ty
        where
            St: Send + Sync,
            Self: for<'a> Check<FromState<'a, St>>,
        {
            type Rejection = Rejection;

            async fn from_request_parts(parts: &mut Parts, state: &St) -> Result<Self, Rejection> {
                <Self as Check<FromState<'_, St>>>::check(parts, &FromState(state)).await
            }
        }

        extractor!(@optional [$($generics)*] $ty);
    };
}

crate::compose::for_each_use_site_type!(extractor);

impl IntoResponse for Rejection {
    fn into_response(self) -> Response {
        let (parts, body) = Rejection::into_response(self).into_parts();
        Response::from_parts(parts, Body::from(body))
    }
}

impl IntoResponse for FormError {
    fn into_response(self) -> Response {
        let (parts, body) = FormError::into_response(self).into_parts();
        Response::from_parts(parts, Body::from(body))
    }
}

#[cfg(feature = "tokio")]
impl IntoResponse for crate::limit::Overloaded {
    fn into_response(self) -> Response {
        let (parts, body) = crate::limit::Overloaded::into_response(self).into_parts();
        Response::from_parts(parts, Body::from(body))
    }
}

/// Why a password request form could not be extracted.
#[derive(Debug)]
#[non_exhaustive]
pub enum FormRejection {
    /// The fields do not validate: 422 with FastAPI's error list.
    Invalid(FormError),
    /// The body could not be read.
    Body(BytesRejection),
}

impl IntoResponse for FormRejection {
    fn into_response(self) -> Response {
        match self {
            Self::Invalid(error) => IntoResponse::into_response(error),
            Self::Body(error) => error.into_response(),
        }
    }
}

macro_rules! form_extractor {
    ($form:ty) => {
        impl<St: Send + Sync> FromRequest<St> for $form {
            type Rejection = FormRejection;

            async fn from_request(request: Request, state: &St) -> Result<Self, FormRejection> {
                let content_type = request.headers().get(CONTENT_TYPE).cloned();
                let body = Bytes::from_request(request, state)
                    .await
                    .map_err(FormRejection::Body)?;
                Self::from_body(content_type.as_ref(), &body).map_err(FormRejection::Invalid)
            }
        }
    };
}

form_extractor!(OAuth2PasswordRequestForm);
form_extractor!(OAuth2PasswordRequestFormStrict);
