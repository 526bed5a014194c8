//! URL-valued fields: RFC 3986 syntax (parsed by `fluent-uri`) and the rules OpenAPI and OAuth
//! add on top (no fragment, an `http`/`https` URL has a host, and for declarations the `https`
//! policy of CT-E3).

use fluent_uri::{ParseErrorKind, UriRef};

/// Which URLs a field accepts, beyond RFC 3986 syntax.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UrlPolicy {
    /// Any URI reference without a fragment, and an `http`/`https` URL with a host: what a
    /// hand-built or deserialized OpenAPI document may hold (the runtime does not impose a
    /// transport, since a document may describe any deployment).
    Document,
    /// A declaration: relative references, `https`, or `http` on a loopback host.
    Declared,
    /// Absolute `https` only (`oauth2MetadataUrl`, RFC 8414 §3).
    AbsoluteHttps,
    /// A URL the runtime fetches (discovery documents, JWK Sets): absolute `https`, or
    /// `http` on a loopback host, where no network can read or change what is fetched.
    Fetched,
}

/// What is wrong with a URL. Offsets are byte offsets into the text.
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum UrlProblem {
    /// The text is empty: a valid reference to the current document, but never an endpoint.
    Empty,
    /// A character that RFC 3986 does not allow anywhere outside a percent-encoding.
    Character(char, usize),
    /// `%` not followed by two hex digits.
    Percent(usize),
    /// `[` or `]` outside the host.
    Bracket(usize),
    /// A malformed IP-literal host (`[...]`): unclosed, or not an IPv6/IPvFuture address.
    IpLiteral(usize),
    /// The port is not a number.
    BadPort(usize),
    /// Another malformed authority (`user@@host`, `host]`, ...): the URI character at this
    /// offset cannot appear there.
    Authority(usize),
    /// The text before the first `:` is not a scheme, and a relative reference cannot have `:`
    /// in its first segment.
    Scheme,
    /// Any other URI character in a place RFC 3986 does not allow it (a second `#`, ...).
    Misplaced(char, usize),
    /// A fragment (`#...`): RFC 6749 §3.1/§3.2 forbid it on OAuth endpoints, and a discovery
    /// URL derives from an issuer, which has none (RFC 8414 §2, OpenID Connect Discovery §3).
    Fragment,
    /// `//host/..` without a scheme, which may resolve to `http`.
    SchemeRelative,
    /// An absolute URL whose scheme the policy refuses.
    Insecure(String),
    /// An `http` or `https` URL without a host (RFC 9110 §4.2.1: such a URI is invalid).
    NoHost,
    /// A relative reference where only absolute URLs are allowed.
    Relative,
}

/// Why `text` is not an RFC 3986 §4.1 `URI-reference`, or `None` when it is one. Fragments
/// are fine here: this is the syntax alone (a security requirement may name a scheme by a URI
/// reference with a fragment). Empty text is refused.
///
/// ```
/// use authscheme_grammar::url::{UrlProblem, uri_reference_problem};
///
/// assert_eq!(uri_reference_problem("other.json#/components/securitySchemes/a"), None);
/// assert_eq!(uri_reference_problem("https://a b/"), Some(UrlProblem::Character(' ', 9)));
/// assert_eq!(uri_reference_problem("http://host:port/"), Some(UrlProblem::BadPort(12)));
/// ```
pub fn uri_reference_problem(text: &str) -> Option<UrlProblem> {
    parse(text).err()
}

/// Why the URL-valued field `text` is not acceptable under `policy`, or `None` when it is.
///
/// ```
/// use authscheme_grammar::url::{UrlPolicy, UrlProblem, url_problem};
///
/// assert_eq!(url_problem("/token", UrlPolicy::Declared), None);
/// assert_eq!(url_problem("http://localhost:8000/token", UrlPolicy::Declared), None);
/// assert_eq!(
///     url_problem("https://as/authorize#x", UrlPolicy::Document),
///     Some(UrlProblem::Fragment)
/// );
/// assert_eq!(
///     url_problem("http://as.example.com/token", UrlPolicy::Declared),
///     Some(UrlProblem::Insecure("http".to_owned()))
/// );
/// assert_eq!(url_problem("http://as.example.com/token", UrlPolicy::Document), None);
/// assert_eq!(url_problem("http://user@@host/", UrlPolicy::Document), Some(UrlProblem::Authority(12)));
/// assert_eq!(url_problem("http://127.0.0.1:4000/jwks", UrlPolicy::Fetched), None);
/// assert_eq!(url_problem("/jwks", UrlPolicy::Fetched), Some(UrlProblem::Relative));
/// ```
pub fn url_problem(text: &str, policy: UrlPolicy) -> Option<UrlProblem> {
    let uri = match parse(text) {
        Ok(uri) => uri,
        Err(problem) => return Some(problem),
    };
    if uri.has_fragment() {
        return Some(UrlProblem::Fragment);
    }
    let host = uri.authority().map(|authority| authority.host());
    let Some(scheme) = uri.scheme().map(fluent_uri::component::Scheme::as_str) else {
        return match policy {
            _ if host.is_some() && policy != UrlPolicy::Document => {
                Some(UrlProblem::SchemeRelative)
            }
            UrlPolicy::AbsoluteHttps | UrlPolicy::Fetched => Some(UrlProblem::Relative),
            _ => None,
        };
    };
    let https = scheme.eq_ignore_ascii_case("https");
    let http = scheme.eq_ignore_ascii_case("http");
    if (https || http) && host.is_none_or(str::is_empty) {
        return Some(UrlProblem::NoHost);
    }
    let allowed = match policy {
        UrlPolicy::Document => true,
        UrlPolicy::Declared | UrlPolicy::Fetched => {
            https || (http && host.is_some_and(is_loopback))
        }
        UrlPolicy::AbsoluteHttps => https,
    };
    (!allowed).then(|| UrlProblem::Insecure(scheme.to_owned()))
}

