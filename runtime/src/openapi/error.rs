//! Errors of writing and reading the OpenAPI model.

use super::OpenApiVersion;
use super::pointer::Pointer;

/// Why a model could not be written for a version, or a JSON value could not be read.
///
/// Every variant names the JSON path of the offending value (`/flows/password/tokenUrl`),
/// written as a JSON Pointer (RFC 6901) relative to the object being read or written. The
/// empty pointer `""` is that object itself; messages show it as `/`. For a missing field
/// the path is the object that lacks it.
///
/// ```
/// use authscheme::openapi::{Error, OpenApiVersion, SecurityScheme};
///
/// let json = serde_json::json!({"type": "oauth2", "flows": {"password": {"scopes": {}}}});
/// let err = SecurityScheme::from_json(&json, OpenApiVersion::V3_1).unwrap_err();
/// assert_eq!(err.path(), "/flows/password");
/// assert_eq!(err.to_string(), "/flows/password: missing required field `tokenUrl`");
/// assert!(matches!(err, Error::Invalid { .. }));
/// ```
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The model holds something the target version cannot express.
    #[error("{}: {feature} requires OpenAPI {required} or later (target is {target})", shown(.path))]
    Unsupported {
        /// Where in the object.
        path: String,
        /// What cannot be expressed, e.g. `` `mutualTLS` ``.
        feature: &'static str,
        /// The oldest version that can express it.
        required: OpenApiVersion,
        /// The version asked for.
        target: OpenApiVersion,
    },
    /// The JSON does not describe a valid object.
    #[error("{}: {message}", shown(.path))]
    Invalid {
        /// Where in the JSON.
        path: String,
        /// What is wrong, worded like ``missing required field `tokenUrl` ``.
        message: String,
    },
}

/// The root pointer `""` reads badly in a message; show it as `/`.
fn shown(path: &str) -> &str {
    if path.is_empty() { "/" } else { path }
}

impl Error {
    /// The JSON Pointer of the offending value (`""` for the object itself).
    pub fn path(&self) -> &str {
        match self {
            Self::Unsupported { path, .. } | Self::Invalid { path, .. } => path,
        }
    }

    pub(crate) fn invalid(at: &Pointer<'_>, message: impl Into<String>) -> Self {
        Self::Invalid {
            path: at.render(),
            message: message.into(),
        }
    }

    pub(crate) fn unsupported(
        at: &Pointer<'_>,
        feature: &'static str,
        required: OpenApiVersion,
        target: OpenApiVersion,
    ) -> Self {
        Self::Unsupported {
            path: at.render(),
            feature,
            required,
            target,
        }
    }

    /// `Unsupported` if `target` is older than `required`.
    pub(crate) fn gate(
        at: &Pointer<'_>,
        feature: &'static str,
        required: OpenApiVersion,
        target: OpenApiVersion,
    ) -> Result<(), Self> {
        if target.at_least(required) {
            Ok(())
        } else {
            Err(Self::unsupported(at, feature, required, target))
        }
    }
}
