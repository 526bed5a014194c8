//! Each route declared once: a thin wrapper over axum's `Router` whose `route` also records
//! the method, the path and the security requirement of the handler, read from the types of
//! its arguments, so that the server and its OpenAPI document cannot drift apart.
//!
//! [`SecurityDocument::route`] is a second list beside the router: nothing checks that a
//! mounted route is in it, or that the requirement written there is the one the handler
//! extracts. Here the handler's own signature is the only source: `get(items)`, where
//! `items` takes a `Verified<..>`, mounts `items` on axum's router and documents the
//! operation with that `Verified`'s requirement.
//!
//! * [`Router`] wraps `axum::Router<S>`; [`MethodRouter`] wraps
//!   `axum::routing::MethodRouter<S>` and is built with [`routing`]'s `get`, `post`, `put`,
//!   `patch`, `delete`, `head`, `options` and `trace`, or their `_with` forms, which take
//!   the [`Operation`] (summary, responses, request body, ..) of the route.
//! * A handler's requirement is the AND of its arguments' [`ExtractorSecurity`]: axum runs
//!   every extractor, so every one must pass. [`Auth`], [`Verified`], [`AnyOf`], [`AllOf`]
//!   contribute their requirement (through [`Documented`]), `Option<T>` makes its `T`
//!   optional (`[{}, ..]`), axum's own extractors and the password forms contribute
//!   nothing. Two arguments that both need the `Authorization` header cannot both succeed:
//!   such a handler does not compile (at `cargo check`), as the same pair in an [`AllOf`]
//!   does not.
//! * Your own extractors that check no credentials implement the marker [`NoCredentials`]
//!   (an empty impl); an extractor of another crate can be taken as [`NoSecurity<T>`].
//! * [`Router::into_parts`] gives the axum router and the [`SecurityDocument`] with every
//!   documented route; [`Router::merge_undocumented`] and [`Router::route_undocumented`]
//!   mount what stays out of the document (Swagger UI, the document itself: FastAPI's
//!   `include_in_schema=False`).
//!
//! Only what is mounted through this wrapper is documented. Middleware that checks
//! credentials (a `tower` layer applied to the axum router) is invisible to it: express
//! requirements as extractors.
//!
//! # Paths
//!
//! axum 0.8 writes path parameters as `/items/{id}`, which is also OpenAPI's path template
//! syntax, so paths are documented as written ([`nest`](Router::nest)ed ones with their
//! prefix, joined as axum joins them). A catch-all (`/files/{*path}`) matches several
//! segments, which no OpenAPI path template can say: the route is recorded, and
//! [`SecurityDocument::to_json`] refuses the document with
//! [`DocumentError::WildcardPath`](crate::document::DocumentError::WildcardPath) rather than
//! describe other URLs. Mount such a route with [`Router::route_undocumented`].
//!
//! # Methods
//!
//! axum answers `HEAD` with the `GET` handler when no `HEAD` handler is given; like FastAPI,
//! the document lists only the methods mounted explicitly.
//!
//! ```
//! use authscheme::adapters::axum::Router;
//! use authscheme::adapters::axum::routing::{get, get_with};
//! use authscheme::document::{Operation, SecurityDocument};
//! use authscheme::openapi::OpenApiVersion;
//! use authscheme::{Auth, SecurityScheme};
//! use axum::Json;
//! use serde_json::{Value, json};
//!
//! #[derive(SecurityScheme)]
//! #[http(bearer, format = "JWT")]
//! struct Jwt;
//! #[derive(SecurityScheme)]
//! #[api_key(header = "X-API-Key")]
//! struct Key;
//!
//! async fn items(_user: Auth<Jwt>) -> Json<Value> {
//!     Json(json!([]))
//! }
//! async fn ping(key: Option<Auth<Key>>) -> &'static str {
//!     if key.is_some() { "pong, service" } else { "pong" }
//! }
//! async fn create(_user: Auth<Jwt>, _key: Auth<Key>, Json(item): Json<Value>) -> Json<Value> {
//!     Json(item)
//! }
//! async fn health() -> &'static str {
//!     "ok"
//! }
//!
//! let (app, document) = Router::new()
//!     .route(
//!         "/items",
//!         get_with(items, Operation::new().summary("List the items")).post(create),
//!     )
//!     .route("/ping", get(ping))
//!     .route("/health", get(health))
//!     .into_parts(SecurityDocument::new("Items", "1.0.0"));
//! let _: axum::Router = app;
//!
//! let json = document.to_json(OpenApiVersion::V3_1)?;
//! let paths = &json["paths"];
//! assert_eq!(paths["/items"]["get"]["security"], json!([{"Jwt": []}]));
//! assert_eq!(paths["/items"]["get"]["summary"], "List the items");
//! assert_eq!(paths["/items"]["post"]["security"], json!([{"Jwt": [], "Key": []}]));
//! assert_eq!(paths["/ping"]["get"]["security"], json!([{}, {"Key": []}]));
//! assert!(paths["/health"]["get"].get("security").is_none());
//! # Ok::<(), authscheme::document::DocumentError>(())
//! ```
//!
//! A handler whose arguments both need the `Authorization` header does not compile (already
//! under `cargo check`, at the `get(..)` that mounts it):
//!
//! ```compile_fail,E0277
//! use authscheme::adapters::axum::{Router, routing::get};
//! use authscheme::{Auth, SecurityScheme};
//!
//! #[derive(SecurityScheme)]
//! #[http(bearer)]
//! struct Jwt;
//! #[derive(SecurityScheme)]
//! #[http(basic)]
//! struct Admin;
//!
//! async fn never(_user: Auth<Jwt>, _admin: Auth<Admin>) {}
//!
//! // error: a handler takes two extractors that both need the single `Authorization` header
//! let _: Router = Router::new().route("/never", get(never));
//! ```
//!
//! [`Auth`]: crate::Auth
//! [`Verified`]: crate::Verified
//! [`AnyOf`]: crate::AnyOf
//! [`AllOf`]: crate::AllOf
//! [`Documented`]: crate::document::Documented
//! [`SecurityDocument::route`]: crate::document::SecurityDocument::route

