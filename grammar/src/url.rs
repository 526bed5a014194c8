//! URL-valued fields: RFC 3986 syntax (parsed by `fluent-uri`) and the rules OpenAPI and OAuth
//! add on top (no fragment, an `http`/`https` URL has a host, and for declarations the `https`
//! policy of CT-E3); and the identifiers a bearer token names, its issuer and audience (CT-E8,
//! CT-E9), which are absolute URLs or, for an audience, URNs (RFC 8141).

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

/// What is wrong with the issuer or the audience a bearer token must name (`iss`, `aud`).
#[derive(Clone, PartialEq, Eq, Debug)]
pub enum IdentifierProblem {
    /// As an absolute URL, under [`UrlPolicy::Fetched`] (`https`, or `http` on a loopback
    /// host). Text without a scheme (`"my api"`, `"//host"`) is [`UrlProblem::Relative`],
    /// whatever else is wrong with it: being absolute is what it lacks first.
    Url(UrlProblem),
    /// An issuer with a query (`?...`): an issuer identifier has "no query or fragment
    /// components" (RFC 8414 §2, OpenID Connect Discovery §2).
    Query,
    /// Text that starts with `urn:`, as a URN.
    Urn(UrnProblem),
}

/// What is wrong with a URN. Offsets are byte offsets into the text.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub enum UrnProblem {
    /// The text does not start with `urn:` (in any case).
    NotUrn,
    /// The NID, between `urn:` and the next `:`, is not 2 to 32 letters, digits and `-`
    /// starting and ending with a letter or digit.
    Nid,
    /// No namespace-specific string: nothing, or no `:`, after the NID.
    NoNss,
    /// A character the NSS cannot hold (outside RFC 3986 `pchar` and `/`), or a `/` first.
    Character(char, usize),
    /// `%` not followed by two hex digits.
    Percent(usize),
    /// A `?` or `#`, which starts an r-, q- or f-component: those are not part of the name.
    Component(usize),
}

/// Why `text` is not an issuer identifier (`iss`), or `None` when it is one: an absolute
/// `https` URL (`http` on a loopback host, for development) with no query and no fragment
/// (RFC 8414 §2, OpenID Connect Discovery §2).
///
/// ```
/// use authscheme_grammar::url::{IdentifierProblem, UrlProblem, issuer_problem};
///
/// assert_eq!(issuer_problem("https://idp.example.com/realms/a"), None);
/// assert_eq!(issuer_problem("http://localhost:8080"), None);
/// assert_eq!(issuer_problem("https://idp.example.com?tenant=a"), Some(IdentifierProblem::Query));
/// assert_eq!(
///     issuer_problem("idp.example.com"),
///     Some(IdentifierProblem::Url(UrlProblem::Relative))
/// );
/// ```
pub fn issuer_problem(text: &str) -> Option<IdentifierProblem> {
    if let Some(problem) = absolute_url_problem(text) {
        return Some(IdentifierProblem::Url(problem));
    }
    // The text parsed and has no fragment, so a `?` can only start its query.
    text.contains('?').then_some(IdentifierProblem::Query)
}

/// Why `text` is not an audience identifier (`aud`, RFC 8707 §2's resource indicator), or
/// `None` when it is one: an absolute `https` URL (`http` on a loopback host) without a
/// fragment, a query allowed; or, when it starts with `urn:`, a URN ([`urn_problem`]).
///
/// ```
/// use authscheme_grammar::url::{IdentifierProblem, UrlProblem, UrnProblem, audience_problem};
///
/// assert_eq!(audience_problem("https://api.example.com/v1?tenant=a"), None);
/// assert_eq!(audience_problem("urn:example:items-api"), None);
/// assert_eq!(
///     audience_problem("my api"),
///     Some(IdentifierProblem::Url(UrlProblem::Relative))
/// );
/// assert_eq!(audience_problem("urn:x"), Some(IdentifierProblem::Urn(UrnProblem::Nid)));
/// ```
pub fn audience_problem(text: &str) -> Option<IdentifierProblem> {
    if starts_with_urn(text) {
        return urn_problem(text).map(IdentifierProblem::Urn);
    }
    absolute_url_problem(text).map(IdentifierProblem::Url)
}

