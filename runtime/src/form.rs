//! FastAPI's `OAuth2PasswordRequestForm` and `OAuth2PasswordRequestFormStrict`: the body of
//! an OAuth 2.0 password-grant token request (RFC 6749 §4.3.2).
//!
//! Both read an `application/x-www-form-urlencoded` body with FastAPI's rules
//! (fastapi-behaviour.md §2.10):
//!
//! | field | [`OAuth2PasswordRequestForm`] | [`OAuth2PasswordRequestFormStrict`] |
//! |---|---|---|
//! | `grant_type` | optional; if present it must be `password` | required, must be `password` |
//! | `username`, `password` | required | required |
//! | `scope` | default `""`, split on whitespace into `scopes` | same |
//! | `client_id`, `client_secret` | optional | optional |
//!
//! * An empty value is a missing one (`username=` → `missing`; `grant_type=` → `None` in
//!   the lenient form, `missing` in the strict one).
//! * A repeated field counts with its last value; other fields are ignored.
//! * Decoding is Starlette's: `+` is a space, `%XX` runs are UTF-8 (invalid sequences become
//!   U+FFFD), other bytes are Latin-1.
//! * A body of another content type (JSON, none) has no fields: every required one is
//!   `missing`. `multipart/form-data` is **not parsed** here (FastAPI accepts it): such a
//!   request is answered like any other non-form body.
//!
//! Errors are answered as FastAPI does, 422 with pydantic's error list, in field order, with
//! one deviation: the list echoes what was sent (`input`) only for `grant_type`, and **at
//! most its first 64 characters** (Unicode scalar values, as Python counts them); a longer
//! value is cut there and `…` (U+2026) appended, so an echo of 65 characters is a cut one
//! and an uncut one is never longer than 64. FastAPI echoes the whole value, which lets a
//! client make the error as large as its request. The `password` and `client_secret` values
//! are never echoed: the only error they can have is `missing`, whose `input` is `null`.
//! [`FieldErrorKind::PatternMismatch`] keeps the whole value for the application.
//!
//! ```
//! use authscheme::form::OAuth2PasswordRequestForm;
//!
//! let form = OAuth2PasswordRequestForm::from_urlencoded(
//!     b"grant_type=password&username=johndoe&password=hunter2&scope=items:read+me",
//! )
//! .unwrap();
//! assert_eq!(form.username, "johndoe");
//! assert_eq!(form.scopes, ["items:read", "me"]);
//! // The password is never printed.
//! assert!(!format!("{form:?}").contains("hunter2"));
//!
//! let error = OAuth2PasswordRequestForm::from_urlencoded(b"grant_type=client_credentials&username=")
//!     .unwrap_err();
//! assert_eq!(error.status(), 422);
//! assert_eq!(
//!     serde_json::from_str::<serde_json::Value>(&error.body()).unwrap(),
//!     serde_json::json!({"detail": [
//!         {"type": "string_pattern_mismatch", "loc": ["body", "grant_type"],
//!          "msg": "String should match pattern '^password$'", "input": "client_credentials",
//!          "ctx": {"pattern": "^password$"}},
//!         {"type": "missing", "loc": ["body", "username"], "msg": "Field required", "input": null},
//!         {"type": "missing", "loc": ["body", "password"], "msg": "Field required", "input": null},
//!     ]})
//! );
//! ```

use std::borrow::Cow;
use std::fmt;

use http::{HeaderValue, StatusCode, header};
use serde::Serialize;

/// The only value `grant_type` may take.
const PASSWORD_PATTERN: &str = "^password$";

/// The most characters of a value a 422 body echoes; see [`echoed`].
const ECHOED_INPUT_CHARS: usize = 64;

/// What a 422 body echoes of `input`: all of it up to [`ECHOED_INPUT_CHARS`] characters, else
/// that many followed by `…`, so that the body stays small whatever the client sent, and a
/// client can tell a cut echo (one character over the cap) from a whole one.
fn echoed(input: &str) -> Cow<'_, str> {
    if input.chars().nth(ECHOED_INPUT_CHARS).is_none() {
        Cow::Borrowed(input)
    } else {
        input
            .chars()
            .take(ECHOED_INPUT_CHARS)
            .chain(['…'])
            .collect()
    }
}