use axum::extract::{FromRequest, FromRequestParts, OptionalFromRequestParts};
use axum::handler::Handler;
use axum::routing::MethodFilter;
use http::Method;
use http::request::Parts;

use crate::compose::{AuthorizationUse, Elsewhere, InAuthorization, Requirement};
use crate::document::{Documented, Operation, RouteSecurity, SecurityDocument};
use crate::form::{OAuth2PasswordRequestForm, OAuth2PasswordRequestFormStrict};

/// What a handler argument (an axum extractor) requires of a request, for the document.
///
/// The router's [`get`](routing::get) and friends accept a handler when every argument
/// implements it.
/// Implemented for
///
/// * the use-site types [`Auth`](crate::Auth), [`Verified`](crate::Verified),
///   [`AnyOf`](crate::AnyOf), [`AllOf`](crate::AllOf): their requirement;
/// * `Option<T>`: `T`'s requirement, made optional (`[{}, ..]`: `None` when nothing is
///   presented); `Result<T, E>`: `T`'s requirement (the handler gets the rejection and is
///   trusted to answer it with an error: a handler that serves the request anyway should
///   take `Option<T>`, which documents that);
/// * axum's extractors that check no credentials (`State`, `Path`, `Query`, `Json`, `Form`,
///   `Extension`, `HeaderMap`, `Method`, `Uri`, `Version`, `Request`, `String`, `Bytes`,
///   `MatchedPath`, `OriginalUri`, `RawQuery`, ..), the password forms of
///   [`form`](crate::form), and [`NoSecurity<T>`]: nothing. axum's extractors behind
///   features this crate does not turn on (`ConnectInfo`: `tokio`, `WebSocketUpgrade`:
///   `ws`, `Multipart`: `multipart`) are taken as `NoSecurity<..>`, so that using the
///   router does not pull in a server runtime.
///
/// An extractor of your own that checks no credentials implements the marker
/// [`NoCredentials`] (an empty impl), which implements this trait. One that does check
/// credentials should not: express the check as a [`Verifier`](crate::verify::Verifier) behind [`Verified`](crate::Verified), so that
/// the document describes it. (Rust's orphan rule keeps you from implementing this trait for
/// another crate's extractor: take it as
/// [`NoSecurity<T>`].)
///
/// ```
/// use authscheme::adapters::axum::{ExtractorSecurity, NoCredentials};
/// use axum::extract::FromRequestParts;
/// use http::request::Parts;
///
/// /// The `X-Request-Id` header, if any: no credentials.
/// struct RequestId(Option<String>);
///
/// impl<S: Send + Sync> FromRequestParts<S> for RequestId {
///     type Rejection = std::convert::Infallible;
///     async fn from_request_parts(parts: &mut Parts, _: &S) -> Result<Self, Self::Rejection> {
///         let id = parts.headers.get("x-request-id").and_then(|v| v.to_str().ok());
///         Ok(Self(id.map(str::to_owned)))
///     }
/// }
///
/// impl NoCredentials for RequestId {}
///
/// assert!(RequestId::route_security().security().is_none());
/// ```
#[diagnostic::on_unimplemented(
    message = "the router cannot tell what `{Self}` requires of a request",
    label = "a handler argument without `ExtractorSecurity`",
    note = "if `{Self}` checks no credentials, implement the marker `NoCredentials` for it (`impl NoCredentials for {Self} {{}}`), or take the extractor as `NoSecurity<{Self}>`"
)]
pub trait ExtractorSecurity {
    /// Whether a request that meets its requirement may need the `Authorization` header
    /// ([`InAuthorization`]) or never does ([`Elsewhere`]), as
    /// [`Requirement::Authorization`]. A type, not a `const`, so that a handler with two
    /// such arguments fails at `cargo check`.
    type Authorization: AuthorizationUse;