/// Why `text` is not a URN's `assigned-name`, `"urn" ":" NID ":" NSS` (RFC 8141 §2), or
/// `None` when it is one. The r-, q- and f-components a URN may carry after it (`?+..`,
/// `?=..`, `#..`) are refused: they are not part of the name (RFC 8141 §3 leaves them out
/// of URN-equivalence), and an identifier that is compared as a string should be the name.
///
/// Written by hand rather than with a URN crate: the grammar is four ABNF rules, and this
/// crate's only dependency is the RFC 3986 parser.
///
/// ```
/// use authscheme_grammar::url::{UrnProblem, urn_problem};
///
/// assert_eq!(urn_problem("urn:ietf:params:oauth:token-type:jwt"), None);
/// assert_eq!(urn_problem("URN:Example:a/b%2Fc"), None);
/// assert_eq!(urn_problem("https://api.example.com"), Some(UrnProblem::NotUrn));
/// assert_eq!(urn_problem("urn:x:api"), Some(UrnProblem::Nid));
/// assert_eq!(urn_problem("urn:example"), Some(UrnProblem::NoNss));
/// assert_eq!(urn_problem("urn:example:a b"), Some(UrnProblem::Character(' ', 13)));
/// assert_eq!(urn_problem("urn:example:api#v1"), Some(UrnProblem::Component(15)));
/// ```
pub fn urn_problem(text: &str) -> Option<UrnProblem> {
    if !starts_with_urn(text) {
        return Some(UrnProblem::NotUrn);
    }
    let rest = &text[URN.len()..];
    let (nid, nss) = match rest.split_once(':') {
        Some((nid, nss)) => (nid, Some(nss)),
        None => (rest, None),
    };
    // NID = (alphanum) 0*30(ldh) (alphanum); ldh = alphanum / "-"
    let alphanum = |b: Option<&u8>| b.is_some_and(u8::is_ascii_alphanumeric);
    let bytes = nid.as_bytes();
    let nid_ok = (2..=32).contains(&bytes.len())
        && alphanum(bytes.first())
        && alphanum(bytes.last())
        && bytes
            .iter()
            .all(|b| b.is_ascii_alphanumeric() || *b == b'-');
    if !nid_ok {
        return Some(UrnProblem::Nid);
    }
    let Some(nss) = nss.filter(|nss| !nss.is_empty()) else {
        return Some(UrnProblem::NoNss);
    };
    nss_problem(nss, URN.len() + nid.len() + 1)
}

/// The scheme and colon that start every URN; the scheme is case-insensitive (RFC 3986 §3.1).
const URN: &str = "urn:";

fn starts_with_urn(text: &str) -> bool {
    text.get(..URN.len())
        .is_some_and(|prefix| prefix.eq_ignore_ascii_case(URN))
}

/// RFC 8141 §2 `NSS = pchar *(pchar / "/")`; `start` is the NSS's offset in the whole text.
fn nss_problem(nss: &str, start: usize) -> Option<UrnProblem> {
    let mut chars = nss.char_indices();
    while let Some((index, c)) = chars.next() {
        let at = start + index;
        match c {
            '%' => {
                let hex = nss
                    .get(index + 1..index + 3)
                    .is_some_and(|digits| digits.bytes().all(|b| b.is_ascii_hexdigit()));
                if !hex {
                    return Some(UrnProblem::Percent(at));
                }
                // The two hex digits, ASCII both.
                chars.nth(1);
            }
            '?' | '#' => return Some(UrnProblem::Component(at)),
            '/' if index == 0 => return Some(UrnProblem::Character(c, at)),
            c if is_pchar(c) || c == '/' => {}
            c => return Some(UrnProblem::Character(c, at)),
        }
    }
    None
}

/// RFC 3986 §3.3 `pchar` outside percent-encodings: unreserved, sub-delims, `:` and `@`.
const fn is_pchar(c: char) -> bool {
    c.is_ascii_alphanumeric()
        || matches!(
            c,
            '-' | '.'
                | '_'
                | '~'
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
                | ':'
                | '@'
        )
}

/// [`url_problem`] under [`UrlPolicy::Fetched`], with text that has no scheme reported as
/// [`UrlProblem::Relative`] before any problem of its syntax.
fn absolute_url_problem(text: &str) -> Option<UrlProblem> {
    let has_scheme = text
        .split_once(':')
        .is_some_and(|(scheme, _)| is_scheme(scheme));
    if !text.is_empty() && !has_scheme {
        return Some(UrlProblem::Relative);
    }
    url_problem(text, UrlPolicy::Fetched)
}

/// The hosts on which a declaration may use `http` (CT-E3's loopback exception).
fn is_loopback(host: &str) -> bool {
    host.eq_ignore_ascii_case("localhost") || host == "127.0.0.1" || host == "[::1]"
}