/// FastAPI's `OAuth2PasswordRequestForm`: `grant_type` is optional.
///
/// `Debug` redacts `password` and `client_secret`. The form has no `PartialEq`: `==` on a
/// password returns as soon as a byte differs, so it would time how much of a guess is right.
/// Check the password in constant time, e.g. with
/// [`BasicUsers::authenticate`](crate::verify::BasicUsers::authenticate) or `subtle`'s
/// `ConstantTimeEq`, or against a hash.
///
/// ```
/// use authscheme::form::OAuth2PasswordRequestForm;
///
/// let form = OAuth2PasswordRequestForm::from_urlencoded(b"username=alice&password=wonderland").unwrap();
/// assert_eq!(form.grant_type, None);
/// assert_eq!(form.password, "wonderland");
/// assert!(form.scopes.is_empty());
/// ```
#[derive(Clone)]
pub struct OAuth2PasswordRequestForm {
    /// `grant_type`: `None` or `Some("password")`.
    pub grant_type: Option<String>,
    /// `username`.
    pub username: String,
    /// `password`.
    pub password: String,
    /// `scope`, split on whitespace.
    pub scopes: Vec<String>,
    /// `client_id`.
    pub client_id: Option<String>,
    /// `client_secret`.
    pub client_secret: Option<String>,
}

/// FastAPI's `OAuth2PasswordRequestFormStrict`: `grant_type=password` is required, as
/// RFC 6749 §4.3.2 says.
///
/// `Debug` redacts `password` and `client_secret`; like [`OAuth2PasswordRequestForm`], the
/// form has no `PartialEq`.
///
/// ```
/// use authscheme::form::OAuth2PasswordRequestFormStrict;
///
/// let error = OAuth2PasswordRequestFormStrict::from_urlencoded(b"username=alice&password=x").unwrap_err();
/// assert_eq!(
///     error.body(),
///     r#"{"detail":[{"type":"missing","loc":["body","grant_type"],"msg":"Field required","input":null}]}"#
/// );
/// ```
#[derive(Clone)]
pub struct OAuth2PasswordRequestFormStrict {
    /// `grant_type`: always `"password"`.
    pub grant_type: String,
    /// `username`.
    pub username: String,
    /// `password`.
    pub password: String,
    /// `scope`, split on whitespace.
    pub scopes: Vec<String>,
    /// `client_id`.
    pub client_id: Option<String>,
    /// `client_secret`.
    pub client_secret: Option<String>,
}

impl OAuth2PasswordRequestForm {
    /// Parses an `application/x-www-form-urlencoded` body.
    ///
    /// # Errors
    ///
    /// A [`FormError`] (422) listing every missing or invalid field.
    pub fn from_urlencoded(body: &[u8]) -> Result<Self, FormError> {
        let fields = Fields::parse(body);
        let mut errors = Vec::new();
        let grant_type = fields.grant_type(false, &mut errors);
        let (username, password) = fields.credentials(&mut errors);
        match (username, password) {
            (Some(username), Some(password)) if errors.is_empty() => Ok(Self {
                grant_type,
                username,
                password,
                scopes: split_scope(fields.scope.as_deref()),
                client_id: fields.client_id,
                client_secret: fields.client_secret,
            }),
            _ => Err(FormError { errors }),
        }
    }

    /// Parses a request body of the given `Content-Type`: a body that is not
    /// `application/x-www-form-urlencoded` has no fields.
    ///
    /// # Errors
    ///
    /// As [`from_urlencoded`](Self::from_urlencoded).
    pub fn from_body(content_type: Option<&HeaderValue>, body: &[u8]) -> Result<Self, FormError> {
        Self::from_urlencoded(form_fields(content_type, body))
    }
}

impl OAuth2PasswordRequestFormStrict {
    /// Parses an `application/x-www-form-urlencoded` body.
    ///
    /// # Errors
    ///
    /// A [`FormError`] (422) listing every missing or invalid field.
    pub fn from_urlencoded(body: &[u8]) -> Result<Self, FormError> {
        let fields = Fields::parse(body);
        let mut errors = Vec::new();
        let grant_type = fields.grant_type(true, &mut errors);
        let (username, password) = fields.credentials(&mut errors);
        match (grant_type, username, password) {
            (Some(grant_type), Some(username), Some(password)) if errors.is_empty() => Ok(Self {
                grant_type,
                username,
                password,
                scopes: split_scope(fields.scope.as_deref()),
                client_id: fields.client_id,
                client_secret: fields.client_secret,
            }),
            _ => Err(FormError { errors }),
        }
    }