    /// Its requirement; [`RouteSecurity::public`] for extractors that check no credentials.
    fn route_security() -> RouteSecurity;
}

/// An extractor that checks no credentials: implementing this marker (with an empty impl)
/// implements [`ExtractorSecurity`] as "no requirement", so the router accepts handlers that
/// take it. A marker rather than defaults on [`ExtractorSecurity`], because an associated
/// type cannot have a default on stable Rust.
///
/// See [`ExtractorSecurity`] for an example.
pub trait NoCredentials {}

impl<T: NoCredentials> ExtractorSecurity for T {
    type Authorization = Elsewhere;

    fn route_security() -> RouteSecurity {
        RouteSecurity::public()
    }
}

/// A handler whose arguments all implement [`ExtractorSecurity`]: the requirement of the
/// route it answers, the AND of every argument's (axum runs every extractor).
///
/// Implemented for every `async fn` (or closure) of 0 to 16 arguments, the last of which may
/// be a body extractor, mirroring axum's `Handler` impls: `T` is the same marker type as in
/// `Handler<T, S>`. A handler whose arguments add up to more than one scheme on the
/// `Authorization` header within one requirement object (two `Auth<..>` of bearer and basic
/// schemes, say) does not implement it ([`OneAuthorization`]): mounting it is a compile
/// error at `cargo check`, as the same pair in an [`AllOf`](crate::AllOf) is, since no
/// request can carry both.
///
/// ```
/// use authscheme::adapters::axum::HandlerSecurity;
/// use authscheme::{Auth, SecurityScheme};
/// use axum::extract::Path;
///
/// #[derive(SecurityScheme)]
/// #[http(bearer)]
/// struct Jwt;
///
/// async fn item(_user: Auth<Jwt>, Path(_id): Path<u32>) {}
///
/// // axum's `Handler` bound picks the marker `T` (how the last argument is extracted).
/// fn security_of<H, T>(_: &H) -> authscheme::document::RouteSecurity
/// where
///     H: axum::handler::Handler<T, ()> + HandlerSecurity<T>,
/// {
///     H::route_security()
/// }
/// let security = security_of(&item);
/// assert_eq!(security.security().unwrap()[0].schemes[0].0, "Jwt");
/// ```
#[diagnostic::on_unimplemented(
    message = "the router cannot document `{Self}`: an argument does not implement `ExtractorSecurity`",
    note = "every argument of a handler mounted with `authscheme::adapters::axum::routing::get` (`post`, ..) must implement `ExtractorSecurity`",
    note = "for `Auth`, `Verified`, `AnyOf` and `AllOf` it does: then one of their own bounds is unmet (a verifier of another scheme, a principal that is not `Clone`, ..); the other errors of this handler say which"
)]
pub trait HandlerSecurity<T> {
    /// The requirement of the route: the AND of the arguments' requirements.
    fn route_security() -> RouteSecurity;
}

