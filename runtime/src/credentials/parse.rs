//! The HTTP authentication grammar (RFC 9110 §5.6, §11), over bytes.
//!
//! Everything here works on `&[u8]` and never panics: indices only ever come from
//! positions found in the slice itself.

use std::fmt;

/// Whether `b` is a `tchar` (RFC 9110 §5.6.2): a lookup in the table that the derive and the
/// OpenAPI checks read too, so that the hot path and the declarations share one definition.
pub(crate) use authscheme_grammar::text::is_tchar;

/// Whether `ok` holds for every byte of `bytes`, for a branch-free `ok`.
///
/// The bytes are checked in fixed-size blocks, which compile to a few vector instructions
/// each, with no early exit (a rejected value costs as much as an accepted one, which is fine:
/// credentials are short). The last block overlaps the previous ones instead of leaving a
/// tail for a byte-by-byte loop; checking a byte twice does not change the answer.
#[inline(always)] // into the AVX2 copy, so that it is compiled with AVX2
#[allow(clippy::inline_always)]
pub(crate) fn every_byte(bytes: &[u8], ok: impl Fn(u8) -> bool + Copy) -> bool {
    #[inline(always)] // into the AVX2 copy, so that it is compiled with AVX2
    #[allow(clippy::inline_always)]
    fn block<const N: usize>(block: &[u8; N], ok: impl Fn(u8) -> bool) -> bool {
        let mut invalid = false;
        for &b in block {
            invalid |= !ok(b);
        }
        !invalid
    }
    if let Some(last) = bytes.last_chunk::<32>() {
        let (blocks, _) = bytes.as_chunks::<32>();
        blocks
            .iter()
            .fold(block(last, ok), |valid, chunk| valid & block(chunk, ok))
    } else if let (Some(first), Some(last)) = (bytes.first_chunk::<16>(), bytes.last_chunk::<16>())
    {
        block(first, ok) & block(last, ok)
    } else if let (Some(first), Some(last)) = (bytes.first_chunk::<8>(), bytes.last_chunk::<8>()) {
        block(first, ok) & block(last, ok)
    } else {
        bytes.iter().all(|&b| ok(b))
    }
}

/// `bytes` as text when they are UTF-8, as [`std::str::from_utf8`] answers, but quicker for
/// ASCII, which nearly every credential is. On the benchmark machine, checking a 30-byte
/// header key took 19 ns with `from_utf8` (10 with `HeaderValue::to_str`, which only takes
/// visible ASCII); with this check a whole header-key extraction went from 51 to 43 ns
/// (measured when it was added).
#[inline]
pub(crate) fn utf8(bytes: &[u8]) -> Option<&str> {
    if every_byte(bytes, |b| b.is_ascii()) {
        #[allow(unsafe_code)]
        // SAFETY: every byte is ASCII, as checked just above, and ASCII is valid UTF-8.
        return Some(unsafe { std::str::from_utf8_unchecked(bytes) });
    }
    std::str::from_utf8(bytes).ok()
}

/// Whether `b` is a control character (`CTL`, RFC 5234: `%x00-1F / %x7F`).
#[allow(clippy::needless_bitwise_bool)] // branch-free, so that `every_byte` vectorizes
pub(crate) const fn is_ctl(b: u8) -> bool {
    (b < 0x20) | (b == 0x7f)
}

/// How an `Authorization` value relates to one auth-scheme.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum SchemeMatch {
    /// Empty, or another scheme word (or no scheme word at all): not credentials for us.
    NotOurs,
    /// Our scheme word followed by something other than SP (a tab, a comma…).
    Malformed,
    /// Our scheme word; the credentials start at this index (after `1*SP`), possibly at the
    /// end of the value when there are none.
    Ours(usize),
}

/// Matches `value` against `credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]`
/// for the scheme word `scheme` (case-insensitively, RFC 9110 §11.1).
///
/// The auth-scheme of `value` is its longest prefix of `tchar`s; it is ours when it equals
/// `scheme`. So `value` must start with `scheme`, and the byte after it must not extend the
/// word. (A `scheme` that is not a token is never a value's auth-scheme.)
#[inline]
pub(crate) fn match_scheme(value: &[u8], scheme: &str) -> SchemeMatch {
    let scheme = scheme.as_bytes();
    let Some((word, rest)) = value.split_at_checked(scheme.len()) else {
        return SchemeMatch::NotOurs;
    };
    // Without an early exit, so that a fixed scheme word compiles to a few branch-free
    // operations instead of a branch per byte.
    let differs = word.iter().zip(scheme).fold(0, |differs, (a, b)| {
        differs | (a.to_ascii_lowercase() ^ b.to_ascii_lowercase())
    });
    if differs != 0 || !is_token(scheme) {
        return SchemeMatch::NotOurs;
    }
    match rest.first() {
        None => SchemeMatch::Ours(scheme.len()),
        Some(b' ') => {
            let spaces = rest.iter().take_while(|&&b| b == b' ').count();
            SchemeMatch::Ours(scheme.len() + spaces)
        }
        Some(&b) if is_tchar(b) => SchemeMatch::NotOurs,
        Some(_) => SchemeMatch::Malformed,
    }
}

