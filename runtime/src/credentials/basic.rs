//! `Authorization: Basic <base64(user-id ":" password)>` (RFC 7617).

use std::fmt;
use std::mem::MaybeUninit;

use arrayvec::ArrayString;
use base64_simd::{Out, STANDARD_NO_PAD};
use http::request::Parts;
use subtle::ConstantTimeEq;

use super::parse::{SchemeMatch, every_byte, is_ctl, match_scheme};
use super::{BasicConfig, Credentials, challenge};
use crate::Rejection;

/// `encoded` without its padding, when the padding is canonical or shorter (RFC 4648 §3.2
/// lets a specification drop it; RFC 7617 does not say, and clients differ): `YQ==`, `YQ=`
/// and `YQ` all decode to `a`. The alphabet and the trailing bits are the decoder's to check.
///
/// The decoder is `base64-simd`: on the usual 20 to 40 characters of a Basic header it takes
/// about half the time of the `base64` crate (see `BENCHMARKS.md`), which the tests keep as
/// the reference.
fn unpad(encoded: &[u8]) -> Option<&[u8]> {
    let padding = encoded.iter().rev().take_while(|&&b| b == b'=').count();
    let unpadded = &encoded[..encoded.len() - padding];
    // 4n+2 characters take up to two `=`, 4n+3 up to one, 4n none (4n+1 is never valid).
    let canonical = (4 - unpadded.len() % 4) % 4;
    (padding <= canonical && padding < 3).then_some(unpadded)
}

/// Where the first colon of a decoded `user-pass` (RFC 7617 §2) is, if it has one and no
/// control characters. (The caller checks that it is UTF-8.)
#[inline(always)] // into `decode`, which is inlined into `extract`
#[allow(clippy::inline_always)]
fn user_pass_colon(decoded: &[u8]) -> Option<usize> {
    if !every_byte(decoded, |b| !is_ctl(b)) {
        return None;
    }
    decoded.iter().position(|&b| b == b':')
}

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
    ///
    /// Written for speed, each choice measured (see `BENCHMARKS.md`): inlined into `extract`,
    /// so that the credentials are built once, in its return slot; and the decoded text is
    /// copied into its inline storage before the control-character and colon checks, not
    /// after, so that the copy's stores have completed when the storage is moved into the
    /// result (moved right away, it stalled on reading them back).
    #[inline(always)]
    #[allow(clippy::inline_always)]
    fn decode(encoded: &[u8]) -> Option<Self> {
        let unpadded = unpad(encoded)?;
        if unpadded.len() / 4 * 3 + unpadded.len() % 4 * 3 / 4 <= INLINE {
            let mut buffer = [MaybeUninit::uninit(); INLINE];
            let decoded = STANDARD_NO_PAD
                .decode(unpadded, Out::from_uninit_slice(&mut buffer))
                .ok()?;
            let mut inline = ArrayString::new();
            inline.push_str(super::parse::utf8(decoded)?);
            let colon = user_pass_colon(decoded)?;
            Some(Self {
                storage: Storage::Inline(inline),
                colon,
            })
        } else {
            let decoded = STANDARD_NO_PAD.decode_to_vec(unpadded).ok()?;
            let colon = user_pass_colon(&decoded)?;
            let text = String::from_utf8(decoded).ok()?.into_boxed_str();
            Some(Self {
                storage: Storage::Heap(text),
                colon,
            })
        }
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
                None => Err(malformed(config)),
            },
            SchemeMatch::Malformed => Err(malformed(config)),
        }
    }

    fn missing(config: &BasicConfig) -> Rejection {
        Rejection::not_authenticated(challenge::basic(config.realm))
    }
}

/// The rejection of malformed Basic credentials (rare, hence out of line).
#[cold]
fn malformed(config: &BasicConfig) -> Rejection {
    Rejection::malformed(challenge::basic(config.realm))
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::parse::strategies;

    use base64::Engine as _;
    use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};

    /// The `base64` crate, configured as the decoder must behave: the reference.
    const REFERENCE: GeneralPurpose = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::Indifferent),
    );

    fn encode(text: &[u8]) -> String {
        REFERENCE.encode(text)
    }

    proptest::proptest! {
        #![proptest_config(strategies::config())]

        /// Strict standard base64 with optional padding, exactly as the `base64` crate's
        /// `Indifferent` padding mode: same bytes out, same inputs refused.
        #[test]
        fn decodes_like_the_base64_crate(
            encoded in strategies::bytes_from(b"QUJDabc0189+/=-_ .", 0..120),
        ) {
            let ours = unpad(&encoded).and_then(|unpadded| STANDARD_NO_PAD.decode_to_vec(unpadded).ok());
            proptest::prop_assert_eq!(ours, REFERENCE.decode(&encoded).ok());
        }

        /// Valid encodings of any bytes, padded or not, both sides of the inline size.
        #[test]
        fn round_trips(text in proptest::collection::vec(proptest::num::u8::ANY, 0..100), pad in proptest::bool::ANY) {
            let mut encoded = encode(&text);
            if !pad {
                encoded.truncate(encoded.trim_end_matches('=').len());
            }
            let ours = unpad(encoded.as_bytes()).and_then(|unpadded| STANDARD_NO_PAD.decode_to_vec(unpadded).ok());
            proptest::prop_assert_eq!(ours, Some(text));
        }
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