/// The arguments' uses of the `Authorization` header, as the list `(A, (B, (.., ())))` of
/// [`InAuthorization`] and [`Elsewhere`], hold at most one [`InAuthorization`]: the rule
/// [`HandlerSecurity`] checks. Implemented for exactly those lists.
#[diagnostic::on_unimplemented(
    message = "a handler takes two extractors that both need the single `Authorization` header",
    label = "no request can carry both credentials",
    note = "a request carries one credential in `Authorization` (RFC 9110 §11.6.2); take one `AnyOf<..>` of them instead"
)]
pub trait OneAuthorization {}

/// A list of [`OneAuthorization`] holding no [`InAuthorization`].
#[diagnostic::on_unimplemented(
    message = "a handler takes two extractors that both need the single `Authorization` header",
    label = "no request can carry both credentials",
    note = "a request carries one credential in `Authorization` (RFC 9110 §11.6.2); take one `AnyOf<..>` of them instead"
)]
pub trait NoAuthorization {}

impl NoAuthorization for () {}
impl<Rest: NoAuthorization> NoAuthorization for (Elsewhere, Rest) {}
impl OneAuthorization for () {}
impl<Rest: NoAuthorization> OneAuthorization for (InAuthorization, Rest) {}
impl<Rest: OneAuthorization> OneAuthorization for (Elsewhere, Rest) {}

/// The list of the arguments' `Authorization` uses, for [`OneAuthorization`].
macro_rules! uses {
    () => { () };
    ($First:ident $(, $Rest:ident)*) => {
        (<$First as ExtractorSecurity>::Authorization, uses!($($Rest),*))
    };
}

impl<F, Fut> HandlerSecurity<((),)> for F
where
    F: FnOnce() -> Fut,
{
    fn route_security() -> RouteSecurity {
        RouteSecurity::public()
    }
}

macro_rules! handler_security {
    ($($T:ident),+) => {
        impl<F, Fut, M, $($T),+> HandlerSecurity<(M, $($T,)+)> for F
        where
            F: FnOnce($($T),+) -> Fut,
            $($T: ExtractorSecurity,)+
            uses!($($T),+): OneAuthorization,
        {
            fn route_security() -> RouteSecurity {
                RouteSecurity::public()$(.and($T::route_security()))+
            }
        }
    };
}

handler_security!(T1);
handler_security!(T1, T2);
handler_security!(T1, T2, T3);
handler_security!(T1, T2, T3, T4);
handler_security!(T1, T2, T3, T4, T5);
handler_security!(T1, T2, T3, T4, T5, T6);
handler_security!(T1, T2, T3, T4, T5, T6, T7);
handler_security!(T1, T2, T3, T4, T5, T6, T7, T8);
handler_security!(T1, T2, T3, T4, T5, T6, T7, T8, T9);
handler_security!(T1, T2, T3, T4, T5, T6, T7, T8, T9, T10);
handler_security!(T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11);
handler_security!(T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12);
handler_security!(T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13);
handler_security!(T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14);
handler_security!(
    T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15
);
handler_security!(
    T1, T2, T3, T4, T5, T6, T7, T8, T9, T10, T11, T12, T13, T14, T15, T16
);

// The use-site types: their requirement, through `Documented`, so that a change of their
// parameters does not reach this file.
macro_rules! documented_extractor {
    ($waits:ident [$($generics:tt)*] $ty:ty) => {
        impl<$($generics)*> ExtractorSecurity for $ty
        where
            Self: Documented,
        {
            type Authorization = <Self as Requirement>::Authorization;

            fn route_security() -> RouteSecurity {
                RouteSecurity::of::<Self>()
            }
        }
    };
}

