//! `Authorization: Basic <base64(user-id ":" password)>` (RFC 7617).

use std::fmt;

use arrayvec::ArrayString;
use base64::DecodeSliceError;
use base64::Engine as _;
use base64::alphabet::STANDARD;
use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};
use http::request::Parts;
use subtle::ConstantTimeEq;

use super::parse::{SchemeMatch, is_ctl, match_scheme};
use super::{BasicConfig, Credentials, challenge};
use crate::Rejection;

/// RFC 4648 §4 standard alphabet; padding optional; non-zero trailing bits rejected.
const BASE64: GeneralPurpose = GeneralPurpose::new(
    &STANDARD,
    GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
);

/// Decoded `user-pass` up to this many bytes is kept inline, without a heap allocation.
const INLINE: usize = 64;

/// The decoded `user-pass`, validated as UTF-8 once.
#[derive(Clone)]
enum Storage {
    Inline(ArrayString<INLINE>),
    Heap(Box<str>),
}

impl Storage {
    fn as_str(&self) -> &str {
        match self {
            Self::Inline(text) => text,
            Self::Heap(text) => text,
        }
    }
}

/// HTTP Basic credentials (RFC 7617): a user-id and a password.
///
/// The header holds the standard base64 (padding optional) of `user-id ":" password` in
/// UTF-8; the user-id is everything before the first colon, the password everything after
/// it; neither may contain control characters. Credentials of up to 64 decoded bytes are
/// kept inline, without allocating.
///
/// `Debug` and `Display` show the username but never the password; compare the password with
/// [`password_matches`](Self::password_matches) (or both with [`matches`](Self::matches)),
/// which run in constant time.
///
/// ```
/// use authscheme::credentials::{BasicConfig, BasicCredentials, Credentials};
///
/// let config = BasicConfig::new(Some("admin"));
/// // base64("aladdin:open sesame")
/// let request = http::Request::get("/")
///     .header("authorization", "Basic YWxhZGRpbjpvcGVuIHNlc2FtZQ==")
///     .body(())
///     .unwrap();
/// let (parts, ()) = request.into_parts();
///
/// let credentials = BasicCredentials::extract(&parts, &config).unwrap().expect("Basic");
/// assert_eq!(credentials.username(), "aladdin");
/// assert_eq!(credentials.password(), "open sesame");
/// assert!(credentials.matches("aladdin", "open sesame"));
/// assert!(!format!("{credentials:?}").contains("sesame"));
///
/// // No colon in the decoded text: 401 with the realm in the challenge.
/// let request = http::Request::get("/").header("authorization", "Basic YWxhZGRpbg").body(()).unwrap();
/// let rejection = BasicCredentials::extract(&request.into_parts().0, &config).unwrap_err();
/// assert_eq!(rejection.challenges()[0], r#"Basic realm="admin""#);
/// ```
#[derive(Clone)]
pub struct BasicCredentials {
    storage: Storage,
    colon: usize,
}

impl BasicCredentials {
    /// Decodes and checks the `token68` after `Basic 1*SP`.
    fn decode(encoded: &[u8]) -> Option<Self> {
        let mut buffer = [0u8; INLINE];
        let storage = match BASE64.decode_slice(encoded, &mut buffer) {
            Ok(len) => {
                let text = std::str::from_utf8(buffer.get(..len)?).ok()?;
                Storage::Inline(ArrayString::from(text).ok()?)
            }
            Err(DecodeSliceError::OutputSliceTooSmall) => {
                let bytes = BASE64.decode(encoded).ok()?;
                Storage::Heap(String::from_utf8(bytes).ok()?.into_boxed_str())
            }
            Err(DecodeSliceError::DecodeError(_)) => return None,
        };
        let text = storage.as_str();
        let colon = text.find(':')?;
        if text.bytes().any(is_ctl) {
            return None;
        }
        Some(Self { storage, colon })
    }

    /// The user-id (before the first colon; may be empty).
    pub fn username(&self) -> &str {
        // A colon is a character boundary.
        self.storage.as_str().get(..self.colon).unwrap_or_default()
    }

    /// The password (after the first colon; may be empty, may contain colons).
    pub fn password(&self) -> &str {
        self.storage
            .as_str()
            .get(self.colon + 1..)
            .unwrap_or_default()
    }

    /// Whether the password equals `expected`, in time independent of where they differ
    /// (only the length can leak).
    pub fn password_matches(&self, expected: &str) -> bool {
        self.password().as_bytes().ct_eq(expected.as_bytes()).into()
    }

    /// Whether both the username and the password match; both are compared in constant
    /// time, and the password is compared even when the username differs.
    pub fn matches(&self, username: &str, password: &str) -> bool {
        let user = self.username().as_bytes().ct_eq(username.as_bytes());
        let pass = self.password().as_bytes().ct_eq(password.as_bytes());
        (user & pass).into()
    }
}

impl fmt::Debug for BasicCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BasicCredentials")
            .field("username", &self.username())
            .field("password", &super::parse::Redacted)
            .finish()
    }
}

impl fmt::Display for BasicCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}:[redacted]", self.username())
    }
}

impl Credentials for BasicCredentials {
    type Config = BasicConfig;

    fn extract(parts: &Parts, config: &BasicConfig) -> Result<Option<Self>, Rejection> {
        let Some(value) = parts.headers.get(&super::AUTHORIZATION) else {
            return Ok(None);
        };
        let bytes = value.as_bytes();
        match match_scheme(bytes, "basic") {
            SchemeMatch::NotOurs => Ok(None),
            SchemeMatch::Ours(start) => match Self::decode(&bytes[start..]) {
                Some(credentials) => Ok(Some(credentials)),
                None => Err(Rejection::malformed(challenge::basic(config.realm))),
            },
            SchemeMatch::Malformed => Err(Rejection::malformed(challenge::basic(config.realm))),
        }
    }

    fn missing(config: &BasicConfig) -> Rejection {
        Rejection::not_authenticated(challenge::basic(config.realm))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn encode(text: &[u8]) -> String {
        BASE64.encode(text)
    }

    #[test]
    fn inline_up_to_64_bytes_heap_beyond() {
        let text = format!("{}:{}", "u".repeat(31), "p".repeat(32));
        assert_eq!(text.len(), 64);
        let credentials = BasicCredentials::decode(encode(text.as_bytes()).as_bytes())
            .expect("valid credentials");
        assert!(matches!(credentials.storage, Storage::Inline(_)));
        assert_eq!(credentials.password(), "p".repeat(32));

        let text = format!("{}:{}", "u".repeat(31), "p".repeat(33));
        let credentials = BasicCredentials::decode(encode(text.as_bytes()).as_bytes())
            .expect("valid credentials");
        assert!(matches!(credentials.storage, Storage::Heap(_)));
        assert_eq!(credentials.username(), "u".repeat(31));
        assert_eq!(credentials.password(), "p".repeat(33));
    }

    #[test]
    fn padding_optional_trailing_bits_strict() {
        assert!(BasicCredentials::decode(b"dTpw").is_some());
        assert!(BasicCredentials::decode(b"dTpwcQ==").is_some());
        assert!(BasicCredentials::decode(b"dTpwcQ").is_some());
        assert!(
            BasicCredentials::decode(b"dTpwcR").is_none(),
            "non-zero trailing bits"
        );
        assert!(
            BasicCredentials::decode(b"dTpwc").is_none(),
            "4n+1 characters"
        );
    }
}
