//! The `WWW-Authenticate` challenges of each kind of scheme.
//!
//! Challenges that never change are `HeaderValue::from_static`. The two that depend on the
//! scheme's configuration (Basic with a realm, a custom scheme's word) are built on first
//! use and cached for the life of the process, keyed by the configuration string: the
//! rejection path of a request then costs a lookup and a reference-count increment, never
//! formatting.

use std::sync::{PoisonError, RwLock};

use http::HeaderValue;

use super::parse::{quote, title_case};

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

/// At most this many configuration-dependent challenges are cached; more (only possible with
/// configurations made at run time) are built per call.
const CACHE_LIMIT: usize = 64;

#[derive(Clone, Copy, PartialEq, Eq)]
enum Key {
    BasicRealm(&'static str),
    Custom(&'static str),
}

static CACHE: RwLock<Vec<(Key, HeaderValue)>> = RwLock::new(Vec::new());

fn cached(key: Key, build: impl FnOnce() -> HeaderValue) -> HeaderValue {
    {
        let cache = CACHE.read().unwrap_or_else(PoisonError::into_inner);
        if let Some((_, value)) = cache.iter().find(|(cached, _)| *cached == key) {
            return value.clone();
        }
    }
    let value = build();
    let mut cache = CACHE.write().unwrap_or_else(PoisonError::into_inner);
    if cache.len() < CACHE_LIMIT && !cache.iter().any(|(cached, _)| *cached == key) {
        cache.push((key, value.clone()));
    }
    value
}

/// `Basic` or `Basic realm="R"` with R as an RFC 9110 quoted-string.
pub(crate) fn basic(realm: Option<&'static str>) -> HeaderValue {
    match realm {
        None | Some("") => BASIC,
        Some(realm) => cached(Key::BasicRealm(realm), || {
            let mut text = String::with_capacity(realm.len() + 16);
            text.push_str("Basic realm=");
            quote(realm, &mut text);
            // `quote` drops the only bytes a field value cannot hold.
            HeaderValue::from_str(&text).unwrap_or(BASIC)
        }),
    }
}

/// A custom scheme's challenge: the word title-cased as FastAPI's `str.title()` does.
pub(crate) fn custom(scheme: &'static str) -> HeaderValue {
    cached(Key::Custom(scheme), || {
        HeaderValue::from_str(&title_case(scheme))
            .unwrap_or_else(|_| HeaderValue::from_static("Unknown"))
    })
}