crate::compose::for_each_use_site_type!(documented_extractor);

impl<T: ExtractorSecurity> ExtractorSecurity for Option<T> {
    type Authorization = T::Authorization;

    fn route_security() -> RouteSecurity {
        T::route_security().optional()
    }
}

impl<T: ExtractorSecurity, E> ExtractorSecurity for Result<T, E> {
    type Authorization = T::Authorization;

    fn route_security() -> RouteSecurity {
        T::route_security()
    }
}

/// Extractors that check no credentials.
macro_rules! no_security {
    ($([$($generics:tt)*] $ty:ty,)+) => {
        $(impl<$($generics)*> NoCredentials for $ty {})+
    };
}

no_security!(
    [S] axum::extract::State<S>,
    [T] axum::extract::Path<T>,
    [T] axum::extract::Query<T>,
    [T] axum::Json<T>,
    [T] axum::Form<T>,
    [T] axum::Extension<T>,
    [] axum::extract::MatchedPath,
    [] axum::extract::OriginalUri,
    [] axum::extract::NestedPath,
    [] axum::extract::RawQuery,
    [] axum::extract::RawForm,
    [] axum::extract::RawPathParams,
    [] axum::extract::Request,
    [] axum::body::Body,
    [] axum::body::Bytes,
    [] String,
    [] http::HeaderMap,
    [] Method,
    [] http::Uri,
    [] http::Version,
    [] http::Extensions,
    [] Parts,
    [] OAuth2PasswordRequestForm,
    [] OAuth2PasswordRequestFormStrict,
    [T] NoSecurity<T>,
);

/// An extractor `T` that checks no credentials, for the router: the way to take another
/// crate's extractor, for which the orphan rule forbids implementing [`ExtractorSecurity`]
/// (`axum_extra`'s `TypedHeader`, `CookieJar`, ..). It extracts what `T` extracts and
/// answers `T`'s rejections.
///
/// Do not wrap an extractor that does check credentials: the document would say the route
/// is public.
///
/// ```
/// use authscheme::adapters::axum::{NoSecurity, Router, routing::get};
/// use authscheme::document::SecurityDocument;
/// use axum::extract::Query;
///
/// // Stands for an extractor of another crate.
/// type Foreign = Query<Vec<(String, String)>>;
///
/// async fn search(NoSecurity(Query(terms)): NoSecurity<Foreign>) -> String {
///     format!("{} terms", terms.len())
/// }
///
/// let (_app, document): (axum::Router, _) =
///     Router::new().route("/search", get(search)).into_parts(SecurityDocument::new("S", "1"));
/// let (_, path, security) = document.operations().next().unwrap();
/// assert_eq!((path, security), ("/search", None));
/// ```
#[derive(Clone, Copy, Debug, Default, PartialEq, Eq)]
pub struct NoSecurity<T>(pub T);

impl<S: Send + Sync, T: FromRequestParts<S>> FromRequestParts<S> for NoSecurity<T> {
    type Rejection = T::Rejection;

    async fn from_request_parts(parts: &mut Parts, state: &S) -> Result<Self, Self::Rejection> {
        T::from_request_parts(parts, state).await.map(Self)
    }
}

impl<S: Send + Sync, T: OptionalFromRequestParts<S>> OptionalFromRequestParts<S> for NoSecurity<T> {
    type Rejection = T::Rejection;

    async fn from_request_parts(
        parts: &mut Parts,
        state: &S,
    ) -> Result<Option<Self>, Self::Rejection> {
        Ok(T::from_request_parts(parts, state).await?.map(Self))
    }
}

// A body extractor: `FromRequest<S>` (axum's `ViaRequest`). Extractors of the request head get
// `FromRequest` through axum's `ViaParts` blanket impl instead, so the two do not overlap.
impl<S: Send + Sync, T: FromRequest<S>> FromRequest<S> for NoSecurity<T> {
    type Rejection = T::Rejection;

    async fn from_request(
        request: axum::extract::Request,
        state: &S,
    ) -> Result<Self, Self::Rejection> {
        T::from_request(request, state).await.map(Self)
    }
}

