//! [`Versioned`]: a model value checked for one OpenAPI version, ready to serialize.

use serde::Serialize;

use super::{Error, OpenApiVersion};

/// A model value checked against an [`OpenApiVersion`]; its [`Serialize`] implementation
/// writes the canonical JSON for that version.
///
/// It is made by the `versioned` method of each model type ([`SecurityScheme::versioned`],
/// [`SecuritySchemes::versioned`], …), which runs every check first. Serializing it therefore
/// cannot fail for a reason of the model, and it can go straight to a writer or a string
/// without building a [`serde_json::Value`] first. Keys come out in the canonical order.
///
/// ```
/// use authscheme::openapi::{OpenApiVersion, SecurityScheme};
///
/// let jwt = SecurityScheme::bearer(Some("JWT"));
/// let mut out = Vec::new();
/// serde_json::to_writer(&mut out, &jwt.versioned(OpenApiVersion::V3_0)?)?;
/// assert_eq!(out, br#"{"type":"http","scheme":"bearer","bearerFormat":"JWT"}"#);
/// # Ok::<(), Box<dyn std::error::Error>>(())
/// ```
///
/// [`SecurityScheme::versioned`]: super::SecurityScheme::versioned
/// [`SecuritySchemes::versioned`]: super::SecuritySchemes::versioned
#[derive(Debug)]
pub struct Versioned<'a, T> {
    pub(crate) value: &'a T,
    pub(crate) version: OpenApiVersion,
}

// Manual impls: deriving would require `T: Clone`/`T: Copy`, but only a reference is held.
impl<T> Clone for Versioned<'_, T> {
    fn clone(&self) -> Self {
        *self
    }
}

impl<T> Copy for Versioned<'_, T> {}

impl<'a, T> Versioned<'a, T> {
    /// Pairs a value with a version. Only for values whose checks have passed (or for parts
    /// of such a value): serialization relies on them.
    pub(crate) const fn trusted(value: &'a T, version: OpenApiVersion) -> Self {
        Self { value, version }
    }

    /// The value being written.
    pub const fn get(&self) -> &'a T {
        self.value
    }

    /// The version it is written for.
    pub const fn version(&self) -> OpenApiVersion {
        self.version
    }
}

impl<T> Versioned<'_, T>
where
    Self: Serialize,
{
    /// The canonical JSON as a [`serde_json::Value`] (object keys keep the canonical order).
    pub(crate) fn to_value(self) -> Result<serde_json::Value, Error> {
        serde_json::to_value(self).map_err(|error| serializer_error(&error))
    }

    /// The canonical JSON as compact text.
    pub(crate) fn to_text(self) -> Result<String, Error> {
        serde_json::to_string(&self).map_err(|error| serializer_error(&error))
    }
}

/// `serde_json` fails only on what the checks already rule out (non-finite floats); keep such
/// a failure an `Error` rather than a panic all the same.
fn serializer_error(error: &serde_json::Error) -> Error {
    Error::Invalid {
        path: String::new(),
        message: error.to_string(),
    }
}
