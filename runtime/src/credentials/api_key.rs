//! API keys in a header, a query parameter or a cookie.

use std::borrow::Cow;
use std::fmt;

use arrayvec::ArrayString;
use http::header;
use http::request::Parts;
use percent_encoding::percent_decode;
use subtle::ConstantTimeEq;

use super::{ApiKeyConfig, Credentials, challenge};
use crate::Rejection;
use crate::openapi::ApiKeyLocation;

/// Keys up to this many bytes (nearly all of them) are kept inline, so that extracting them
/// never allocates.
const INLINE: usize = 64;

#[derive(Clone)]
enum Repr {
    /// A key of up to `INLINE` bytes.
    Inline(ArrayString<INLINE>),
    /// A longer key.
    Heap(Box<str>),
}

/// An API key from a header, a query parameter or a cookie (OpenAPI `apiKey`).
///
/// * **Header**: the first field line with the name (case-insensitive), verbatim; it must be
///   UTF-8. An empty first line means missing, even if a later line has a value.
/// * **Query**: the query is read as `application/x-www-form-urlencoded` (`+` is a space,
///   `%XX` percent-decoded, the result must be UTF-8); names are percent-decoded too and
///   compared case-sensitively. The **first** occurrence counts (FastAPI takes the last).
/// * **Cookie**: every `Cookie` line, in order, as if joined with `"; "` (RFC 9113 §8.2.3);
///   names case-sensitive; the **first** cookie with the name counts (FastAPI takes the
///   last); one pair of surrounding `"` is stripped; the value must be RFC 6265
///   `cookie-octet`s.
///
/// An empty value means missing. Keys of up to 64 bytes are copied inline, longer ones to the
/// heap: extraction never allocates for a key of up to 64 bytes.
///
/// `Debug` and `Display` never show the key; compare it with [`matches`](Self::matches),
/// which runs in constant time.
///
/// ```
/// use authscheme::credentials::{ApiKey, ApiKeyConfig, Credentials};
/// use authscheme::openapi::ApiKeyLocation;
///
/// let config = ApiKeyConfig::new(ApiKeyLocation::Query, "api_key");
/// let request = http::Request::get("/items?api_key=s3cr%21t&api_key=other").body(()).unwrap();
/// let (parts, ()) = request.into_parts();
///
/// let key = ApiKey::extract(&parts, &config).unwrap().expect("a key");
/// assert_eq!(key.as_str(), "s3cr!t");
/// assert!(key.matches("s3cr!t"));
/// assert_eq!(format!("{key:?}"), "ApiKey { key: [redacted] }");
/// assert_eq!(key.to_string(), "[redacted]");
///
/// let rejection = ApiKey::missing(&config);
/// assert_eq!(rejection.challenges()[0], "APIKey");
/// ```
#[derive(Clone)]
pub struct ApiKey {
    repr: Repr,
}

impl ApiKey {
    /// The key.
    #[inline]
    pub fn as_str(&self) -> &str {
        match &self.repr {
            Repr::Inline(key) => key,
            Repr::Heap(key) => key,
        }
    }

    /// The key's bytes.
    #[inline]
    pub fn as_bytes(&self) -> &[u8] {
        self.as_str().as_bytes()
    }

    /// Whether the key equals `expected`, in time independent of where they differ (only the
    /// length can leak).
    pub fn matches(&self, expected: &str) -> bool {
        self.as_bytes().ct_eq(expected.as_bytes()).into()
    }

    /// The key `text`: inline when it fits, else on the heap (reusing `text`'s allocation
    /// when it has one).
    #[inline]
    fn new(text: Cow<'_, str>) -> Self {
        let repr = match ArrayString::from(&text) {
            Ok(inline) => Repr::Inline(inline),
            Err(_) => Repr::Heap(text.into_owned().into_boxed_str()),
        };
        Self { repr }
    }
}

impl fmt::Debug for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ApiKey")
            .field("key", &super::parse::Redacted)
            .finish()
    }
}

impl fmt::Display for ApiKey {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// What a lookup found.
enum Found {
    Missing,
    Malformed,
    Key(ApiKey),
}

/// The key in the first field line with the configured name (case-insensitively).
#[inline] // into `extract`, so that the key is written once, into the caller's result
fn from_header(parts: &Parts, config: &ApiKeyConfig) -> Found {
    // `HeaderMap::get` returns the first field line. Without the derive's pre-built name, it
    // parses `name` (lowercased on the stack, never allocated); an invalid name finds nothing.
    let value = match config.header_name() {
        Some(header_name) => parts.headers.get(header_name),
        None => parts.headers.get(config.name),
    };
    let Some(value) = value else {
        return Found::Missing;
    };
    match super::parse::utf8(value.as_bytes()) {
        Some("") => Found::Missing,
        Some(text) => Found::Key(ApiKey::new(Cow::Borrowed(text))),
        None => Found::Malformed,
    }
}

/// `application/x-www-form-urlencoded` decoding of one name or value: `+` is a space, then
/// percent-decoding; `None` when the result is not UTF-8.
fn form_decode(raw: &[u8]) -> Option<Cow<'_, str>> {
    if raw.contains(&b'+') {
        let spaced: Vec<u8> = raw
            .iter()
            .map(|&b| if b == b'+' { b' ' } else { b })
            .collect();
        let decoded: Vec<u8> = percent_decode(&spaced).collect();
        String::from_utf8(decoded).ok().map(Into::into)
    } else {
        percent_decode(raw).decode_utf8().ok()
    }
}

