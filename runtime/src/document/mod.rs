//! Assembling a whole OpenAPI document from scheme types and the use-site types of routes.
//!
//! A [`SecurityDocument`] collects
//!
//! * the schemes: every scheme a route's requirement type names (through [`Documented`]) and
//!   any scheme added with [`scheme`](SecurityDocument::scheme), written to
//!   `components.securitySchemes` in first-seen order;
//! * the routes: `(method, path, requirement type)` (listed by hand with
//!   [`route`](SecurityDocument::route), or recorded by the axum adapter's `Router` as it
//!   mounts each handler); each operation gets the `security` of
//!   [`Requirement::security`](crate::compose::Requirement::security) and the answers the runtime gives, documented as responses:
//!   * **401** on every secured operation (also for `Option<..>`: present but malformed
//!     credentials are refused), with a `{"detail": string}` body and a `WWW-Authenticate`
//!     header whose description lists the exact challenges the runtime sends for this route
//!     (`Bearer`, `Basic realm="admin"`, `APIKey`, and `Bearer error="invalid_token"` when a
//!     verifier may refuse a token);
//!   * **403** only on operations whose requirement lists scopes (or roles): only
//!     [`Verified`](crate::Verified) with scopes answers 403, so documenting it elsewhere
//!     would be a lie. For bearer-based schemes its header description is the exact
//!     `Bearer error="insufficient_scope", scope=".."` challenge.
//!
//!   A 401 or 403 response the application describes itself is kept as it is.
//!
//! [`to_json`](SecurityDocument::to_json) writes the full document (`openapi`, `info`,
//! `servers`, `paths`, `components`) for one [`OpenApiVersion`] and refuses, rather than
//! silently drops, what that version cannot express: a scheme whose
//! [`MIN_OPENAPI_VERSION`](crate::SecurityScheme::MIN_OPENAPI_VERSION) is newer than the
//! target, two *different* schemes under one components name (FastAPI lets the last one win;
//! we do not), role names for non-OAuth schemes on 3.0, a route declared twice.
//!
//! ```
//! use authscheme::SecurityScheme;
//! use authscheme::compose::{AnyOf, Auth};
//! use authscheme::document::{DocumentError, Operation, SecurityDocument};
//! use authscheme::openapi::OpenApiVersion;
//! use http::Method;
//!
//! #[derive(SecurityScheme)]
//! #[http(bearer, format = "JWT")]
//! struct Jwt;
//!
//! #[derive(SecurityScheme)]
//! #[api_key(header = "X-API-Key")]
//! struct Key;
//!
//! let document = SecurityDocument::new("Pets", "1.0.0")
//!     .route::<Auth<Jwt>>(Method::GET, "/pets")
//!     .route_with::<Option<AnyOf<(Auth<Jwt>, Auth<Key>)>>>(
//!         Method::GET,
//!         "/status",
//!         Operation::new().summary("Who am I, if anybody"),
//!     )
//!     .public(Method::GET, "/health");
//!
//! let json = document.to_json(OpenApiVersion::V3_1)?;
//! assert_eq!(json["openapi"], "3.1.2");
//! assert_eq!(json["paths"]["/pets"]["get"]["security"], serde_json::json!([{"Jwt": []}]));
//! assert_eq!(
//!     json["paths"]["/status"]["get"]["security"],
//!     serde_json::json!([{}, {"Jwt": []}, {"Key": []}])
//! );
//! assert!(json["paths"]["/pets"]["get"]["responses"]["401"].is_object());
//! assert!(json["paths"]["/pets"]["get"]["responses"].get("403").is_none());
//! assert!(json["paths"]["/health"]["get"].get("security").is_none());
//! let schemes = json["components"]["securitySchemes"].as_object().unwrap();
//! assert_eq!(schemes.keys().collect::<Vec<_>>(), ["Jwt", "Key"]);
//! # Ok::<(), DocumentError>(())
//! ```

mod declare;
mod error;
mod operation;
mod responses;
mod route;

use serde_json::{Map, Value};

pub use declare::{Declarations, Documented};
pub use error::DocumentError;
pub use operation::Operation;
pub use route::RouteSecurity;

use crate::openapi::{OpenApiVersion, SecurityRequirement, SecuritySchemes};
#[cfg(feature = "utoipa")]
use declare::Declared;

