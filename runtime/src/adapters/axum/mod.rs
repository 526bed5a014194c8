//! axum 0.8 integration (feature `axum`).
//!
//! * [`Auth`], [`Verified`], [`AnyOf`] and [`AllOf`] are extractors
//!   (`FromRequestParts`), and so is `Option<_>` of each (`OptionalFromRequestParts`,
//!   FastAPI's `auto_error=False`: `None` only when no credentials are presented).
//! * [`Rejection`] and [`FormError`] are responses (`IntoResponse`).
//! * The password request forms are body extractors (`FromRequest`), answering 422 like
//!   FastAPI.
//! * A [`Verified<S, V, _>`](Verified) reaches its verifier through the router state:
//!   `V: FromRef<State>` (with `V` as the state itself, or a field of it).
//! * [`Router`] and [`routing`] wrap axum's: each route is declared once, and the
//!   OpenAPI document of its security comes from the handler's argument types (see
//!   [`Router`] and [`ExtractorSecurity`]).
//!
//! ```
//! use authscheme::SecurityScheme;
//! # use authscheme::{openapi, credentials::BearerToken};
//! #[derive(SecurityScheme)]
//! #[oauth2(token_url = "/token", scopes("items:read" = "items:read"))]
//! struct Jwt;
//! use authscheme::verify::{Grant, Verifier, VerifyError};
//! use authscheme::{Auth, ScopeSet, Verified, scopes};
//! use axum::Router;
//! use axum::extract::FromRef;
//! use axum::routing::get;
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
//! #[derive(Clone)]
//! struct AppState {
//!     users: Users,
//! }
//! impl FromRef<AppState> for Users {
//!     fn from_ref(state: &AppState) -> Users {
//!         state.users.clone()
//!     }
//! }
//!
//! async fn items(user: Verified<Jwt, Users, { scopes!(Jwt: "items:read").bits() }>) -> String {
//!     format!("items of {}", user.principal())
//! }
//! async fn maybe(auth: Option<Auth<Jwt>>) -> &'static str {
//!     if auth.is_some() { "token" } else { "anonymous" }
//! }
//!
//! let app: Router = Router::new()
//!     .route("/items", get(items))
//!     .route("/maybe", get(maybe))
//!     .with_state(AppState { users: Users });
//! ```

use axum::body::{Body, Bytes};
use axum::extract::rejection::BytesRejection;
use axum::extract::{FromRef, FromRequest, FromRequestParts, OptionalFromRequestParts, Request};
use axum::response::{IntoResponse, Response};
use http::header::CONTENT_TYPE;
use http::request::Parts;

mod router;

pub use router::{ExtractorSecurity, HandlerSecurity, MethodRouter, NoSecurity, Router, routing};

use crate::compose::{AllOf, Alternatives, AnyOf, Auth, Check, ProvideVerifier, Verified};
use crate::form::{FormError, OAuth2PasswordRequestForm, OAuth2PasswordRequestFormStrict};
use crate::verify::Verifier;
use crate::{Rejection, SecurityScheme};

/// The context an extractor checks with: the router state, providing every verifier
/// `V: FromRef<State>`.
pub struct FromState<'a, St>(&'a St);

impl<'a, St> FromState<'a, St> {
    /// Wraps the router state.
    pub fn new(state: &'a St) -> Self {
        Self(state)
    }
}

impl<St, V: FromRef<St>> ProvideVerifier<V> for FromState<'_, St> {
    fn verifier(&self) -> V {
        V::from_ref(self.0)
    }
}

macro_rules! extractor {
    ([$($generics:tt)*] $ty:ty) => {
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
}

extractor!([S: SecurityScheme] Auth<S>);
extractor!([S: SecurityScheme, V: Verifier<S>, const SCOPES: u128] Verified<S, V, SCOPES>);
extractor!([T: Alternatives] AnyOf<T>);
extractor!([T] AllOf<T>);

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