/// Whether `bytes` is a non-empty run of `tchar`s.
#[inline] // with [`match_scheme`], so that a literal scheme word is checked at compile time
fn is_token(bytes: &[u8]) -> bool {
    !bytes.is_empty() && bytes.iter().all(|&b| is_tchar(b))
}

/// Why an `#auth-param` list did not parse; only used to reject, never shown to clients.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) struct Malformed;

/// One `auth-param`: `token BWS "=" BWS ( token / quoted-string )`, with the quoted-string
/// unescaped.
#[derive(Clone)]
struct AuthParam {
    name: Box<str>,
    value: Box<str>,
}

/// The `#auth-param` list of a credentials value (RFC 9110 §11.2): names are compared
/// case-insensitively and occur once; values are the `token` or the unescaped
/// `quoted-string`.
///
/// `Debug` prints the parameter names only: values can be secrets. For the same reason there
/// is no `PartialEq`, whose `==` would return at the first differing byte; compare a value
/// with `subtle`'s `ConstantTimeEq`, or through the credential type's own check
/// ([`DigestCredentials::response_matches`](super::DigestCredentials::response_matches)).
///
/// ```
/// use authscheme::credentials::AuthParams;
///
/// let params = AuthParams::parse(r#"realm="a \"b\"", Nonce=xyz"#).expect("well-formed");
/// assert_eq!(params.get("realm"), Some(r#"a "b""#));
/// assert_eq!(params.get("NONCE"), Some("xyz"));
/// assert_eq!(params.len(), 2);
/// assert!(AuthParams::parse("a=1, A=2").is_none(), "names are unique, case-insensitively");
/// assert!(!format!("{params:?}").contains("xyz"));
/// ```
#[derive(Clone)]
pub struct AuthParams {
    params: Vec<AuthParam>,
}

impl AuthParams {
    /// Parses a non-empty `#auth-param` list; `None` when it is not one (or is empty, or
    /// repeats a name, or holds a value that is not UTF-8).
    pub fn parse(input: &str) -> Option<Self> {
        parse_auth_params(input.as_bytes()).ok()
    }

    /// The value of the parameter `name` (case-insensitive).
    pub fn get(&self, name: &str) -> Option<&str> {
        self.params
            .iter()
            .find(|param| param.name.eq_ignore_ascii_case(name))
            .map(|param| &*param.value)
    }

    /// The parameters as sent: `(name, value)` in order.
    pub fn iter(&self) -> impl Iterator<Item = (&str, &str)> {
        self.params
            .iter()
            .map(|param| (&*param.name, &*param.value))
    }

    /// The number of parameters.
    pub fn len(&self) -> usize {
        self.params.len()
    }

    /// Always `false`: an empty list does not parse.
    pub fn is_empty(&self) -> bool {
        self.params.is_empty()
    }
}

impl fmt::Debug for AuthParams {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_map()
            .entries(self.params.iter().map(|param| (&*param.name, Redacted)))
            .finish()
    }
}

/// Prints `[redacted]` in place of a secret.
pub(crate) struct Redacted;

impl fmt::Debug for Redacted {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}