    /// Parses a request body of the given `Content-Type`: a body that is not
    /// `application/x-www-form-urlencoded` has no fields.
    ///
    /// # Errors
    ///
    /// As [`from_urlencoded`](Self::from_urlencoded).
    pub fn from_body(content_type: Option<&HeaderValue>, body: &[u8]) -> Result<Self, FormError> {
        Self::from_urlencoded(form_fields(content_type, body))
    }
}

/// Shared `Debug`: secrets are redacted.
macro_rules! redacted_debug {
    ($ty:ident) => {
        impl fmt::Debug for $ty {
            fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
                f.debug_struct(stringify!($ty))
                    .field("grant_type", &self.grant_type)
                    .field("username", &self.username)
                    .field("password", &Redacted)
                    .field("scopes", &self.scopes)
                    .field("client_id", &self.client_id)
                    .field(
                        "client_secret",
                        &self.client_secret.as_ref().map(|_| Redacted),
                    )
                    .finish()
            }
        }
    };
}
redacted_debug!(OAuth2PasswordRequestForm);
redacted_debug!(OAuth2PasswordRequestFormStrict);

struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// The fields we read, each with its last value; an empty value is a missing one.
#[derive(Default)]
struct Fields {
    grant_type: Option<String>,
    username: Option<String>,
    password: Option<String>,
    scope: Option<String>,
    client_id: Option<String>,
    client_secret: Option<String>,
}

impl Fields {
    fn parse(body: &[u8]) -> Self {
        let mut fields = Self::default();
        for pair in body.split(|&b| b == b'&').filter(|pair| !pair.is_empty()) {
            let (name, value) = match pair.iter().position(|&b| b == b'=') {
                Some(eq) => (&pair[..eq], &pair[eq + 1..]),
                None => (pair, &b""[..]),
            };
            let slot = match decode(name).as_str() {
                "grant_type" => &mut fields.grant_type,
                "username" => &mut fields.username,
                "password" => &mut fields.password,
                "scope" => &mut fields.scope,
                "client_id" => &mut fields.client_id,
                "client_secret" => &mut fields.client_secret,
                _ => continue,
            };
            // The last occurrence counts, and an empty value is a missing one.
            let value = decode(value);
            *slot = (!value.is_empty()).then_some(value);
        }
        fields
    }

    fn grant_type(&self, required: bool, errors: &mut Vec<FieldError>) -> Option<String> {
        match &self.grant_type {
            None => {
                if required {
                    errors.push(FieldError::missing("grant_type"));
                }
                None
            }
            Some(value) if value == "password" => Some(value.clone()),
            Some(value) => {
                errors.push(FieldError {
                    field: "grant_type",
                    kind: FieldErrorKind::PatternMismatch {
                        input: value.clone(),
                    },
                });
                None
            }
        }
    }

    fn credentials(&self, errors: &mut Vec<FieldError>) -> (Option<String>, Option<String>) {
        if self.username.is_none() {
            errors.push(FieldError::missing("username"));
        }
        if self.password.is_none() {
            errors.push(FieldError::missing("password"));
        }
        (self.username.clone(), self.password.clone())
    }
}

/// Starlette's `unquote_plus(raw.decode("latin-1"))`: `+` is a space, runs of ASCII (with
/// `%XX` escapes) are UTF-8 with U+FFFD for invalid sequences, other bytes are Latin-1.
fn decode(raw: &[u8]) -> String {
    fn flush(pending: &mut Vec<u8>, out: &mut String) {
        out.push_str(&String::from_utf8_lossy(pending));
        pending.clear();
    }
    let mut out = String::with_capacity(raw.len());
    let mut pending = Vec::new();
    let mut i = 0;
    while i < raw.len() {
        let byte = raw[i];
        match byte {
            b'+' => pending.push(b' '),
            b'%' => match (
                raw.get(i + 1).copied().and_then(hex),
                raw.get(i + 2).copied().and_then(hex),
            ) {
                (Some(high), Some(low)) => {
                    pending.push(high << 4 | low);
                    i += 2;
                }
                _ => pending.push(b'%'),
            },
            _ if byte.is_ascii() => pending.push(byte),
            _ => {
                flush(&mut pending, &mut out);
                out.push(char::from(byte));
            }
        }
        i += 1;
    }
    flush(&mut pending, &mut out);
    out
}

