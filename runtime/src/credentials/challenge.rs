//! The `WWW-Authenticate` challenges of each kind of scheme.
//!
//! Challenges that never change are `HeaderValue::from_static`. The two that depend on the
//! scheme's configuration (Basic with a realm, a custom scheme's word) are built once per
//! configuration and kept for the life of the process (at most `CACHE_LIMIT` of them, in
//! a global table), and each thread keeps its own copy of the table for lookups: the
//! rejection path of a request then costs a lookup in a short thread-local list, never
//! formatting, never a lock, and (for ASCII values, which are `'static`) no reference count.

use std::cell::RefCell;
use std::sync::{Mutex, PoisonError};

use http::HeaderValue;

use authscheme_grammar::challenge;

/// `Bearer`: http bearer, oauth2, openIdConnect.
pub(crate) const BEARER: HeaderValue = HeaderValue::from_static("Bearer");
/// `Basic` without a realm.
pub(crate) const BASIC: HeaderValue = HeaderValue::from_static("Basic");
/// `Digest`.
pub(crate) const DIGEST: HeaderValue = HeaderValue::from_static("Digest");
/// `APIKey`: FastAPI's challenge for API keys.
pub(crate) const API_KEY: HeaderValue = HeaderValue::from_static("APIKey");
/// `MutualTLS`: our challenge for a missing client certificate.
pub(crate) const MUTUAL_TLS: HeaderValue = HeaderValue::from_static("MutualTLS");
/// RFC 6750 §3.1 `invalid_token`, without a description.
pub(crate) const INVALID_TOKEN: HeaderValue =
    HeaderValue::from_static(r#"Bearer error="invalid_token""#);

/// The rejections for missing credentials of the schemes whose challenge never changes.
///
/// Constants, so that a rejection is copied whole from a constant instead of built field by
/// field (a caller moving a rejection built in pieces stalled on reading it back), holding
/// their challenge without drop glue (see `Rejection::not_authenticated_static`).
pub(crate) mod missing {
    use crate::Rejection;

    /// 401 with `WWW-Authenticate: Bearer`.
    pub(crate) const BEARER: Rejection = Rejection::not_authenticated_static(super::BEARER);
    /// 401 with `WWW-Authenticate: Digest`.
    pub(crate) const DIGEST: Rejection = Rejection::not_authenticated_static(super::DIGEST);
    /// 401 with `WWW-Authenticate: APIKey`.
    pub(crate) const API_KEY: Rejection = Rejection::not_authenticated_static(super::API_KEY);
    /// 401 with `WWW-Authenticate: MutualTLS`.
    pub(crate) const MUTUAL_TLS: Rejection = Rejection::not_authenticated_static(super::MUTUAL_TLS);
}

/// At most this many configuration-dependent challenges are kept; more (only possible with
/// configurations made at run time) are built per call.
const CACHE_LIMIT: usize = 64;

#[derive(Clone, Copy, Eq)]
enum Key {
    BasicRealm(&'static str),
    Custom(&'static str),
}

impl PartialEq for Key {
    fn eq(&self, other: &Self) -> bool {
        // The same `'static` string is usually the same pointer: skip comparing the bytes.
        let same = |a: &'static str, b: &'static str| std::ptr::eq(a, b) || a == b;
        match (self, other) {
            (Self::BasicRealm(a), Self::BasicRealm(b)) | (Self::Custom(a), Self::Custom(b)) => {
                same(a, b)
            }
            _ => false,
        }
    }
}

/// Every challenge built so far. ASCII ones are leaked into `'static` strings (bounded by
/// `CACHE_LIMIT`, like any other static data) so that their `HeaderValue`s are
/// `from_static`: cloning one then touches no reference count.
static BUILT: Mutex<Vec<(Key, HeaderValue)>> = Mutex::new(Vec::new());

thread_local! {
    static CACHE: RefCell<Vec<(Key, HeaderValue)>> = const { RefCell::new(Vec::new()) };
}

fn cached(key: Key, build: impl FnOnce() -> String) -> HeaderValue {
    if let Some(value) = CACHE.with_borrow(|cache| {
        cache
            .iter()
            .find(|(cached, _)| *cached == key)
            .map(|(_, value)| value.clone())
    }) {
        return value;
    }
    let value = {
        let mut table = BUILT.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, value)) = table.iter().find(|(cached, _)| *cached == key) {
            value.clone()
        } else {
            let text = build();
            let is_static = text
                .bytes()
                .all(|b| (0x20..0x7f).contains(&b) || b == b'\t');
            let value = if is_static && table.len() < CACHE_LIMIT {
                HeaderValue::from_static(Box::leak(text.into_boxed_str()))
            } else {
                // Non-ASCII (obs-text) values cannot be `from_static`; the fallbacks are
                // unreachable for values `quote` and `title_case` produce from a token.
                HeaderValue::from_str(&text).unwrap_or(HeaderValue::from_static("Unknown"))
            };
            if table.len() < CACHE_LIMIT {
                table.push((key, value.clone()));
            }
            value
        }
    };
    CACHE.with_borrow_mut(|cache| {
        if cache.len() < CACHE_LIMIT {
            cache.push((key, value.clone()));
        }
    });
    value
}

/// `Basic` or `Basic realm="R"` with R as an RFC 9110 quoted-string.
pub(crate) fn basic(realm: Option<&'static str>) -> HeaderValue {
    match realm {
        None | Some("") => BASIC,
        Some(realm) => cached(Key::BasicRealm(realm), || challenge::basic(Some(realm))),
    }
}

/// A custom scheme's challenge: the word title-cased as FastAPI's `str.title()` does.
pub(crate) fn custom(scheme: &'static str) -> HeaderValue {
    cached(Key::Custom(scheme), || challenge::custom(scheme))
}