/// One method of a path, as the document will have it.
#[derive(Clone, Debug)]
struct MethodOperation {
    method: Method,
    security: RouteSecurity,
    operation: Operation,
}

/// The handlers of one path, one per method, each with its requirement and [`Operation`]:
/// `axum::routing::MethodRouter<S>` plus what the document needs. Built with
/// [`get`](routing::get), [`post`](routing::post), .. and chained like axum's
/// (`get(list).post(create)`).
///
/// See [`routing`] for an example.
#[must_use = "a method router does nothing until mounted with `Router::route`"]
pub struct MethodRouter<S = ()> {
    inner: axum::routing::MethodRouter<S>,
    operations: Vec<MethodOperation>,
}

impl<S> std::fmt::Debug for MethodRouter<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MethodRouter")
            .field("operations", &self.operations)
            .finish_non_exhaustive()
    }
}

impl<S: Clone + Send + Sync + 'static> Default for MethodRouter<S> {
    fn default() -> Self {
        Self::new()
    }
}

impl<S: Clone + Send + Sync + 'static> MethodRouter<S> {
    /// No handler yet (requests get axum's 405).
    pub fn new() -> Self {
        Self {
            inner: axum::routing::MethodRouter::new(),
            operations: Vec::new(),
        }
    }

    fn on<H, T>(
        mut self,
        method: Method,
        filter: MethodFilter,
        handler: H,
        operation: Operation,
    ) -> Self
    where
        H: Handler<T, S> + HandlerSecurity<T>,
        T: 'static,
    {
        self.inner = self.inner.on(filter, handler);
        self.operations.push(MethodOperation {
            method,
            security: H::route_security(),
            operation,
        });
        self
    }
}

/// Adds the methods of `MethodRouter` and the free functions of `routing`, per method.
macro_rules! methods {
    ($($name:ident $with:ident $METHOD:ident;)+) => {
        impl<S: Clone + Send + Sync + 'static> MethodRouter<S> {
            $(
                #[doc = concat!("Adds `handler` for `", stringify!($METHOD), "`, documented with the requirement of its arguments.")]
                #[track_caller]
                pub fn $name<H, T>(self, handler: H) -> Self
                where
                    H: Handler<T, S> + HandlerSecurity<T>,
                    T: 'static,
                {
                    self.$with(handler, Operation::new())
                }

                #[doc = concat!("As [`", stringify!($name), "`](Self::", stringify!($name), "), with the operation's other fields (summary, responses, ..; `security` always comes from the handler).")]
                #[track_caller]
                pub fn $with<H, T>(self, handler: H, operation: Operation) -> Self
                where
                    H: Handler<T, S> + HandlerSecurity<T>,
                    T: 'static,
                {
                    self.on(Method::$METHOD, MethodFilter::$METHOD, handler, operation)
                }
            )+
        }

        /// The constructors of [`MethodRouter`], one per method, as in `axum::routing`.
        ///
        /// `get(handler)` routes `GET` to `handler` and documents the operation with the
        /// requirement of `handler`'s arguments; `get_with(handler, operation)` adds the
        /// operation's other fields. The method router chains like axum's:
        /// `get(list).post_with(create, Operation::new().summary(".."))`.
        ///
        /// ```
        /// use authscheme::adapters::axum::Router;
        /// use authscheme::adapters::axum::routing::{get, post_with};
        /// use authscheme::document::{Operation, SecurityDocument};
        /// use authscheme::form::OAuth2PasswordRequestForm;
        ///
        /// async fn login(form: OAuth2PasswordRequestForm) -> String {
        ///     form.username
        /// }
        /// async fn health() -> &'static str {
        ///     "ok"
        /// }
        ///
        /// let (_app, document): (axum::Router, _) = Router::new()
        ///     .route("/token", post_with(login, Operation::new().summary("Log in")))
        ///     .route("/health", get(health).head(health))
        ///     .into_parts(SecurityDocument::new("Demo", "1"));
        /// let methods: Vec<_> = document.operations().map(|(m, p, _)| format!("{m} {p}")).collect();
        /// assert_eq!(methods, ["POST /token", "GET /health", "HEAD /health"]);
        /// ```
        pub mod routing {
            use axum::handler::Handler;

            use super::{HandlerSecurity, MethodRouter};
            use crate::document::Operation;

            $(
                #[doc = concat!("A [`MethodRouter`] routing `", stringify!($METHOD), "` to `handler`, documented with the requirement of its arguments (see the [module](self)).")]
                #[track_caller]
                pub fn $name<H, T, S>(handler: H) -> MethodRouter<S>
                where
                    H: Handler<T, S> + HandlerSecurity<T>,
                    T: 'static,
                    S: Clone + Send + Sync + 'static,
                {
                    MethodRouter::new().$name(handler)
                }

                #[doc = concat!("As [`", stringify!($name), "`], with the operation's other fields (summary, responses, ..; `security` always comes from the handler).")]
                #[track_caller]
                pub fn $with<H, T, S>(handler: H, operation: Operation) -> MethodRouter<S>
                where
                    H: Handler<T, S> + HandlerSecurity<T>,
                    T: 'static,
                    S: Clone + Send + Sync + 'static,
                {
                    MethodRouter::new().$with(handler, operation)
                }
            )+
        }
    };
}

