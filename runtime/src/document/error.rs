//! Why a document could not be written.

use crate::openapi::{self, OpenApiVersion};

/// Why [`SecurityDocument::to_json`](super::SecurityDocument::to_json) refused to write a
/// document. Paths are JSON Pointers into the document being written.
///
/// ```
/// use authscheme::SecurityScheme;
/// use authscheme::document::{DocumentError, SecurityDocument};
/// use authscheme::openapi::OpenApiVersion;
///
/// // Mutual TLS is new in OpenAPI 3.1.
/// #[derive(SecurityScheme)]
/// #[mutual_tls]
/// struct Cert;
///
/// let document = SecurityDocument::new("Certs", "1").scheme::<Cert>();
/// let error = document.to_json(OpenApiVersion::V3_0).unwrap_err();
/// assert!(matches!(error, DocumentError::SchemeVersion { name: "Cert", .. }));
/// assert!(error.to_string().starts_with("security scheme `Cert`"));
/// assert!(document.to_json(OpenApiVersion::V3_1).is_ok());
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum DocumentError {
    /// A scheme whose `MIN_OPENAPI_VERSION` is newer than the target.
    #[error(
        "security scheme `{name}` ({rust_type}) needs OpenAPI {required} or later; the document targets {target}"
    )]
    SchemeVersion {
        /// Its components name.
        name: &'static str,
        /// Its Rust type.
        rust_type: &'static str,
        /// Its `MIN_OPENAPI_VERSION`.
        required: OpenApiVersion,
        /// The version asked for.
        target: OpenApiVersion,
    },
    /// The security model could not be written: two different schemes under one name, a
    /// field or requirement the target cannot express, an unknown scheme.
    #[error("{path}: {message}")]
    OpenApi {
        /// Where in the document (JSON Pointer).
        path: String,
        /// What is wrong.
        message: String,
        /// The error of the model, with its path relative to the object written.
        #[source]
        source: openapi::Error,
    },
    /// A path that does not start with `/`.
    #[error("path `{path}` must start with `/`")]
    InvalidPath {
        /// The path as given.
        path: String,
    },
    /// A path with a catch-all parameter (axum's `{*rest}`, matching several segments):
    /// OpenAPI's path templates match one segment per parameter, so the path cannot be
    /// described. Mount such a route without documenting it (the axum adapter's
    /// `Router::route_undocumented`), or give it a path without the catch-all.
    #[error(
        "path `{path}` has a catch-all parameter (`{{*..}}`), which OpenAPI path templates cannot express; leave the route out of the document"
    )]
    WildcardPath {
        /// The path as given.
        path: String,
    },
    /// A method OpenAPI has no Path Item field for (in the target version).
    #[error("method `{method}` has no operation field in OpenAPI {version}")]
    UnsupportedMethod {
        /// The method.
        method: http::Method,
        /// The version asked for.
        version: OpenApiVersion,
    },
    /// The same method and path added twice.
    #[error("operation `{method} {path}` is declared twice")]
    DuplicateOperation {
        /// The method.
        method: http::Method,
        /// The path.
        path: String,
    },
}

impl DocumentError {
    /// An error of the model, rebased under the JSON Pointer `at`.
    pub(crate) fn openapi(at: &str, source: openapi::Error) -> Self {
        let relative = source.path();
        let shown = if relative.is_empty() { "/" } else { relative };
        let text = source.to_string();
        let message = text
            .strip_prefix(shown)
            .and_then(|rest| rest.strip_prefix(": "))
            .unwrap_or(&text)
            .to_owned();
        Self::OpenApi {
            path: format!("{at}{relative}"),
            message,
            source,
        }
    }
}