/// A whole OpenAPI document built from scheme types and route requirement types.
///
/// See the [module documentation](self) for what it writes and why.
#[derive(Clone, Debug)]
pub struct SecurityDocument {
    title: String,
    version: String,
    description: Option<String>,
    servers: Vec<String>,
    schemes: Declarations,
    routes: Vec<Route>,
}

/// One operation: where it is, what it requires and what the application said about it.
#[derive(Clone, Debug)]
struct Route {
    method: http::Method,
    path: String,
    /// `None` for a public operation (no `security` written, no 401/403 added).
    secured: Option<Secured>,
    operation: Operation,
}

/// What a secured route's requirement type contributes.
#[derive(Clone, Debug)]
struct Secured {
    security: Vec<SecurityRequirement>,
    schemes: Declarations,
}

impl SecurityDocument {
    /// An empty document whose `info` has this `title` and API `version`.
    pub fn new(title: impl Into<String>, version: impl Into<String>) -> Self {
        Self {
            title: title.into(),
            version: version.into(),
            description: None,
            servers: Vec::new(),
            schemes: Declarations::default(),
            routes: Vec::new(),
        }
    }

    /// Sets `info.description` (CommonMark).
    #[must_use]
    pub fn description(mut self, description: impl Into<String>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Adds a Server Object with this `url` (relative URLs, such as `/api`, are resolved
    /// against the document's own location).
    #[must_use]
    pub fn server(mut self, url: impl Into<String>) -> Self {
        self.servers.push(url.into());
        self
    }

    /// Declares the scheme `S` in `components.securitySchemes` even if no route uses it
    /// (routes declare the schemes they name by themselves).
    #[must_use]
    pub fn scheme<S>(mut self) -> Self
    where
        S: crate::SecurityScheme,
        S::Credentials: crate::compose::Transport<S>,
    {
        self.schemes.auth::<S>();
        self
    }

    /// Adds the operation `method path`, secured by the requirement type `R` (the type the
    /// handler extracts: `Auth<S>`, `Option<..>`, `Verified<..>`, `AnyOf<..>`, `AllOf<..>`).
    ///
    /// This list is kept beside the router by hand. With axum, the router wrapper
    /// `authscheme::adapters::axum::Router` (feature `axum`) mounts a handler and documents
    /// it in one call, with the requirement read from the handler's argument types, so that
    /// the two cannot drift apart.
    #[must_use]
    pub fn route<R: Documented>(self, method: http::Method, path: impl Into<String>) -> Self {
        self.route_with::<R>(method, path, Operation::new())
    }

    /// As [`route`](Self::route), with the operation's other fields (summary, responses,
    /// request body, ...). `security` always comes from `R`.
    #[must_use]
    pub fn route_with<R: Documented>(
        self,
        method: http::Method,
        path: impl Into<String>,
        operation: Operation,
    ) -> Self {
        self.operation(method, path, RouteSecurity::of::<R>(), operation)
    }

    /// Adds the operation `method path` with the requirement `security`, collected at run
    /// time (a router wrapper builds it from a handler's extractors, see [`RouteSecurity`]),
    /// and the operation's other fields. A public `security` adds a public operation.
    ///
    /// ```
    /// use authscheme::SecurityScheme;
    /// use authscheme::compose::Auth;
    /// use authscheme::document::{Operation, RouteSecurity, SecurityDocument};
    /// use authscheme::openapi::OpenApiVersion;
    /// use http::Method;
    ///
    /// #[derive(SecurityScheme)]
    /// #[http(bearer)]
    /// struct Jwt;
    ///
    /// let json = SecurityDocument::new("Pets", "1")
    ///     .operation(Method::GET, "/pets", RouteSecurity::of::<Auth<Jwt>>(), Operation::new())
    ///     .operation(Method::GET, "/health", RouteSecurity::public(), Operation::new())
    ///     .to_json(OpenApiVersion::V3_1)?;
    /// assert_eq!(json["paths"]["/pets"]["get"]["security"], serde_json::json!([{"Jwt": []}]));
    /// assert!(json["paths"]["/health"]["get"].get("security").is_none());
    /// # Ok::<(), authscheme::document::DocumentError>(())
    /// ```
    #[must_use]
    pub fn operation(
        mut self,
        method: http::Method,
        path: impl Into<String>,
        security: RouteSecurity,
        operation: Operation,
    ) -> Self {
        let (security, schemes) = security.into_parts();
        let secured = security.map(|security| {
            self.schemes.extend(&schemes);
            Secured { security, schemes }
        });
        self.routes.push(Route {
            method,
            path: path.into(),
            secured,
            operation,
        });
        self
    }

    /// Adds an operation without security (no `security` key: FastAPI's output for a route
    /// with no security dependency).
    #[must_use]
    pub fn public(self, method: http::Method, path: impl Into<String>) -> Self {
        self.public_with(method, path, Operation::new())
    }

    /// As [`public`](Self::public), with the operation's fields.
    #[must_use]
    pub fn public_with(
        self,
        method: http::Method,
        path: impl Into<String>,
        operation: Operation,
    ) -> Self {
        self.operation(method, path, RouteSecurity::public(), operation)
    }

    /// `components.securitySchemes`, checked for `version`.
    ///
    /// # Errors
    ///
    /// [`DocumentError::SchemeVersion`] for a scheme that needs a newer OpenAPI version, and
    /// [`DocumentError::OpenApi`] when two different schemes share a name or a scheme cannot
    /// be written for `version`.
    pub fn security_schemes(
        &self,
        version: OpenApiVersion,
    ) -> Result<SecuritySchemes, DocumentError> {
        let mut schemes = SecuritySchemes::new();
        for declared in self.schemes.iter() {
            declared.check_version(version)?;
            schemes
                .insert(declared.name, declared.scheme.clone())
                .map_err(|error| DocumentError::openapi("/components/securitySchemes", error))?;
        }
        schemes
            .versioned(version)
            .map_err(|error| DocumentError::openapi("/components/securitySchemes", error))?;
        Ok(schemes)
    }

    /// The operation `security` of every route, in declaration order, as written by
    /// [`to_json`](Self::to_json) (`None` for public routes).
    pub fn operations(
        &self,
    ) -> impl Iterator<Item = (&http::Method, &str, Option<&[SecurityRequirement]>)> {
        self.routes.iter().map(|route| {
            (
                &route.method,
                route.path.as_str(),
                route
                    .secured
                    .as_ref()
                    .map(|secured| secured.security.as_slice()),
            )
        })
    }

    /// The whole document for `version`.
    ///
    /// # Errors
    ///
    /// See [`DocumentError`]: a scheme too new for `version`, two schemes under one name, a
    /// requirement `version` cannot express, a path that does not start with `/` or has a
    /// catch-all parameter (`{*rest}`, see [`DocumentError::WildcardPath`]), a method
    /// OpenAPI has no field for, or an operation declared twice.
    pub fn to_json(&self, version: OpenApiVersion) -> Result<Value, DocumentError> {
        let schemes = self.security_schemes(version)?;

        let mut paths: Map<String, Value> = Map::new();
        for route in &self.routes {
            let method = operation_key(&route.method, version)?;
            check_path(&route.path)?;
            let pointer = format!("/paths/{}/{method}", escape_pointer(&route.path));
            let mut operation = route.operation.fields().clone();
            // `security` comes from the requirement type only, never from the fields.
            operation.remove("security");
            if let Some(secured) = &route.secured {
                let security = schemes
                    .security_to_json(&secured.security, version)
                    .map_err(|error| {
                        DocumentError::openapi(&format!("{pointer}/security"), error)
                    })?;
                operation.insert("security".to_owned(), security);
                let responses = responses_of(&mut operation);
                responses::add_unauthorized(responses, &secured.schemes);
                responses::add_forbidden(responses, &secured.security, &secured.schemes);
            }
            if responses_of(&mut operation).is_empty() {
                responses_of(&mut operation).insert("200".to_owned(), responses::successful());
            }
            let item = paths
                .entry(route.path.clone())
                .or_insert_with(|| Value::Object(Map::new()));
            let Value::Object(item) = item else {
                unreachable!("path items are always objects");
            };
            if item.contains_key(method) {
                return Err(DocumentError::DuplicateOperation {
                    method: route.method.clone(),
                    path: route.path.clone(),
                });
            }
            item.insert(method.to_owned(), Value::Object(operation));
        }

        let mut info = Map::new();
        info.insert("title".to_owned(), Value::from(self.title.clone()));
        if let Some(description) = &self.description {
            info.insert("description".to_owned(), Value::from(description.clone()));
        }
        info.insert("version".to_owned(), Value::from(self.version.clone()));

        let mut document = Map::new();
        document.insert(
            "openapi".to_owned(),
            Value::from(version.document_version()),
        );
        document.insert("info".to_owned(), Value::Object(info));
        if !self.servers.is_empty() {
            let servers = self
                .servers
                .iter()
                .map(|url| serde_json::json!({ "url": url }))
                .collect();
            document.insert("servers".to_owned(), Value::Array(servers));
        }
        // `paths` is required by 3.0 and harmless after: always written.
        document.insert("paths".to_owned(), Value::Object(paths));
        if !schemes.is_empty() {
            let json = schemes
                .to_json(version)
                .map_err(|error| DocumentError::openapi("/components/securitySchemes", error))?;
            document.insert(
                "components".to_owned(),
                serde_json::json!({ "securitySchemes": json }),
            );
        }
        Ok(Value::Object(document))
    }

    /// The declared schemes, for adapters.
    #[cfg(feature = "utoipa")]
    pub(crate) fn declared(&self) -> impl Iterator<Item = &Declared> {
        self.schemes.iter()
    }

    /// The routes as `(method, path, security, 401 response, 403 response)`, for adapters.
    #[cfg(feature = "utoipa")]
    pub(crate) fn secured_routes(
        &self,
    ) -> impl Iterator<
        Item = (
            &http::Method,
            &str,
            &[SecurityRequirement],
            Value,
            Option<Value>,
        ),
    > {
        self.routes.iter().filter_map(|route| {
            let secured = route.secured.as_ref()?;
            let mut responses = Map::new();
            responses::add_unauthorized(&mut responses, &secured.schemes);
            responses::add_forbidden(&mut responses, &secured.security, &secured.schemes);
            Some((
                &route.method,
                route.path.as_str(),
                secured.security.as_slice(),
                responses.remove("401").unwrap_or(Value::Null),
                responses.remove("403"),
            ))
        })
    }
}

/// `operation["responses"]` as a map, created if absent (replaced if not an object).
fn responses_of(operation: &mut Map<String, Value>) -> &mut Map<String, Value> {
    let responses = operation
        .entry("responses")
        .or_insert_with(|| Value::Object(Map::new()));
    if !responses.is_object() {
        *responses = Value::Object(Map::new());
    }
    match responses {
        Value::Object(map) => map,
        _ => unreachable!("made an object above"),
    }
}

/// The Path Item field of `method`.
fn operation_key(
    method: &http::Method,
    version: OpenApiVersion,
) -> Result<&'static str, DocumentError> {
    Ok(match *method {
        http::Method::GET => "get",
        http::Method::PUT => "put",
        http::Method::POST => "post",
        http::Method::DELETE => "delete",
        http::Method::OPTIONS => "options",
        http::Method::HEAD => "head",
        http::Method::PATCH => "patch",
        http::Method::TRACE => "trace",
        _ if method.as_str() == "QUERY" && version.at_least(OpenApiVersion::V3_2) => "query",
        _ => {
            return Err(DocumentError::UnsupportedMethod {
                method: method.clone(),
                version,
            });
        }
    })
}

/// A path OpenAPI can express: absolute, and without axum's catch-all parameters.
pub(crate) fn check_path(path: &str) -> Result<(), DocumentError> {
    if !path.starts_with('/') {
        return Err(DocumentError::InvalidPath {
            path: path.to_owned(),
        });
    }
    // axum 0.8 writes a catch-all as `{*rest}`; an OpenAPI path parameter matches one
    // segment only, so `/files/{rest}` would describe a different set of URLs.
    if path.contains("{*") {
        return Err(DocumentError::WildcardPath {
            path: path.to_owned(),
        });
    }
    Ok(())
}

/// A path as one JSON Pointer token (RFC 6901: `~` → `~0`, `/` → `~1`).
pub(crate) fn escape_pointer(token: &str) -> String {
    token.replace('~', "~0").replace('/', "~1")
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn pointer_tokens_escape_tilde_then_slash() {
        assert_eq!(escape_pointer("/a~b/c"), "~1a~0b~1c");
    }

    #[test]
    fn query_needs_openapi_3_2() {
        let query = http::Method::from_bytes(b"QUERY").unwrap();
        assert_eq!(
            operation_key(&query, OpenApiVersion::V3_2).unwrap(),
            "query"
        );
        assert!(operation_key(&query, OpenApiVersion::V3_1).is_err());
        assert!(operation_key(&http::Method::CONNECT, OpenApiVersion::V3_2).is_err());
    }
}
