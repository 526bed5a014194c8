//! `Authorization: Basic <base64(user-id ":" password)>` (RFC 7617).

use std::fmt;
use std::mem::MaybeUninit;

use arrayvec::ArrayString;
use base64_simd::{Out, STANDARD, STANDARD_NO_PAD};
use http::request::Parts;
use subtle::ConstantTimeEq;

use super::parse::{SchemeMatch, every_byte, is_ctl, match_scheme};
use super::{BasicConfig, Credentials, challenge};
use crate::{Rejection, RejectionKind};

/// The decoder for `encoded`: RFC 4648 §4 standard base64 either with its full, canonical
/// padding (RFC 4648 §3.2 lets a specification drop it; RFC 7617 does not say, and clients
/// differ) or with none at all: `YQ==` and `YQ` decode to `a`, `YQ=` is refused. Both
/// decoders check the alphabet, the padding and the trailing bits themselves.
///
/// The decoder is `base64-simd`, which on the usual 20 to 40 characters of a Basic header
/// takes about half the time of the `base64` crate; the tests keep the latter as the
/// reference.
fn decoder(encoded: &[u8]) -> &'static base64_simd::Base64 {
    if encoded.ends_with(b"=") {
        &STANDARD
    } else {
        &STANDARD_NO_PAD
    }
}

/// Where the first colon of a decoded `user-pass` (RFC 7617 §2) is, if it has one and no
/// control characters. (The caller checks that it is UTF-8.)
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
    #[inline]
    fn as_str(&self) -> &str {
        match self {
            Self::Inline(text) => text,
            Self::Heap(text) => text,
        }
    }
}

/// HTTP Basic credentials (RFC 7617): a user-id and a password.
///
/// The header holds the standard base64 (full padding or none) of `user-id ":" password` in
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
/// let config = BasicConfig::new(Some("admin"), r#"Basic realm="admin""#);
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
/// assert_eq!(credentials.to_string(), "aladdin:[redacted]");
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
        let engine = decoder(encoded);
        // The decoder's own count, which its `decode` asserts the buffer holds: a count of our
        // own that came out lower (a run of `=`s, which it reads as two) made it panic.
        if engine.decoded_length(encoded).ok()? <= INLINE {
            let mut buffer = [MaybeUninit::uninit(); INLINE];
            let decoded = engine
                .decode(encoded, Out::from_uninit_slice(&mut buffer))
                .ok()?;
            let colon = user_pass_colon(decoded)?;
            let mut inline = ArrayString::new();
            inline.push_str(super::parse::utf8(decoded)?);
            Some(Self {
                storage: Storage::Inline(inline),
                colon,
            })
        } else {
            let decoded = engine.decode_to_vec(encoded).ok()?;
            let colon = user_pass_colon(&decoded)?;
            let text = String::from_utf8(decoded).ok()?.into_boxed_str();
            Some(Self {
                storage: Storage::Heap(text),
                colon,
            })
        }
    }

    /// The user-id (before the first colon; may be empty).
    #[inline]
    pub fn username(&self) -> &str {
        // A colon is a character boundary.
        self.storage.as_str().get(..self.colon).unwrap_or_default()
    }

    /// The password (after the first colon; may be empty, may contain colons).
    #[inline]
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

    #[inline]
    fn extract(parts: &Parts, config: &BasicConfig) -> Result<Option<Self>, Rejection> {
        let Some(value) = parts.headers.get(&http::header::AUTHORIZATION) else {
            return Ok(None);
        };
        let bytes = value.as_bytes();
        match match_scheme(bytes, "basic") {
            SchemeMatch::NotOurs => Ok(None),
            SchemeMatch::Ours(start) => Self::decode(&bytes[start..])
                .map(Some)
                .ok_or_else(|| rejection(config, RejectionKind::Malformed)),
            SchemeMatch::Malformed => Err(rejection(config, RejectionKind::Malformed)),
        }
    }

    fn missing(config: &BasicConfig) -> Rejection {
        rejection(config, RejectionKind::Missing)
    }
}

