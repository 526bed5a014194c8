//! `x-` specification extensions.

use super::Text;

/// One `x-` specification extension: a key starting with `x-` and a JSON value.
///
/// ```
/// use authscheme::openapi::{Extension, ExtensionValue};
///
/// const CLIENT: Extension = Extension::new("x-client-id", ExtensionValue::str("petstore-ui"));
/// assert_eq!(CLIENT.key, "x-client-id");
/// assert_eq!(CLIENT.value.to_json(), serde_json::json!("petstore-ui"));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct Extension {
    /// The field name, including the `x-` prefix.
    pub key: Text,
    /// The field value.
    pub value: ExtensionValue,
}

impl Extension {
    /// An extension with a `'static` key.
    pub const fn new(key: &'static str, value: ExtensionValue) -> Self {
        Self {
            key: Text::Borrowed(key),
            value,
        }
    }
}

/// The value of an `x-` extension.
///
/// Declarations use the scalar variants (strings, numbers, booleans), which are
/// `const`-constructible; anything else read from JSON (`null`, arrays, objects) is kept as
/// [`ExtensionValue::Json`].
#[derive(Clone, Debug, PartialEq)]
pub enum ExtensionValue {
    /// A JSON string.
    Str(Text),
    /// A JSON boolean.
    Bool(bool),
    /// A JSON integer that fits `i64`.
    Int(i64),
    /// A finite JSON number that is not an `i64`.
    Float(f64),
    /// Any other JSON value (`null`, an array, an object, or an integer beyond `i64`).
    Json(serde_json::Value),
}

impl ExtensionValue {
    /// A `'static` string value, in a `const` context.
    pub const fn str(value: &'static str) -> Self {
        Self::Str(Text::Borrowed(value))
    }

    /// The value as JSON.
    pub fn to_json(&self) -> serde_json::Value {
        match self {
            Self::Str(s) => serde_json::Value::String(s.to_string()),
            Self::Bool(b) => serde_json::Value::Bool(*b),
            Self::Int(i) => serde_json::Value::from(*i),
            // A non-finite float cannot come from a declaration (the macro rejects it) nor from
            // JSON; `Value::from` would turn it into `null`, so it is mapped the same way here.
            Self::Float(f) => serde_json::Number::from_f64(*f)
                .map_or(serde_json::Value::Null, serde_json::Value::Number),
            Self::Json(v) => v.clone(),
        }
    }

    /// Reads a JSON value into the most specific variant, so that
    /// `ExtensionValue::from_json(&v.to_json()) == v` for every value built this way.
    pub fn from_json(value: &serde_json::Value) -> Self {
        match value {
            serde_json::Value::String(s) => Self::Str(Text::Owned(s.clone())),
            serde_json::Value::Bool(b) => Self::Bool(*b),
            serde_json::Value::Number(n) => {
                if let Some(i) = n.as_i64() {
                    Self::Int(i)
                } else if n.is_f64() {
                    n.as_f64()
                        .map_or_else(|| Self::Json(value.clone()), Self::Float)
                } else {
                    Self::Json(value.clone())
                }
            }
            other => Self::Json(other.clone()),
        }
    }
}