/// RFC 3986 characters outside percent-encodings: unreserved, gen-delims and sub-delims,
/// that is a path segment's characters and the delimiters between components.
const fn is_uri_char(c: char) -> bool {
    is_pchar(c) || matches!(c, '/' | '?' | '#' | '[' | ']')
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
    use super::{
        IdentifierProblem, UrlPolicy, UrlProblem, UrnProblem, audience_problem, issuer_problem,
        uri_reference_problem, url_problem, urn_problem,
    };

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

    #[test]
    fn issuers() {
        for good in [
            "https://idp.example.com",
            "https://idp.example.com/",
            "https://idp.example.com/realms/a",
            "HTTPS://idp.example.com:8443/x",
            "http://localhost:8080",
            "http://127.0.0.1/realms/a",
            "http://[::1]:4000",
        ] {
            assert_eq!(issuer_problem(good), None, "{good}");
        }
        let url = IdentifierProblem::Url;
        for (bad, problem) in [
            ("", url(UrlProblem::Empty)),
            ("idp.example.com", url(UrlProblem::Relative)),
            ("/realms/a", url(UrlProblem::Relative)),
            ("//idp.example.com", url(UrlProblem::Relative)),
            ("my issuer", url(UrlProblem::Relative)),
            (
                "http://idp.example.com",
                url(UrlProblem::Insecure("http".to_owned())),
            ),
            (
                "urn:example:idp",
                url(UrlProblem::Insecure("urn".to_owned())),
            ),
            ("https:///realms/a", url(UrlProblem::NoHost)),
            (
                "https://idp example.com",
                url(UrlProblem::Character(' ', 11)),
            ),
            ("https://idp.example.com#a", url(UrlProblem::Fragment)),
            ("https://idp.example.com?tenant=a", IdentifierProblem::Query),
            ("https://idp.example.com/?", IdentifierProblem::Query),
        ] {
            assert_eq!(issuer_problem(bad), Some(problem), "{bad}");
        }
    }

    #[test]
    fn audiences() {
        let nid_32 = format!("urn:{}:a", "a".repeat(32));
        for good in [
            "https://api.example.com",
            "https://api.example.com/v1?tenant=a",
            "http://localhost:3000/api",
            "urn:example:api",
            "urn:ietf:params:oauth:jwt",
            "Urn:ISBN:0-395-36341-1",
            "urn:a-b:c:d@e/f;g=h",
            "urn:x1:%41%2f",
            &nid_32,
        ] {
            assert_eq!(audience_problem(good), None, "{good}");
        }
        let nid_33 = format!("urn:{}:a", "a".repeat(33));
        let url = IdentifierProblem::Url;
        let urn = IdentifierProblem::Urn;
        for (bad, problem) in [
            ("", url(UrlProblem::Empty)),
            ("my api", url(UrlProblem::Relative)),
            ("api", url(UrlProblem::Relative)),
            ("api://items", url(UrlProblem::Insecure("api".to_owned()))),
            (
                "http://api.example.com",
                url(UrlProblem::Insecure("http".to_owned())),
            ),
            ("https://api.example.com#x", url(UrlProblem::Fragment)),
            ("urn:x", urn(UrnProblem::Nid)),
            ("urn:", urn(UrnProblem::Nid)),
            ("urn::api", urn(UrnProblem::Nid)),
            ("urn:-ab:api", urn(UrnProblem::Nid)),
            ("urn:ab-:api", urn(UrnProblem::Nid)),
            ("urn:a_b:api", urn(UrnProblem::Nid)),
            (&nid_33, urn(UrnProblem::Nid)),
            ("urn:example", urn(UrnProblem::NoNss)),
            ("urn:example:", urn(UrnProblem::NoNss)),
            ("urn:example:/a", urn(UrnProblem::Character('/', 12))),
            ("urn:example:a b", urn(UrnProblem::Character(' ', 13))),
            ("urn:example:a[b]", urn(UrnProblem::Character('[', 13))),
            ("urn:example:é", urn(UrnProblem::Character('é', 12))),
            ("urn:example:a%2", urn(UrnProblem::Percent(13))),
            ("urn:example:a%zz", urn(UrnProblem::Percent(13))),
            ("urn:example:a%4é", urn(UrnProblem::Percent(13))),
            ("urn:example:a?+r", urn(UrnProblem::Component(13))),
            ("urn:example:a#f", urn(UrnProblem::Component(13))),
        ] {
            assert_eq!(audience_problem(bad), Some(problem), "{bad}");
        }
    }

    #[test]
    fn urns_need_their_prefix() {
        assert_eq!(urn_problem("urn"), Some(UrnProblem::NotUrn));
        assert_eq!(urn_problem("urx:a:b"), Some(UrnProblem::NotUrn));
        assert_eq!(urn_problem("é"), Some(UrnProblem::NotUrn));
    }
}