/// Parses `1#auth-param` (RFC 9110 §5.6.1 list rules: empty elements between commas are
/// ignored, elements are separated by `OWS "," OWS`).
pub(crate) fn parse_auth_params(input: &[u8]) -> Result<AuthParams, Malformed> {
    let mut params: Vec<AuthParam> = Vec::new();
    let mut i = 0;
    let mut need_comma = false;
    loop {
        i = skip_ows(input, i);
        let Some(&b) = input.get(i) else { break };
        if b == b',' {
            i += 1;
            need_comma = false;
            continue;
        }
        if need_comma {
            return Err(Malformed);
        }
        let name_end = input[i..]
            .iter()
            .position(|&b| !is_tchar(b))
            .map_or(input.len(), |n| i + n);
        if name_end == i {
            return Err(Malformed);
        }
        let name = &input[i..name_end];
        i = skip_ows(input, name_end);
        if input.get(i) != Some(&b'=') {
            return Err(Malformed);
        }
        i = skip_ows(input, i + 1);
        let (value, next) = if input.get(i) == Some(&b'"') {
            parse_quoted_string(input, i)?
        } else {
            let end = input[i..]
                .iter()
                .position(|&b| !is_tchar(b))
                .map_or(input.len(), |n| i + n);
            if end == i {
                return Err(Malformed);
            }
            (input[i..end].to_vec(), end)
        };
        i = next;
        // Names are tchars, hence ASCII.
        let name = std::str::from_utf8(name).map_err(|_| Malformed)?;
        if params
            .iter()
            .any(|param| param.name.eq_ignore_ascii_case(name))
        {
            return Err(Malformed);
        }
        let value = String::from_utf8(value).map_err(|_| Malformed)?;
        params.push(AuthParam {
            name: name.into(),
            value: value.into_boxed_str(),
        });
        need_comma = true;
    }
    if params.is_empty() {
        return Err(Malformed);
    }
    Ok(AuthParams { params })
}

fn skip_ows(input: &[u8], mut i: usize) -> usize {
    while matches!(input.get(i), Some(b' ' | b'\t')) {
        i += 1;
    }
    i
}

/// Parses the `quoted-string` starting at `input[start] == '"'`; returns the unescaped
/// content and the index after the closing quote.
fn parse_quoted_string(input: &[u8], start: usize) -> Result<(Vec<u8>, usize), Malformed> {
    let mut out = Vec::new();
    let mut i = start + 1;
    loop {
        match input.get(i) {
            Some(b'"') => return Ok((out, i + 1)),
            Some(b'\\') => {
                // quoted-pair = "\" ( HTAB / SP / VCHAR / obs-text )
                match input.get(i + 1) {
                    Some(&escaped) if escaped == b'\t' || !is_ctl(escaped) => {
                        out.push(escaped);
                        i += 2;
                    }
                    _ => return Err(Malformed),
                }
            }
            // qdtext = HTAB / SP / %x21 / %x23-5B / %x5D-7E / obs-text
            Some(&b) if b == b'\t' || !is_ctl(b) => {
                out.push(b);
                i += 1;
            }
            // Unterminated, or a control character.
            None | Some(_) => return Err(Malformed),
        }
    }
}

/// What the credential parsers' property tests share.
#[cfg(test)]
pub(crate) mod strategies {
    use proptest::prelude::{ProptestConfig, Strategy};

    /// Cases per property: the parsers take nanoseconds, so many more than proptest's 256.
    pub(crate) fn config() -> ProptestConfig {
        ProptestConfig::with_cases(4000)
    }

