//! The words for the problems `authscheme-grammar` finds (the rules themselves live there, shared
//! with the runtime), and the rules only declarations have.

use authscheme_grammar::text::{self, TextProblem};

/// How to name a character in a message.
pub(crate) fn describe(c: char) -> String {
    match c {
        ' ' => "a space".to_owned(),
        '\t' => "a tab".to_owned(),
        c if c.is_control() => format!("the control character {}", c.escape_default()),
        c if !c.is_ascii() => format!("the non-ASCII character `{c}`"),
        c => format!("`{c}`"),
    }
}

/// The words for a [`TextProblem`]; `found` or `contains` before the character.
fn text_problem(problem: TextProblem, verb: &str) -> String {
    match problem {
        TextProblem::Empty => "it is empty".to_owned(),
        TextProblem::Char { found, .. } => format!("{verb} {}", describe(found)),
    }
}

/// Why `text` is not an HTTP `token` (RFC 9110 §5.6.2), or `None` when it is one.
pub(crate) fn token_problem(text: &str) -> Option<String> {
    text::token_problem(text).map(|problem| text_problem(problem, "found"))
}

/// Why `text` is not an RFC 6749 scope-token, or `None` when it is one.
pub(crate) fn scope_token_problem(text: &str) -> Option<String> {
    text::scope_token_problem(text).map(|problem| text_problem(problem, "contains"))
}

/// A header name that carries framing or connection semantics (CT-C7).
pub(crate) fn is_reserved_header(name: &str) -> bool {
    [
        "host",
        "content-length",
        "transfer-encoding",
        "connection",
        "upgrade",
        "te",
        "cookie",
        "set-cookie",
        "proxy-authorization",
    ]
    .iter()
    .any(|reserved| reserved.eq_ignore_ascii_case(name))
}

#[cfg(test)]
mod tests {
    use super::{describe, is_reserved_header, scope_token_problem, token_problem};

    #[test]
    fn tokens() {
        assert_eq!(token_problem("scram-sha-256"), None);
        assert_eq!(token_problem("X-API-Key"), None);
        assert_eq!(token_problem("").as_deref(), Some("it is empty"));
        assert_eq!(
            token_problem("Bearer token").as_deref(),
            Some("found a space")
        );
        assert_eq!(token_problem("bearer:").as_deref(), Some("found `:`"));
        assert_eq!(
            token_problem("Grüße").as_deref(),
            Some("found the non-ASCII character `ü`")
        );
    }

    #[test]
    fn scope_tokens() {
        assert_eq!(scope_token_problem("read:pets"), None);
        assert_eq!(scope_token_problem("a!#[]~"), None);
        assert_eq!(
            scope_token_problem("read pets").as_deref(),
            Some("contains a space")
        );
        assert_eq!(
            scope_token_problem("say\"hi").as_deref(),
            Some("contains `\"`")
        );
        assert_eq!(
            scope_token_problem("a\\b").as_deref(),
            Some("contains `\\`")
        );
        assert!(scope_token_problem("naïve").is_some());
        assert!(scope_token_problem("").is_some());
    }

    #[test]
    fn characters_are_named_for_messages() {
        assert_eq!(describe(' '), "a space");
        assert_eq!(describe('\t'), "a tab");
        assert_eq!(describe('\n'), "the control character \\n");
        assert_eq!(describe('\u{7f}'), "the control character \\u{7f}");
        assert_eq!(describe('\u{85}'), "the control character \\u{85}");
        assert_eq!(describe('é'), "the non-ASCII character `é`");
        assert_eq!(describe('#'), "`#`");
    }

    #[test]
    fn reserved_headers() {
        assert!(is_reserved_header("Content-Length"));
        assert!(is_reserved_header("te"));
        assert!(!is_reserved_header("X-API-Key"));
    }
}