methods! {
    get get_with GET;
    post post_with POST;
    put put_with PUT;
    patch patch_with PATCH;
    delete delete_with DELETE;
    head head_with HEAD;
    options options_with OPTIONS;
    trace trace_with TRACE;
}

/// One documented operation of a [`Router`].
#[derive(Clone, Debug)]
struct DocumentedRoute {
    method: Method,
    path: String,
    security: RouteSecurity,
    operation: Operation,
}

/// An `axum::Router<S>` that records, for the document, every route mounted with
/// [`route`](Self::route): its path, its methods, and the requirement of each handler's
/// arguments. [`into_parts`](Self::into_parts) gives the axum router and the
/// [`SecurityDocument`].
///
/// Layers, fallbacks and `nest_service` go on the axum router after `into_parts`; they
/// are not documented (a layer that checks credentials is not described: use extractors).
///
/// ```
/// use authscheme::adapters::axum::{Router, routing::get};
/// use authscheme::document::SecurityDocument;
/// use authscheme::openapi::OpenApiVersion;
/// use authscheme::{Auth, SecurityScheme};
/// use axum::extract::{Path, State};
/// use axum::routing::get as plain_get;
///
/// #[derive(SecurityScheme)]
/// #[http(bearer)]
/// struct Jwt;
///
/// #[derive(Clone)]
/// struct App;
///
/// async fn pet(_user: Auth<Jwt>, State(_app): State<App>, Path(id): Path<u32>) -> String {
///     format!("pet {id}")
/// }
/// async fn docs() -> &'static str {
///     "the docs page"
/// }
///
/// let pets = Router::new().route("/{id}", get(pet));
/// let (app, document) = Router::new()
///     .nest("/pets", pets)
///     // Not in the document, like FastAPI's `include_in_schema=False`.
///     .merge_undocumented(axum::Router::new().route("/docs", plain_get(docs)))
///     .into_parts(SecurityDocument::new("Pets", "1.0.0"));
/// let _app: axum::Router = app.with_state(App);
///
/// let json = document.to_json(OpenApiVersion::V3_1)?;
/// assert_eq!(json["paths"]["/pets/{id}"]["get"]["security"], serde_json::json!([{"Jwt": []}]));
/// assert_eq!(json["paths"].as_object().unwrap().len(), 1);
/// # Ok::<(), authscheme::document::DocumentError>(())
/// ```
#[must_use = "a router does nothing until served"]
pub struct Router<S = ()> {
    inner: axum::Router<S>,
    routes: Vec<DocumentedRoute>,
}

impl<S> std::fmt::Debug for Router<S> {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Router")
            .field("routes", &self.routes)
            .finish_non_exhaustive()
    }
}

impl<S: Clone + Send + Sync + 'static> Default for Router<S> {
    fn default() -> Self {
        Self::new()
    }
}