fn from_query(parts: &Parts, name: &str) -> Found {
    let Some(query) = parts.uri.query() else {
        return Found::Missing;
    };
    for pair in query.as_bytes().split(|&b| b == b'&') {
        let (raw_name, raw_value) = match pair.iter().position(|&b| b == b'=') {
            Some(eq) => (&pair[..eq], &pair[eq + 1..]),
            None => (pair, &[][..]),
        };
        let name_matches = if raw_name.contains(&b'%') || raw_name.contains(&b'+') {
            form_decode(raw_name).is_some_and(|decoded| decoded == name)
        } else {
            raw_name == name.as_bytes()
        };
        if !name_matches {
            continue;
        }
        return match form_decode(raw_value) {
            None => Found::Malformed,
            Some(value) if value.is_empty() => Found::Missing,
            Some(value) => Found::Key(ApiKey::new(value)),
        };
    }
    Found::Missing
}

/// `cookie-octet` of RFC 6265 §4.1.1.
fn is_cookie_octet(b: u8) -> bool {
    matches!(b, 0x21 | 0x23..=0x2b | 0x2d..=0x3a | 0x3c..=0x5b | 0x5d..=0x7e)
}

fn from_cookies(parts: &Parts, name: &str) -> Found {
    for line in parts.headers.get_all(header::COOKIE) {
        for pair in line.as_bytes().split(|&b| b == b';') {
            // Lenient on the spaces around a pair (RFC 6265 §5.4 user agents differ). A header
            // value holds no ASCII whitespace but SP and HTAB, so those are what is trimmed.
            let pair = pair.trim_ascii_start();
            let Some(eq) = pair.iter().position(|&b| b == b'=') else {
                continue;
            };
            if &pair[..eq] != name.as_bytes() {
                continue;
            }
            let mut value = pair[eq + 1..].trim_ascii_end();
            if value.len() >= 2 && value.starts_with(b"\"") && value.ends_with(b"\"") {
                value = &value[1..value.len() - 1];
            }
            if !value.iter().all(|&b| is_cookie_octet(b)) {
                return Found::Malformed;
            }
            // Cookie-octets are ASCII.
            return match super::parse::utf8(value) {
                Some("") => Found::Missing,
                Some(text) => Found::Key(ApiKey::new(Cow::Borrowed(text))),
                None => Found::Malformed,
            };
        }
    }
    Found::Missing
}

impl Credentials for ApiKey {
    type Config = ApiKeyConfig;

    #[inline]
    fn extract(parts: &Parts, config: &ApiKeyConfig) -> Result<Option<Self>, Rejection> {
        let found = match config.location {
            ApiKeyLocation::Header => from_header(parts, config),
            ApiKeyLocation::Query => from_query(parts, config.name),
            ApiKeyLocation::Cookie => from_cookies(parts, config.name),
        };
        match found {
            Found::Missing => Ok(None),
            Found::Malformed => Err(Rejection::fixed(&challenge::malformed::API_KEY)),
            Found::Key(key) => Ok(Some(key)),
        }
    }

    fn missing(_config: &ApiKeyConfig) -> Rejection {
        Rejection::fixed(&challenge::missing::API_KEY)
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use http::HeaderValue;

    fn parts(builder: http::request::Builder) -> Parts {
        builder.body(()).expect("valid request").into_parts().0
    }

    #[test]
    fn cookie_ranges_point_into_the_right_line() {
        let parts = parts(
            http::Request::get("/")
                .header("cookie", "a=1; b=2")
                .header("cookie", "c=\"xyz\" ;key=first;key=second"),
        );
        match from_cookies(&parts, "key") {
            Found::Key(key) => assert_eq!(key.as_str(), "first"),
            _ => panic!("expected a key"),
        }
        match from_cookies(&parts, "c") {
            Found::Key(key) => assert_eq!(key.as_str(), "xyz"),
            _ => panic!("expected a key"),
        }
    }

    /// Both lookups, through the derive's pre-built `HeaderName` and by the configured name
    /// parsed per lookup, find the first line case-insensitively, treat an empty first
    /// line as missing, and refuse a key that is not UTF-8.
    #[test]
    fn prebuilt_and_parsed_header_names_agree() {
        let parsed = ApiKeyConfig::new(ApiKeyLocation::Header, "X-API-Key");
        let prebuilt = parsed.with_header_name(|| {
            static NAME: http::HeaderName = http::HeaderName::from_static("x-api-key");
            &NAME
        });
        assert!(prebuilt.header_name().is_some() && parsed.header_name().is_none());
        let long = "k".repeat(INLINE + 1);
        for (lines, expected) in [
            (&[][..], None),
            (&[("x-api-key", "s3cret")], Some("s3cret")),
            (&[("X-Api-Key", ""), ("x-api-key", "second")], None),
            (&[("x-api-key", long.as_str())], Some(long.as_str())),
            (&[("x-other", "s3cret")], None),
        ] {
            let mut builder = http::Request::get("/");
            for (name, value) in lines {
                builder = builder.header(*name, *value);
            }
            let parts = parts(builder);
            for config in [&prebuilt, &parsed] {
                let key = ApiKey::extract(&parts, config).expect("well-formed");
                assert_eq!(
                    key.as_ref().map(ApiKey::as_str),
                    expected,
                    "{lines:?} {config:?}"
                );
            }
        }
        let non_utf8 = parts(http::Request::get("/").header(
            "x-api-key",
            HeaderValue::from_bytes(b"\xff").expect("obs-text is a valid header value"),
        ));
        assert!(ApiKey::extract(&non_utf8, &prebuilt).is_err());
    }

    #[test]
    fn query_names_are_decoded() {
        let parts = parts(http::Request::get("/?api%5Fkey=a+b%2B&api_key=second"));
        match from_query(&parts, "api_key") {
            Found::Key(key) => assert_eq!(key.as_str(), "a b+"),
            _ => panic!("expected a key"),
        }
    }
}
