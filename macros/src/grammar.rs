//! The character-level grammars of `docs/RULES.md` Appendix B, as plain functions over `&str`.

/// RFC 9110 §5.6.2 `tchar`.
const fn is_tchar(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '!' | '#'
                | '$'
                | '%'
                | '&'
                | '\''
                | '*'
                | '+'
                | '-'
                | '.'
                | '^'
                | '_'
                | '`'
                | '|'
                | '~'
        )
}

/// RFC 6749 §3.3 `scope-token` characters: `%x21 / %x23-5B / %x5D-7E`.
const fn is_scope_char(c: char) -> bool {
    matches!(c, '\x21' | '\x23'..='\x5B' | '\x5D'..='\x7E')
}

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

/// Why `text` is not an HTTP `token` (RFC 9110 §5.6.2), or `None` when it is one.
pub(crate) fn token_problem(text: &str) -> Option<String> {
    if text.is_empty() {
        return Some("it is empty".to_owned());
    }
    text.chars()
        .find(|c| !is_tchar(*c))
        .map(|c| format!("found {}", describe(c)))
}

/// Why `text` is not an RFC 6749 scope-token, or `None` when it is one.
pub(crate) fn scope_token_problem(text: &str) -> Option<String> {
    if text.is_empty() {
        return Some("it is empty".to_owned());
    }
    text.chars()
        .find(|c| !is_scope_char(*c))
        .map(|c| format!("contains {}", describe(c)))
}

/// OAS `#components-object` key pattern `^[a-zA-Z0-9.\-_]+$`.
pub(crate) fn is_component_name(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '.' | '-' | '_'))
}

/// Which URLs a field accepts.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(crate) enum UrlPolicy {
    /// Relative references, `https`, or `http` on a loopback host (CT-E3).
    Default,
    /// Absolute `https` only (`oauth2_metadata_url`, RFC 8414 §3).
    AbsoluteHttps,
}

/// What is wrong with a URL.
#[derive(Clone, PartialEq, Eq, Debug)]
pub(crate) enum UrlProblem {
    Empty,
    /// A character outside RFC 3986, with its byte offset.
    Character(char, usize),
    /// `%` not followed by two hex digits, at this byte offset.
    Percent(usize),
    /// `[` or `]` outside the host.
    Bracket(usize),
    Fragment,
    /// `//host/..` without a scheme.
    SchemeRelative,
    /// An absolute URL with a scheme other than https (or http on loopback).
    Insecure(String),
    NoHost,
    BadPort,
    /// A relative reference where only absolute URLs are allowed.
    Relative,
}

/// RFC 3986 characters outside percent-encodings: unreserved, gen-delims and sub-delims.
const fn is_uri_char(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '-' | '.'
                | '_'
                | '~'
                | ':'
                | '/'
                | '?'
                | '#'
                | '['
                | ']'
                | '@'
                | '!'
                | '$'
                | '&'
                | '\''
                | '('
                | ')'
                | '*'
                | '+'
                | ','
                | ';'
                | '='
        )
}

/// Checks a URL-valued field (CT-E1, E3, E4; relative references are fine, CT-E2).
pub(crate) fn url_problem(url: &str, policy: UrlPolicy) -> Option<UrlProblem> {
    if url.is_empty() {
        return Some(UrlProblem::Empty);
    }
    let bytes = url.as_bytes();
    for (index, c) in url.char_indices() {
        if c == '%' {
            let hex = |offset: usize| bytes.get(index + offset).is_some_and(u8::is_ascii_hexdigit);
            if !(hex(1) && hex(2)) {
                return Some(UrlProblem::Percent(index));
            }
        } else if !is_uri_char(c) {
            return Some(UrlProblem::Character(c, index));
        }
    }
    if url.contains('#') {
        return Some(UrlProblem::Fragment);
    }
    let scheme = scheme_of(url);
    let (authority_start, authority) = match scheme {
        Some(scheme) => {
            let rest = &url[scheme.len() + 1..];
            let Some(after) = rest.strip_prefix("//") else {
                return Some(
                    if scheme.eq_ignore_ascii_case("https") || scheme.eq_ignore_ascii_case("http") {
                        UrlProblem::NoHost
                    } else {
                        UrlProblem::Insecure(scheme.to_owned())
                    },
                );
            };
            let start = scheme.len() + 3;
            (Some(start), Some(authority_of(after)))
        }
        None if url.starts_with("//") => return Some(UrlProblem::SchemeRelative),
        None if policy == UrlPolicy::AbsoluteHttps => return Some(UrlProblem::Relative),
        None => (None, None),
    };
    let host = match authority {
        Some(authority) => {
            let host_port = authority
                .rsplit_once('@')
                .map_or(authority, |(_, rest)| rest);
            let (host, port) = split_host_port(host_port);
            if host.is_empty() {
                return Some(UrlProblem::NoHost);
            }
            if port.is_some_and(|port| !port.chars().all(|c| c.is_ascii_digit())) {
                return Some(UrlProblem::BadPort);
            }
            Some((
                host,
                authority_start.unwrap_or(0) + (authority.len() - host_port.len()),
            ))
        }
        None => None,
    };
    // `[` and `]` may only delimit an IP-literal host.
    for (index, c) in url.char_indices() {
        if matches!(c, '[' | ']') {
            let in_host = host.is_some_and(|(host, start)| {
                host.starts_with('[') && index >= start && index < start + host.len()
            });
            if !in_host {
                return Some(UrlProblem::Bracket(index));
            }
        }
    }
    if let (Some(scheme), Some((host, _))) = (scheme, host) {
        let https = scheme.eq_ignore_ascii_case("https");
        let loopback_http = scheme.eq_ignore_ascii_case("http")
            && policy == UrlPolicy::Default
            && (host.eq_ignore_ascii_case("localhost") || host == "127.0.0.1" || host == "[::1]");
        if !https && !loopback_http {
            return Some(UrlProblem::Insecure(scheme.to_owned()));
        }
    }
    None
}

