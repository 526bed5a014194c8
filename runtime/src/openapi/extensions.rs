//! `x-` specification extensions.

use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

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
///
/// Two values are equal when they are the same JSON value, whatever the variant:
/// `ExtensionValue::Json(json!("a")) == ExtensionValue::str("a")`.
///
/// ```
/// use authscheme::openapi::ExtensionValue;
/// use serde_json::json;
///
/// let nested = json!({"tiers": [1, 2.5, null, {"k": "v"}]});
/// let value = ExtensionValue::from_json(&nested);
/// assert_eq!(value, ExtensionValue::Json(nested.clone()));
/// assert_eq!(value.to_json(), nested);
/// assert_eq!(ExtensionValue::from_json(&json!(7)), ExtensionValue::Int(7));
/// assert_eq!(ExtensionValue::Json(json!("a")), ExtensionValue::str("a"));
/// ```
#[derive(Clone, Debug)]
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

impl PartialEq for ExtensionValue {
    #[allow(
        clippy::float_cmp,
        reason = "JSON equality of numbers is exact, as `serde_json::Value`'s"
    )]
    fn eq(&self, other: &Self) -> bool {
        match (self, other) {
            (Self::Str(a), Self::Str(b)) => a == b,
            (Self::Bool(a), Self::Bool(b)) => a == b,
            (Self::Int(a), Self::Int(b)) => a == b,
            (Self::Float(a), Self::Float(b)) => a == b,
            (Self::Json(a), Self::Json(b)) => a == b,
            // `to_json` maps a non-finite float to `null`; it must not equal a real `null`.
            (Self::Float(f), _) | (_, Self::Float(f)) if !f.is_finite() => false,
            // Different variants may still hold the same JSON, e.g. `Json("a")` and `Str("a")`.
            _ => self.to_json() == other.to_json(),
        }
    }
}

/// Writes the value as JSON. A non-finite [`ExtensionValue::Float`] is an error (JSON has no
/// `NaN`); the version-aware writers report it with its path before serializing.
impl Serialize for ExtensionValue {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        match self {
            Self::Str(s) => serializer.serialize_str(s),
            Self::Bool(b) => serializer.serialize_bool(*b),
            Self::Int(i) => serializer.serialize_i64(*i),
            Self::Float(f) if f.is_finite() => serializer.serialize_f64(*f),
            Self::Float(f) => Err(serde::ser::Error::custom(format_args!(
                "extension value must be a finite number, found {f}"
            ))),
            Self::Json(v) => v.serialize(serializer),
        }
    }
}

/// Reads any JSON value, as [`ExtensionValue::from_json`].
impl<'de> Deserialize<'de> for ExtensionValue {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        serde_json::Value::deserialize(deserializer).map(|value| Self::from_json(&value))
    }
}

/// Writes `extensions` as members of the object being serialized (checked beforehand).
pub(crate) fn serialize_extensions<M: SerializeMap>(
    map: &mut M,
    extensions: &[Extension],
) -> Result<(), M::Error> {
    extensions
        .iter()
        .try_for_each(|extension| map.serialize_entry(&*extension.key, &extension.value))
}
