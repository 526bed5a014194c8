//! Character-level rules: RFC 9110 tokens, RFC 6749 scope-tokens, OpenAPI component names and
//! extension keys.

/// RFC 9110 §5.6.2 `tchar`, as a table indexed by byte.
///
/// A table rather than a `match` so that the runtime's credential parsers can check a whole
/// header value with branch-free lookups (which vectorize); the derive and the OpenAPI checks
/// read the same table, so there is one definition of `tchar`.
pub const TCHAR: [bool; 256] = {
    let mut table = [false; 256];
    let mut byte = 0;
    while byte < 256 {
        #[allow(clippy::cast_possible_truncation)] // `byte < 256`
        let b = byte as u8;
        table[byte] = b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'!' | b'#'
                    | b'$'
                    | b'%'
                    | b'&'
                    | b'\''
                    | b'*'
                    | b'+'
                    | b'-'
                    | b'.'
                    | b'^'
                    | b'_'
                    | b'`'
                    | b'|'
                    | b'~'
            );
        byte += 1;
    }
    table
};

/// Whether `b` is an RFC 9110 `tchar`.
///
/// ```
/// use authscheme_grammar::text::is_tchar;
///
/// assert!(is_tchar(b'~'));
/// assert!(!is_tchar(b':'));
/// ```
#[inline]
pub const fn is_tchar(b: u8) -> bool {
    TCHAR[b as usize]
}

/// RFC 6749 §3.3 scope-token characters: `%x21 / %x23-5B / %x5D-7E` (printable ASCII
/// without space, `"` and `\`).
#[inline]
pub const fn is_scope_char(b: u8) -> bool {
    matches!(b, 0x21 | 0x23..=0x5B | 0x5D..=0x7E)
}

/// Why a text is not a `token` or a scope-token.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum TextProblem {
    /// Both grammars need at least one character.
    Empty,
    /// The first character the grammar does not allow, and its byte offset.
    Char {
        /// The character.
        found: char,
        /// Its byte offset in the text.
        at: usize,
    },
}

/// The first character of `text` that `ok` refuses, or `Empty`.
fn first_bad(text: &str, ok: impl Fn(u8) -> bool) -> Option<TextProblem> {
    if text.is_empty() {
        return Some(TextProblem::Empty);
    }
    // Non-ASCII characters fail `ok` on their first byte, which is where `char_indices` is.
    text.char_indices()
        .find(|&(_, c)| !u8::try_from(c).is_ok_and(&ok))
        .map(|(at, found)| TextProblem::Char { found, at })
}

/// Why `text` is not an RFC 9110 §5.6.2 `token` (auth-scheme, header or cookie name), or
/// `None` when it is one.
///
/// ```
/// use authscheme_grammar::text::{TextProblem, token_problem};
///
/// assert_eq!(token_problem("scram-sha-256"), None);
/// assert_eq!(token_problem(""), Some(TextProblem::Empty));
/// assert_eq!(token_problem("a b"), Some(TextProblem::Char { found: ' ', at: 1 }));
/// ```
pub fn token_problem(text: &str) -> Option<TextProblem> {
    first_bad(text, is_tchar)
}

/// Whether `text` is an RFC 9110 `token`.
pub fn is_token(text: &str) -> bool {
    !text.is_empty() && text.bytes().all(is_tchar)
}

/// Why `text` is not an RFC 6749 §3.3 scope-token, or `None` when it is one.
///
/// ```
/// use authscheme_grammar::text::{TextProblem, scope_token_problem};
///
/// assert_eq!(scope_token_problem("read:pets"), None);
/// assert_eq!(scope_token_problem("say\"hi"), Some(TextProblem::Char { found: '"', at: 3 }));
/// ```
pub fn scope_token_problem(text: &str) -> Option<TextProblem> {
    first_bad(text, is_scope_char)
}