    /// Byte strings with a length in `len`, drawn from `alphabet`: the bytes that matter to the
    /// parser under test, so that random strings reach its edge cases.
    pub(crate) fn bytes_from(
        alphabet: &[u8],
        len: std::ops::Range<usize>,
    ) -> impl Strategy<Value = Vec<u8>> + use<> {
        proptest::collection::vec(proptest::sample::select(alphabet.to_vec()), len)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn control_characters_are_c0_and_del() {
        let controls: Vec<u8> = (0..=255).filter(|&b| is_ctl(b)).collect();
        let expected: Vec<u8> = (0..0x20).chain([0x7f]).collect();
        assert_eq!(controls, expected);
    }

    #[test]
    fn quoted_pairs_take_tab_space_and_visible_characters_only() {
        for (input, value) in [
            (r#"a="x\"y""#, "x\"y"),
            ("a=\"x\\\ty\"", "x\ty"),
            (r#"a="\ ""#, " "),
            (r#"a="\\""#, "\\"),
        ] {
            let params = AuthParams::parse(input).expect(input);
            assert_eq!(params.get("a"), Some(value), "{input}");
        }
        for input in ["a=\"x\\\ny\"", "a=\"x\\\u{7f}\"", "a=\"x\\\0\"", "a=\"x\\"] {
            assert!(AuthParams::parse(input).is_none(), "{input:?}");
        }
    }

    #[test]
    fn auth_params_count_and_redact_their_values() {
        let params =
            AuthParams::parse(r#"realm="r", nonce=secret-nonce, qop=auth"#).expect("valid");
        assert_eq!(params.len(), 3);
        assert!(!params.is_empty());
        assert_eq!(
            format!("{params:?}"),
            r#"{"realm": [redacted], "nonce": [redacted], "qop": [redacted]}"#
        );
        assert_eq!(format!("{Redacted:?}"), "[redacted]");
        assert_eq!(AuthParams::parse("a=1").expect("valid").len(), 1);
        assert!(AuthParams::parse("").is_none());
        assert!(AuthParams::parse(" , ").is_none());
    }

    #[test]
    fn scheme_matching() {
        use SchemeMatch::{Malformed, NotOurs, Ours};
        assert_eq!(match_scheme(b"Bearer abc", "bearer"), Ours(7));
        assert_eq!(match_scheme(b"bEaReR   abc", "bearer"), Ours(9));
        assert_eq!(match_scheme(b"Bearer", "bearer"), Ours(6));
        assert_eq!(match_scheme(b"Bearer   ", "bearer"), Ours(9));
        assert_eq!(match_scheme(b"Bearer\tabc", "bearer"), Malformed);
        assert_eq!(match_scheme(b"Bearer,abc", "bearer"), Malformed);
        assert_eq!(match_scheme(b"Bearerabc", "bearer"), NotOurs);
        assert_eq!(match_scheme(b" Bearer abc", "bearer"), NotOurs);
        assert_eq!(match_scheme(b"Basic abc", "bearer"), NotOurs);
        assert_eq!(match_scheme(b"", "bearer"), NotOurs);
    }

    /// `match_scheme` as RFC 9110 states it: the auth-scheme is the longest `tchar` prefix.
    fn scheme_by_definition(value: &[u8], scheme: &str) -> SchemeMatch {
        let end = value
            .iter()
            .position(|&b| !is_tchar(b))
            .unwrap_or(value.len());
        let (word, rest) = value.split_at(end);
        if word.is_empty() || !word.eq_ignore_ascii_case(scheme.as_bytes()) {
            return SchemeMatch::NotOurs;
        }
        match rest.first() {
            None => SchemeMatch::Ours(end),
            Some(b' ') => SchemeMatch::Ours(end + rest.iter().take_while(|&&b| b == b' ').count()),
            Some(_) => SchemeMatch::Malformed,
        }
    }

    proptest::proptest! {
        #![proptest_config(strategies::config())]

        #[test]
        fn scheme_matching_agrees_with_the_definition(
            value in strategies::bytes_from(b"BbEeAaRrSsIiCc \t,=x\xff", 0..12),
            scheme in proptest::sample::select(vec!["bearer", "basic", "b", "x y", "", "bear", "Basic"]),
        ) {
            proptest::prop_assert_eq!(match_scheme(&value, scheme), scheme_by_definition(&value, scheme));
        }

        /// Mostly ASCII, with bytes that start, continue or break a multi-byte sequence, at
        /// lengths across `every_byte`'s 8-, 16- and 32-byte blocks.
        #[test]
        fn utf8_agrees_with_the_standard_library(
            bytes in strategies::bytes_from(b"aZ0 ~\x00\x7f\x80\xbf\xc3\xa9\xe2\x82\xac\xf0\x9f\xff", 0..80),
        ) {
            proptest::prop_assert_eq!(utf8(&bytes), std::str::from_utf8(&bytes).ok());
        }
    }

    #[test]
    fn utf8_at_every_length_and_position() {
        // One non-ASCII byte at each position of each length up to 70, so that every block of
        // `every_byte` (and each overlap between its first and last block) sees it.
        for len in 0..=70 {
            let ascii = vec![b'k'; len];
            assert_eq!(utf8(&ascii), std::str::from_utf8(&ascii).ok(), "{len}");
            for at in 0..len {
                for bad in [0x80, 0xc3, 0xff] {
                    let mut bytes = ascii.clone();
                    bytes[at] = bad;
                    assert_eq!(utf8(&bytes), None, "{len} {at} {bad:#x}");
                }
                // Valid UTF-8 that is not ASCII still passes, through `from_utf8`.
                let mut text = String::from_utf8(ascii.clone()).expect("ASCII");
                text.replace_range(at..=at, "é");
                assert_eq!(utf8(text.as_bytes()), Some(text.as_str()), "{len} {at}");
            }
        }
    }

    #[test]
    fn auth_params() {
        let params = parse_auth_params(br#"a=1 , b = "x\"y\\z",,c="" ,"#).expect("parses");
        assert_eq!(
            params.iter().collect::<Vec<_>>(),
            [("a", "1"), ("b", "x\"y\\z"), ("c", "")]
        );
        for bad in [
            "",
            ",",
            "a",
            "a=",
            "a=1 b=2",
            "a=\"x",
            "a=\"x\\",
            "=1",
            "a=1, A=2",
            "a=x y",
            "a=\"\x01\"",
        ] {
            assert!(parse_auth_params(bad.as_bytes()).is_err(), "{bad:?}");
        }
        assert!(parse_auth_params(b"a=\"\xff\"").is_err(), "not UTF-8");
    }
}