fn hex(digit: u8) -> Option<u8> {
    char::from(digit)
        .to_digit(16)
        .and_then(|value| u8::try_from(value).ok())
}

/// Python's `str.split()`: runs of whitespace, which for Python includes U+001C..U+001F.
fn split_scope(scope: Option<&str>) -> Vec<String> {
    scope
        .unwrap_or_default()
        .split(|c: char| c.is_whitespace() || ('\u{1c}'..='\u{1f}').contains(&c))
        .filter(|scope| !scope.is_empty())
        .map(str::to_owned)
        .collect()
}

/// The body's form fields: the body itself when it is `application/x-www-form-urlencoded`, no
/// fields otherwise (JSON, multipart, or no content type: FastAPI then reports every required
/// field missing).
fn form_fields<'a>(content_type: Option<&HeaderValue>, body: &'a [u8]) -> &'a [u8] {
    if is_urlencoded(content_type) {
        body
    } else {
        b""
    }
}

/// Whether the media type is `application/x-www-form-urlencoded` (parameters ignored).
fn is_urlencoded(content_type: Option<&HeaderValue>) -> bool {
    content_type
        .and_then(|value| value.to_str().ok())
        .and_then(|value| value.split(';').next())
        .is_some_and(|media_type| {
            media_type
                .trim()
                .eq_ignore_ascii_case("application/x-www-form-urlencoded")
        })
}

/// A token request body that does not validate: 422 with FastAPI's (pydantic's) error list.
///
/// ```
/// use authscheme::form::OAuth2PasswordRequestForm;
///
/// let error = OAuth2PasswordRequestForm::from_urlencoded(b"password=x").unwrap_err();
/// assert_eq!(error.to_string(), "1 validation error: body.username: Field required");
/// let response = error.into_response();
/// assert_eq!(response.status(), 422);
/// assert_eq!(response.headers()["content-type"], "application/json");
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FormError {
    errors: Vec<FieldError>,
}

/// One entry of a [`FormError`].
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct FieldError {
    field: &'static str,
    kind: FieldErrorKind,
}

/// What is wrong with a field.
#[derive(Clone, Debug, PartialEq, Eq)]
#[non_exhaustive]
pub enum FieldErrorKind {
    /// Absent or empty (`"type": "missing"`).
    Missing,
    /// `grant_type` is not `password` (`"type": "string_pattern_mismatch"`).
    PatternMismatch {
        /// The value sent, whole (the 422 body echoes at most its first 64 characters).
        input: String,
    },
}

impl FieldError {
    fn missing(field: &'static str) -> Self {
        Self {
            field,
            kind: FieldErrorKind::Missing,
        }
    }

    /// The form field's name.
    pub fn field(&self) -> &'static str {
        self.field
    }

    /// What is wrong with it.
    pub fn kind(&self) -> &FieldErrorKind {
        &self.kind
    }

    fn message(&self) -> String {
        match &self.kind {
            FieldErrorKind::Missing => "Field required".to_owned(),
            FieldErrorKind::PatternMismatch { .. } => {
                format!("String should match pattern '{PASSWORD_PATTERN}'")
            }
        }
    }
}

/// pydantic's error entry, keys in pydantic's order.
#[derive(Serialize)]
struct Entry<'a> {
    #[serde(rename = "type")]
    kind: &'static str,
    loc: (&'static str, &'static str),
    msg: String,
    input: Option<Cow<'a, str>>,
    #[serde(skip_serializing_if = "Option::is_none")]
    ctx: Option<Pattern>,
}

#[derive(Serialize)]
struct Pattern {
    pattern: &'static str,
}

#[derive(Serialize)]
struct Body<'a> {
    detail: Vec<Entry<'a>>,
}

impl FormError {
    /// The status: 422 Unprocessable Content.
    pub fn status(&self) -> StatusCode {
        StatusCode::UNPROCESSABLE_ENTITY
    }

    /// The errors, in field order.
    pub fn errors(&self) -> &[FieldError] {
        &self.errors
    }