/// Whether `text` is an OpenAPI `components` key: `^[a-zA-Z0-9.\-_]+$`.
///
/// ```
/// use authscheme_grammar::text::is_component_name;
///
/// assert!(is_component_name("petstore_auth.v1-x"));
/// assert!(!is_component_name("auth/v1"));
/// assert!(!is_component_name(""));
/// ```
pub fn is_component_name(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b'_'))
}

/// The extension prefixes that OpenAPI 3.1 and later reserve for the OpenAPI Initiative.
pub const RESERVED_EXTENSION_PREFIXES: [&str; 2] = ["x-oai-", "x-oas-"];

/// Why a key is not a usable specification-extension key.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum ExtensionKeyProblem {
    /// The key is empty.
    Empty,
    /// The key does not start with lowercase `x-` (the prefix is case-sensitive).
    NoPrefix,
    /// The key starts with a prefix reserved from OpenAPI 3.1 on.
    Reserved(&'static str),
}

/// Why `key` is not a specification-extension key, or `None` when it is one; `reserved`
/// says whether the target version (3.1 or later) reserves `x-oai-` and `x-oas-`.
///
/// ```
/// use authscheme_grammar::text::{ExtensionKeyProblem, extension_key_problem};
///
/// assert_eq!(extension_key_problem("x-logo", true), None);
/// assert_eq!(extension_key_problem("X-logo", true), Some(ExtensionKeyProblem::NoPrefix));
/// assert_eq!(extension_key_problem("x-oai-a", false), None);
/// assert_eq!(
///     extension_key_problem("x-oai-a", true),
///     Some(ExtensionKeyProblem::Reserved("x-oai-"))
/// );
/// ```
pub fn extension_key_problem(key: &str, reserved: bool) -> Option<ExtensionKeyProblem> {
    if key.is_empty() {
        return Some(ExtensionKeyProblem::Empty);
    }
    if !key.starts_with("x-") {
        return Some(ExtensionKeyProblem::NoPrefix);
    }
    if reserved {
        RESERVED_EXTENSION_PREFIXES
            .into_iter()
            .find(|prefix| key.starts_with(prefix))
            .map(ExtensionKeyProblem::Reserved)
    } else {
        None
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn tchar_table_is_rfc_9110() {
        let listed = b"!#$%&'*+-.^_`|~";
        for b in 0..=255u8 {
            assert_eq!(
                is_tchar(b),
                b.is_ascii_alphanumeric() || listed.contains(&b),
                "{b:#04x}"
            );
        }
    }

    #[test]
    fn tokens() {
        assert_eq!(token_problem("X-API-Key"), None);
        assert!(is_token("X-API-Key"));
        assert!(!is_token(""));
        assert!(is_token("scram-sha-256"));
        assert!(!is_token("Bearer token"));
        assert!(!is_token("bearer:"));
        assert_eq!(
            token_problem("bearer:"),
            Some(TextProblem::Char { found: ':', at: 6 })
        );
        assert_eq!(
            token_problem("Grüße"),
            Some(TextProblem::Char { found: 'ü', at: 2 })
        );
    }

    #[test]
    fn scope_tokens() {
        assert_eq!(scope_token_problem("a!#[]~"), None);
        assert_eq!(scope_token_problem(""), Some(TextProblem::Empty));
        assert_eq!(
            scope_token_problem("a\\b"),
            Some(TextProblem::Char { found: '\\', at: 1 })
        );
        assert!(scope_token_problem("naïve").is_some());
        assert!(scope_token_problem("read pets").is_some());
    }

    #[test]
    fn extension_keys() {
        assert_eq!(
            extension_key_problem("", false),
            Some(ExtensionKeyProblem::Empty)
        );
        assert_eq!(
            extension_key_problem("x-oas-a", true),
            Some(ExtensionKeyProblem::Reserved("x-oas-"))
        );
        assert_eq!(
            extension_key_problem("xa", false),
            Some(ExtensionKeyProblem::NoPrefix)
        );
    }
}
