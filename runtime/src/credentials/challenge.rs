//! The `WWW-Authenticate` challenges of each kind of scheme.
//!
//! Challenges that never change are `HeaderValue::from_static`, and so are the rejections
//! that carry them: `static`s, which a [`Rejection`](crate::Rejection) refers to. The two that
//! depend on the scheme's configuration (Basic with a realm, a custom scheme's word) are
//! finished by the derive at compile time and kept in the configuration
//! ([`BasicConfig`](super::BasicConfig), [`HttpConfig`](super::HttpConfig)).

use http::HeaderValue;

use crate::RejectionKind;
use crate::rejection::Fixed;

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

/// 401 `Not authenticated` for missing credentials, per fixed challenge.
pub(crate) mod missing {
    use super::{Fixed, HeaderValue, RejectionKind};

    const fn missing(challenge: HeaderValue) -> Fixed {
        Fixed::unauthorized(RejectionKind::Missing, challenge)
    }

    pub(crate) static BEARER: Fixed = missing(super::BEARER);
    pub(crate) static BASIC: Fixed = missing(super::BASIC);
    pub(crate) static DIGEST: Fixed = missing(super::DIGEST);
    pub(crate) static API_KEY: Fixed = missing(super::API_KEY);
    pub(crate) static MUTUAL_TLS: Fixed = missing(super::MUTUAL_TLS);
}

/// 401 `Not authenticated` for malformed credentials, per fixed challenge.
pub(crate) mod malformed {
    use super::{Fixed, HeaderValue, RejectionKind};

    const fn malformed(challenge: HeaderValue) -> Fixed {
        Fixed::unauthorized(RejectionKind::Malformed, challenge)
    }

    pub(crate) static BEARER: Fixed = malformed(super::BEARER);
    pub(crate) static BASIC: Fixed = malformed(super::BASIC);
    pub(crate) static DIGEST: Fixed = malformed(super::DIGEST);
    pub(crate) static API_KEY: Fixed = malformed(super::API_KEY);
}

/// Whether `text` can be a field value as `HeaderValue` takes it: no control character but
/// the tab (non-ASCII bytes are RFC 9110 `obs-text`, which a realm may hold).
pub(crate) const fn is_field_value(text: &str) -> bool {
    let bytes = text.as_bytes();
    let mut i = 0;
    while i < bytes.len() {
        let b = bytes[i];
        if (b < 0x20 && b != b'\t') || b == 0x7f {
            return false;
        }
        i += 1;
    }
    true
}

/// A configured challenge (a `'static` literal) as a field value, sharing the literal's bytes:
/// no copy, no allocation. `None` only for a configuration whose public field was set, after
/// `new` checked it, to something that cannot be sent.
pub(crate) fn configured(challenge: &'static str) -> Option<HeaderValue> {
    HeaderValue::from_maybe_shared(bytes::Bytes::from_static(challenge.as_bytes())).ok()
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn field_values_have_no_control_character_but_the_tab() {
        for good in ["", "Basic realm=\"a\"", "tab\there", "caf\u{e9}", "~ !"] {
            assert!(is_field_value(good), "{good:?}");
            assert!(HeaderValue::from_str(good).is_ok(), "{good:?}");
        }
        for bad in ["line\nbreak", "nul\0", "del\u{7f}", "\u{1f}", "\r"] {
            assert!(!is_field_value(bad), "{bad:?}");
            assert!(HeaderValue::from_str(bad).is_err(), "{bad:?}");
        }
    }
}