/// The hosts on which a declaration may use `http` (CT-E3's loopback exception).
fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost") || host == "127.0.0.1" || host == "[::1]"
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

fn parse(text: &str) -> Result<UriRef<&str>, UrlProblem> {
    if text.is_empty() {
        return Err(UrlProblem::Empty);
    }
    UriRef::parse(text).map_err(|error| {
        let at = error.index();
        match error.kind() {
            ParseErrorKind::InvalidPctEncodedOctet => UrlProblem::Percent(at),
            ParseErrorKind::InvalidIpv6Addr => UrlProblem::IpLiteral(at),
            ParseErrorKind::UnexpectedChar => classify(text, at),
        }
    })
}

/// Names the problem at `at`, where the parser met a character it did not expect. The parser
/// says where, not why; the why comes from the character and the component it is in.
fn classify(text: &str, at: usize) -> UrlProblem {
    let Some(found) = text.get(at..).and_then(|rest| rest.chars().next()) else {
        // The parser reports the end of the text only for an unclosed IP literal.
        return UrlProblem::IpLiteral(at);
    };
    if !is_uri_char(found) {
        return UrlProblem::Character(found, at);
    }
    let head_end = text.find(['/', '?', '#']).unwrap_or(text.len());
    let colon = text[..head_end].find(':');
    // `scheme ":"` when the text before the first `:` is one; otherwise a relative reference
    // (which cannot have `:` in its first segment, so that `:` is the problem).
    let scheme_end = match colon {
        Some(colon) if is_scheme(&text[..colon]) => colon + 1,
        Some(_) if at <= head_end => return UrlProblem::Scheme,
        _ => 0,
    };
    if let Some(authority) = text[scheme_end..].strip_prefix("//") {
        let start = scheme_end + 2;
        let end = start + authority.find(['/', '?', '#']).unwrap_or(authority.len());
        // `<=`: an unclosed `[` is noticed at the `/` (or the end) that closes the authority.
        if (start..=end).contains(&at) {
            let before = &text[start..at];
            let host_port = before.rsplit_once('@').map_or(before, |(_, rest)| rest);
            return if host_port.starts_with('[') {
                match host_port.find(']') {
                    Some(close) if host_port[close + 1..].starts_with(':') => {
                        UrlProblem::BadPort(at)
                    }
                    _ => UrlProblem::IpLiteral(at),
                }
            } else if matches!(found, '[' | ']') {
                UrlProblem::IpLiteral(at)
            } else if host_port.contains(':') {
                UrlProblem::BadPort(at)
            } else {
                UrlProblem::Authority(at)
            };
        }
    }
    if matches!(found, '[' | ']') {
        UrlProblem::Bracket(at)
    } else {
        UrlProblem::Misplaced(found, at)
    }
}

/// RFC 3986 §3.1 `scheme = ALPHA *( ALPHA / DIGIT / "+" / "-" / "." )`.
fn is_scheme(text: &str) -> bool {
    let mut bytes = text.bytes();
    bytes.next().is_some_and(|b| b.is_ascii_alphabetic())
        && bytes.all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'))
}

#[cfg(test)]
mod tests {
    use super::{UrlPolicy, UrlProblem, uri_reference_problem, url_problem};

    #[test]
    fn references_that_parse() {
        for good in [
            "https://auth.example.com/token",
            "/token",
            "token",
            "../token?x=1&y=%20#frag",
            "http://[::1]:8080/token",
            "https://user@[2001:db8::7]/a",
            "urn:ietf:params:oauth:token",
            "?query",
            "#frag",
            "http://h:/",
        ] {
            assert_eq!(uri_reference_problem(good), None, "{good}");
        }
    }