impl<S: Clone + Send + Sync + 'static> Router<S> {
    /// An empty router.
    pub fn new() -> Self {
        Self {
            inner: axum::Router::new(),
            routes: Vec::new(),
        }
    }

    /// Mounts `method_router` at `path`, as `axum::Router::route` does (and panics where it
    /// does: an invalid path, a method already routed for `path`), and records each of its
    /// methods for the document.
    #[track_caller]
    pub fn route(mut self, path: &str, method_router: MethodRouter<S>) -> Self {
        self.inner = self.inner.route(path, method_router.inner);
        self.routes
            .extend(
                method_router
                    .operations
                    .into_iter()
                    .map(|documented| DocumentedRoute {
                        method: documented.method,
                        path: path.to_owned(),
                        security: documented.security,
                        operation: documented.operation,
                    }),
            );
        self
    }

    /// Mounts an axum method router at `path` without documenting it: FastAPI's
    /// `include_in_schema=False`, for the document itself, or for a catch-all path OpenAPI
    /// cannot express.
    #[track_caller]
    pub fn route_undocumented(
        mut self,
        path: &str,
        method_router: axum::routing::MethodRouter<S>,
    ) -> Self {
        self.inner = self.inner.route(path, method_router);
        self
    }

    /// Merges the routes of `other`, documented ones included (as `axum::Router::merge`).
    #[track_caller]
    pub fn merge(mut self, other: Self) -> Self {
        self.inner = self.inner.merge(other.inner);
        self.routes.extend(other.routes);
        self
    }

    /// Merges an axum router whose routes stay out of the document (Swagger UI, static
    /// pages): FastAPI's `include_in_schema=False`.
    #[track_caller]
    pub fn merge_undocumented(mut self, other: impl Into<axum::Router<S>>) -> Self {
        self.inner = self.inner.merge(other);
        self
    }

    /// Mounts `other` under the prefix `path` (as `axum::Router::nest`, which panics for `""`
    /// and `"/"`); its routes are documented with the prefix, joined as axum joins them:
    /// `/pets` + `/{id}` is `/pets/{id}`, `/pets` + `/` is `/pets`.
    #[track_caller]
    pub fn nest(mut self, path: &str, other: Self) -> Self {
        self.inner = self.inner.nest(path, other.inner);
        self.routes
            .extend(other.routes.into_iter().map(|route| DocumentedRoute {
                path: nested(path, &route.path),
                ..route
            }));
        self
    }

    /// Provides the state, as `axum::Router::with_state`; the routes stay recorded.
    pub fn with_state<S2>(self, state: S) -> Router<S2> {
        Router {
            inner: self.inner.with_state(state),
            routes: self.routes,
        }
    }

    /// `document` with an operation for every documented route, in the order mounted.
    pub fn document(&self, document: SecurityDocument) -> SecurityDocument {
        self.routes.iter().fold(document, |document, route| {
            document.operation(
                route.method.clone(),
                route.path.clone(),
                route.security.clone(),
                route.operation.clone(),
            )
        })
    }

    /// The axum router to serve, and `document` with an operation for every documented
    /// route (see [`document`](Self::document)).
    pub fn into_parts(self, document: SecurityDocument) -> (axum::Router<S>, SecurityDocument) {
        let document = self.document(document);
        (self.inner, document)
    }
}

/// The path of `path` nested under `prefix`, as axum 0.8 joins them: a prefix ending in `/`
/// takes the path without its leading `/`, and the path `/` is the prefix itself.
fn nested(prefix: &str, path: &str) -> String {
    if let Some(stem) = prefix.strip_suffix('/') {
        format!("{stem}/{}", path.trim_start_matches('/'))
    } else if path == "/" {
        prefix.to_owned()
    } else {
        format!("{prefix}{path}")
    }
}

#[cfg(test)]
mod tests {
    use super::nested;

    #[test]
    fn nested_paths_join_as_axum_joins_them() {
        assert_eq!(nested("/pets", "/{id}"), "/pets/{id}");
        assert_eq!(nested("/pets", "/"), "/pets");
        assert_eq!(nested("/pets/", "/"), "/pets/");
        assert_eq!(nested("/pets/", "/{id}"), "/pets/{id}");
        assert_eq!(nested("/{version}/api", "/users"), "/{version}/api/users");
    }
}