/// `scheme` of `scheme ":" ...` (RFC 3986 §3.1), if `url` starts with one.
fn scheme_of(url: &str) -> Option<&str> {
    let (scheme, _) = url.split_once(':')?;
    let mut chars = scheme.chars();
    let first = chars.next()?;
    (first.is_ascii_alphabetic()
        && chars.all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.')))
    .then_some(scheme)
}

/// The authority: everything up to the first `/`, `?` or `#`.
fn authority_of(after_slashes: &str) -> &str {
    let end = after_slashes
        .find(['/', '?', '#'])
        .unwrap_or(after_slashes.len());
    &after_slashes[..end]
}

/// Splits `host[:port]`, keeping `[..]` IP literals whole.
fn split_host_port(host_port: &str) -> (&str, Option<&str>) {
    if host_port.starts_with('[') {
        return match host_port.find(']') {
            Some(end) => {
                let (host, rest) = host_port.split_at(end + 1);
                (host, rest.strip_prefix(':'))
            }
            None => (host_port, None),
        };
    }
    match host_port.split_once(':') {
        Some((host, port)) => (host, Some(port)),
        None => (host_port, None),
    }
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
    use super::{
        UrlPolicy, UrlProblem, is_component_name, is_reserved_header, scope_token_problem,
        token_problem, url_problem,
    };

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
    fn component_names() {
        assert!(is_component_name("petstore_auth"));
        assert!(is_component_name("a.b-c_9"));
        assert!(!is_component_name("my auth"));
        assert!(!is_component_name("auth/v1"));
        assert!(!is_component_name(""));
    }

    #[test]
    fn urls_that_pass() {
        for url in [
            "/token",
            "token",
            "../oauth/token?x=1",
            "https://auth.example.com/token",
            "HTTPS://auth.example.com:8443/token?scope=a%20b",
            "http://localhost:8000/token",
            "http://127.0.0.1/token",
            "http://[::1]:8080/token",
            "https://user@[2001:db8::1]/x",
        ] {
            assert_eq!(url_problem(url, UrlPolicy::Default), None, "{url}");
        }
    }

    #[test]
    fn urls_that_fail() {
        let cases = [
            ("", UrlProblem::Empty),
            ("https://exa mple.com/token", UrlProblem::Character(' ', 11)),
            (
                "https://{tenant}.example.com",
                UrlProblem::Character('{', 8),
            ),
            ("https://as/authorize#x", UrlProblem::Fragment),
            (
                "http://as.example.com/token",
                UrlProblem::Insecure("http".to_owned()),
            ),
            ("ftp://x/y", UrlProblem::Insecure("ftp".to_owned())),
            ("urn:x", UrlProblem::Insecure("urn".to_owned())),
            ("//as.example.com/token", UrlProblem::SchemeRelative),
            ("https:///token", UrlProblem::NoHost),
            ("https:token", UrlProblem::NoHost),
            ("https://as:x/token", UrlProblem::BadPort),
            ("/a%zz", UrlProblem::Percent(2)),
            ("/a[b]", UrlProblem::Bracket(2)),
            ("https://é.example", UrlProblem::Character('é', 8)),
        ];
        for (url, problem) in cases {
            assert_eq!(url_problem(url, UrlPolicy::Default), Some(problem), "{url}");
        }
    }

    #[test]
    fn metadata_urls_are_absolute_https() {
        assert_eq!(
            url_problem(
                "https://as.example.com/.well-known/oauth-authorization-server",
                UrlPolicy::AbsoluteHttps
            ),
            None
        );
        assert_eq!(
            url_problem(
                "/.well-known/oauth-authorization-server",
                UrlPolicy::AbsoluteHttps
            ),
            Some(UrlProblem::Relative)
        );
        assert_eq!(
            url_problem("http://localhost/x", UrlPolicy::AbsoluteHttps),
            Some(UrlProblem::Insecure("http".to_owned()))
        );
    }

    #[test]
    fn reserved_headers() {
        assert!(is_reserved_header("Content-Length"));
        assert!(is_reserved_header("te"));
        assert!(!is_reserved_header("X-API-Key"));
    }
}
