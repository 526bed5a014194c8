//! Errors of writing and reading the OpenAPI model.

use super::OpenApiVersion;

/// Why a model could not be written for a version, or a JSON value could not be read.
///
/// Every variant names the JSON path of the offending value (`/flows/password/tokenUrl`),
/// written as a JSON Pointer relative to the object being read or written.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum Error {
    /// The model holds something the target version cannot express.
    #[error("{path}: {feature} requires OpenAPI {required} or later (target is {target})")]
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
    #[error("{path}: {message}")]
    Invalid {
        /// Where in the JSON.
        path: String,
        /// What is wrong, worded like `missing required field `tokenUrl``.
        message: String,
    },
}

impl Error {
    /// The JSON Pointer of the offending value.
    pub fn path(&self) -> &str {
        match self {
            Self::Unsupported { path, .. } | Self::Invalid { path, .. } => path,
        }
    }

    pub(crate) fn invalid(path: &str, message: impl Into<String>) -> Self {
        Self::Invalid {
            path: path.to_owned(),
            message: message.into(),
        }
    }
}