    #[test]
    fn references_that_do_not_parse() {
        for (bad, problem) in [
            ("", UrlProblem::Empty),
            ("https://exa mple.com", UrlProblem::Character(' ', 11)),
            (
                "https://{tenant}.example.com",
                UrlProblem::Character('{', 8),
            ),
            ("https://bücher.example", UrlProblem::Character('ü', 9)),
            ("/a%2", UrlProblem::Percent(2)),
            // One hex digit, then something else, in every component.
            ("/a%2g", UrlProblem::Percent(2)),
            ("/a%2/", UrlProblem::Percent(2)),
            ("/a%2%20", UrlProblem::Percent(2)),
            ("?q=%4&r", UrlProblem::Percent(3)),
            ("#%f", UrlProblem::Percent(1)),
            ("http://u%4@h/", UrlProblem::Percent(8)),
            ("http://h%4.example/", UrlProblem::Percent(8)),
            ("/a#b#c", UrlProblem::Misplaced('#', 4)),
            ("1a:b", UrlProblem::Scheme),
            (":b", UrlProblem::Scheme),
            ("/a[1]", UrlProblem::Bracket(2)),
            ("http://[::1", UrlProblem::IpLiteral(11)),
            ("http://[::1/", UrlProblem::IpLiteral(11)),
            ("http://[::g]/", UrlProblem::IpLiteral(10)),
            ("http://a]b", UrlProblem::IpLiteral(8)),
            ("https://[::1]x/", UrlProblem::IpLiteral(13)),
            // Brackets after an IPv6 host.
            ("http://[::1]]/", UrlProblem::IpLiteral(12)),
            ("http://[::1][/", UrlProblem::IpLiteral(12)),
            ("http://[::1]:80]/", UrlProblem::BadPort(15)),
            // Brackets in the userinfo. `classify` names the problem from the text before
            // it, which has no `@` yet (or is a `[..]` host), so these are IP-literal problems.
            ("http://us[er@host/", UrlProblem::IpLiteral(9)),
            ("http://user]@host/", UrlProblem::IpLiteral(11)),
            ("http://u:[p]@host/", UrlProblem::IpLiteral(9)),
            ("http://[::1]@host/", UrlProblem::IpLiteral(12)),
            ("https://[::1]:x/", UrlProblem::BadPort(14)),
            ("https://as:x/token", UrlProblem::BadPort(11)),
            ("http://host:port/", UrlProblem::BadPort(12)),
            ("http://host:80:90/", UrlProblem::BadPort(14)),
            ("http://user@@host/", UrlProblem::Authority(12)),
            ("http://a@b@c/", UrlProblem::Authority(10)),
            ("https://a b/", UrlProblem::Character(' ', 9)),
        ] {
            assert_eq!(uri_reference_problem(bad), Some(problem), "{bad}");
        }
    }

    #[test]
    fn declared_urls_that_pass() {
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
            assert_eq!(url_problem(url, UrlPolicy::Declared), None, "{url}");
            assert_eq!(url_problem(url, UrlPolicy::Document), None, "{url}");
        }
    }

    #[test]
    fn declared_urls_that_fail() {
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
            ("http://:80/", UrlProblem::NoHost),
            ("https://as:x/token", UrlProblem::BadPort(11)),
            ("/a%zz", UrlProblem::Percent(2)),
            ("/a[b]", UrlProblem::Bracket(2)),
            ("https://é.example", UrlProblem::Character('é', 8)),
        ];
        for (url, problem) in cases {
            assert_eq!(
                url_problem(url, UrlPolicy::Declared),
                Some(problem),
                "{url}"
            );
        }
    }

    #[test]
    fn documents_refuse_fragments_and_hostless_http_only() {
        assert_eq!(url_problem("ftp://x/y", UrlPolicy::Document), None);
        assert_eq!(
            url_problem("//as.example.com/token", UrlPolicy::Document),
            None
        );
        assert_eq!(
            url_problem("#frag", UrlPolicy::Document),
            Some(UrlProblem::Fragment)
        );
        assert_eq!(
            url_problem("https:///t", UrlPolicy::Document),
            Some(UrlProblem::NoHost)
        );
    }

    #[test]
    fn metadata_urls_are_absolute_https() {
        let policy = UrlPolicy::AbsoluteHttps;
        assert_eq!(
            url_problem(
                "https://as.example.com/.well-known/oauth-authorization-server",
                policy
            ),
            None
        );
        assert_eq!(
            url_problem("/.well-known/oauth-authorization-server", policy),
            Some(UrlProblem::Relative)
        );
        assert_eq!(
            url_problem("http://localhost/x", policy),
            Some(UrlProblem::Insecure("http".to_owned()))
        );
    }
}