/// 401 `Not authenticated` with the configured challenge. Without a realm it is one of the
/// crate's `static` rejections; with one, a rejection of its own carries the configured
/// challenge (finished at compile time: no formatting, no copy).
fn rejection(config: &BasicConfig, kind: RejectionKind) -> Rejection {
    match (config.challenge, kind) {
        ("Basic", RejectionKind::Missing) => Rejection::fixed(&challenge::missing::BASIC),
        ("Basic", _) => Rejection::fixed(&challenge::malformed::BASIC),
        (_, RejectionKind::Missing) => Rejection::not_authenticated(
            challenge::configured(config.challenge).unwrap_or(challenge::BASIC),
        ),
        _ => Rejection::malformed(
            challenge::configured(config.challenge).unwrap_or(challenge::BASIC),
        ),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::parse::strategies;

    use base64::Engine as _;
    use base64::engine::{DecodePaddingMode, GeneralPurpose, GeneralPurposeConfig};

    /// The `base64` crate with canonical padding: the reference for padded input.
    const PADDED: GeneralPurpose = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::RequireCanonical),
    );

    /// The `base64` crate without padding: the reference for the rest.
    const UNPADDED: GeneralPurpose = GeneralPurpose::new(
        &base64::alphabet::STANDARD,
        GeneralPurposeConfig::new().with_decode_padding_mode(DecodePaddingMode::RequireNone),
    );

    /// How the decoder must behave: padding either canonical or absent, nothing in between.
    fn reference(encoded: &[u8]) -> Option<Vec<u8>> {
        PADDED
            .decode(encoded)
            .or_else(|_| UNPADDED.decode(encoded))
            .ok()
    }

    fn encode(text: &[u8]) -> String {
        PADDED.encode(text)
    }

    fn ours(encoded: &[u8]) -> Option<Vec<u8>> {
        decoder(encoded).decode_to_vec(encoded).ok()
    }

    proptest::proptest! {
        #![proptest_config(strategies::config())]

        /// Strict standard base64 with canonical or no padding, exactly as the `base64`
        /// crate's `RequireCanonical` or `RequireNone` padding modes: same bytes out, same
        /// inputs refused.
        #[test]
        fn decodes_like_the_base64_crate(
            encoded in strategies::bytes_from(b"QUJDabc0189+/=-_ .", 0..120),
        ) {
            proptest::prop_assert_eq!(ours(&encoded), reference(&encoded));
        }

        /// Valid encodings of any bytes, padded or not, both sides of the inline size.
        #[test]
        fn round_trips(text in proptest::collection::vec(proptest::num::u8::ANY, 0..100), pad in proptest::bool::ANY) {
            let mut encoded = encode(&text);
            if !pad {
                encoded.truncate(encoded.trim_end_matches('=').len());
            }
            proptest::prop_assert_eq!(ours(encoded.as_bytes()), Some(text));
        }

        /// Whole credentials, with any run of `=`s after any text, on both sides of the inline
        /// size: decoding never panics (a run of `=`s once made the decoder's buffer too
        /// small), and what it accepts is what the reference decodes.
        #[test]
        fn credentials_decode_any_padding_run(
            text in strategies::bytes_from(b"QUJDabc0189+/-_ :", 0..120),
            padding in 0usize..200,
        ) {
            let mut encoded = text;
            encoded.extend(std::iter::repeat_n(b'=', padding));
            if let Some(credentials) = BasicCredentials::decode(&encoded) {
                let expected = reference(&encoded).expect("accepted by the reference too");
                let decoded = format!("{}:{}", credentials.username(), credentials.password());
                proptest::prop_assert_eq!(decoded.as_bytes(), &expected[..]);
            }
        }
    }

    /// The input the `basic` fuzz target found: a long run of `=`s made the decoder assert
    /// that its output buffer was too small.
    #[test]
    fn a_long_run_of_padding_is_refused_without_panicking() {
        // Lengths that are a multiple of 4, which the decoder reads as padded.
        for padding in [5, 9, 101, 1001] {
            let encoded = format!("dXPDqXI6cMOkc3M{}", "=".repeat(padding));
            assert!(
                BasicCredentials::decode(encoded.as_bytes()).is_none(),
                "{padding}"
            );
        }
        let encoded = format!("{}{}", encode(b"user:password"), "=".repeat(92));
        assert!(BasicCredentials::decode(encoded.as_bytes()).is_none());
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
        assert!(
            BasicCredentials::decode(b"dTpwcQ=").is_none(),
            "one `=` where two are needed"
        );
        assert!(BasicCredentials::decode(b"dTpwcXI=").is_some());
        assert!(
            BasicCredentials::decode(b"dTpwcXI==").is_none(),
            "two `=` where one is needed"
        );
        for over_padded in [
            &b"dTpw="[..],
            b"dTpw==",
            b"dTpw====",
            b"dTpwcQ===",
            b"dTpwcQ====",
        ] {
            assert!(
                BasicCredentials::decode(over_padded).is_none(),
                "{}",
                String::from_utf8_lossy(over_padded)
            );
        }
    }
}