    /// The JSON body, as FastAPI writes it, except that an echoed `input` is cut after 64
    /// characters (see the [module documentation](crate::form)).
    ///
    /// ```
    /// use authscheme::form::OAuth2PasswordRequestForm;
    ///
    /// let body = format!("grant_type={}&username=a&password=p", "x".repeat(1000));
    /// let error = OAuth2PasswordRequestForm::from_urlencoded(body.as_bytes()).unwrap_err();
    /// let json: serde_json::Value = serde_json::from_str(&error.body()).unwrap();
    /// assert_eq!(json["detail"][0]["input"], format!("{}…", "x".repeat(64)));
    /// ```
    pub fn body(&self) -> String {
        let detail = self
            .errors
            .iter()
            .map(|error| match &error.kind {
                FieldErrorKind::Missing => Entry {
                    kind: "missing",
                    loc: ("body", error.field),
                    msg: error.message(),
                    input: None,
                    ctx: None,
                },
                FieldErrorKind::PatternMismatch { input } => Entry {
                    kind: "string_pattern_mismatch",
                    loc: ("body", error.field),
                    msg: error.message(),
                    input: Some(echoed(input)),
                    ctx: Some(Pattern {
                        pattern: PASSWORD_PATTERN,
                    }),
                },
            })
            .collect();
        // Serializing plain strings and tuples into a `String` cannot fail.
        serde_json::to_string(&Body { detail }).unwrap_or_default()
    }

    /// The response: 422, `content-type: application/json` and the JSON body.
    pub fn into_response(self) -> http::Response<String> {
        let mut response = http::Response::new(self.body());
        *response.status_mut() = self.status();
        response.headers_mut().insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        response
    }
}

impl fmt::Display for FormError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let count = self.errors.len();
        write!(
            f,
            "{count} validation error{}",
            if count == 1 { "" } else { "s" }
        )?;
        for (i, error) in self.errors.iter().enumerate() {
            let separator = if i == 0 { ": " } else { "; " };
            write!(f, "{separator}body.{}: {}", error.field, error.message())?;
        }
        Ok(())
    }
}

impl std::error::Error for FormError {}

#[cfg(test)]
mod tests {
    use super::{ECHOED_INPUT_CHARS, decode, echoed, is_urlencoded, split_scope};
    use http::HeaderValue;

    #[test]
    fn echoes_at_most_64_characters_and_marks_the_cut() {
        assert_eq!(ECHOED_INPUT_CHARS, 64);
        let whole = "p".repeat(64);
        assert_eq!(echoed(&whole), whole);
        assert_eq!(echoed(""), "");
        assert_eq!(echoed(&"p".repeat(65)), format!("{whole}…"));
        assert_eq!(echoed(&"p".repeat(10_000)), format!("{whole}…"));
        // Characters, not bytes: a cut never splits one, and 64 two- or four-byte characters
        // are echoed whole.
        assert_eq!(echoed(&"é".repeat(64)), "é".repeat(64));
        assert_eq!(echoed(&"é".repeat(65)), format!("{}…", "é".repeat(64)));
        assert_eq!(
            echoed(&format!("{}🦀🦀", "a".repeat(63))),
            format!("{}🦀…", "a".repeat(63))
        );
        // A cut echo is 65 characters; a whole one at most 64.
        assert_eq!(echoed(&"…".repeat(100)).chars().count(), 65);
    }

    #[test]
    fn decodes_like_starlette() {
        assert_eq!(decode(b"a+b%20c"), "a b c");
        assert_eq!(decode(b"caf%C3%A9"), "café");
        // Invalid UTF-8 escapes become U+FFFD; raw non-ASCII bytes are Latin-1.
        assert_eq!(decode(b"%C3x"), "\u{fffd}x");
        assert_eq!(decode(b"\xe9"), "é");
        assert_eq!(decode(b"\xc3\xa9"), "Ã©");
        // A `%` without two hex digits stays.
        assert_eq!(decode(b"100%"), "100%");
        assert_eq!(decode(b"%zz%4"), "%zz%4");
    }

    #[test]
    fn splits_scope_like_python() {
        assert_eq!(
            split_scope(Some("  a\tb\n c\u{1f}d ")),
            ["a", "b", "c", "d"]
        );
        assert!(split_scope(None).is_empty());
        assert!(split_scope(Some("   ")).is_empty());
    }

    #[test]
    fn media_type_ignores_parameters_and_case() {
        let form = |value: &'static str| is_urlencoded(Some(&HeaderValue::from_static(value)));
        assert!(form("application/x-www-form-urlencoded"));
        assert!(form("Application/X-WWW-Form-Urlencoded; charset=UTF-8"));
        assert!(!form("application/json"));
        assert!(!form("multipart/form-data; boundary=x"));
        assert!(!is_urlencoded(None));
    }
}
