//! `Authorization: Digest <auth-params>` (RFC 7616 §3.4).

use std::fmt;

use http::request::Parts;
use percent_encoding::percent_decode;
use subtle::ConstantTimeEq;

use super::parse::{AuthParams, SchemeMatch, match_scheme, parse_auth_params};
use super::{Credentials, challenge};
use crate::Rejection;

/// The parameters of `Authorization: Digest ...` (RFC 7616 §3.4), parsed but not verified:
/// verifying the `response` needs the server's nonce state and the user's secret, which is
/// the application's job.
///
/// Parsing follows RFC 9110 §11.2: each parameter is `name=token` or `name="quoted-string"`
/// (with `\x` unescaped), names are case-insensitive and unique, values are UTF-8. The
/// parameters RFC 7616 requires (`username` or `username*`, `realm`, `nonce`, `uri`,
/// `response`) must be present; `username*` (RFC 8187, `UTF-8''percent-encoded`) is decoded
/// into [`username`](Self::username) and may not appear together with `username`.
///
/// `Debug` shows the parameter names only; compare the `response` with
/// [`response_matches`](Self::response_matches), which runs in constant time.
///
/// ```
/// use authscheme::credentials::{Credentials, DigestCredentials};
///
/// let request = http::Request::get("/dir/index.html")
///     .header(
///         "authorization",
///         r#"Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS""#,
///     )
///     .body(())
///     .unwrap();
/// let (parts, ()) = request.into_parts();
///
/// let digest = DigestCredentials::extract(&parts, &()).unwrap().expect("Digest");
/// assert_eq!(digest.username(), "Mufasa");
/// assert_eq!(digest.realm(), "http-auth@example.org");
/// assert_eq!(digest.algorithm(), Some("SHA-256"));
/// assert_eq!(digest.qop(), Some("auth"));
/// assert_eq!(digest.nc(), Some("00000001"));
/// assert!(!format!("{digest:?}").contains("753927fa"));
/// ```
#[derive(Clone)]
pub struct DigestCredentials {
    params: AuthParams,
    /// The decoded `username*`, when it was sent instead of `username`.
    extended_username: Option<Box<str>>,
}

impl DigestCredentials {
    fn parse(input: &[u8]) -> Option<Self> {
        let params = parse_auth_params(input).ok()?;
        let extended_username = match (params.get("username"), params.get("username*")) {
            (Some(_), None) => None,
            (None, Some(extended)) => Some(decode_ext_value(extended)?),
            _ => return None,
        };
        for required in ["realm", "nonce", "uri", "response"] {
            params.get(required)?;
        }
        if let Some(userhash) = params.get("userhash")
            && !userhash.eq_ignore_ascii_case("true")
            && !userhash.eq_ignore_ascii_case("false")
        {
            return None;
        }
        Some(Self {
            params,
            extended_username,
        })
    }

    fn required(&self, name: &str) -> &str {
        self.params.get(name).unwrap_or_default()
    }

    /// `username`, or the decoded `username*` (the user's name, or its hash when
    /// [`userhash`](Self::userhash) is set).
    pub fn username(&self) -> &str {
        match &self.extended_username {
            Some(username) => username,
            None => self.required("username"),
        }
    }

    /// `realm`.
    pub fn realm(&self) -> &str {
        self.required("realm")
    }

    /// `uri`: the request target the client used.
    pub fn uri(&self) -> &str {
        self.required("uri")
    }

    /// `response`: the digest the client computed (a secret-derived value). Compare it with
    /// [`response_matches`](Self::response_matches), which runs in constant time.
    pub fn response(&self) -> &str {
        self.required("response")
    }

    /// Whether `response` equals `expected`, the digest the server computed from the user's
    /// secret, in time independent of where they differ (only the length can leak). The
    /// comparison is byte for byte: compute `expected` in lowercase hex, as RFC 7616 §3.4.1
    /// writes the digest.
    ///
    /// ```
    /// use authscheme::credentials::{Credentials, DigestCredentials};
    ///
    /// let request = http::Request::get("/")
    ///     .header(
    ///         "authorization",
    ///         r#"Digest username="u", realm="r", nonce="n", uri="/", response="6629fae49393a05397450978507c4ef1""#,
    ///     )
    ///     .body(())
    ///     .unwrap();
    /// let (parts, ()) = request.into_parts();
    /// let digest = DigestCredentials::extract(&parts, &()).unwrap().expect("Digest");
    ///
    /// assert!(digest.response_matches("6629fae49393a05397450978507c4ef1"));
    /// assert!(!digest.response_matches("6629fae49393a05397450978507c4ef2"));
    /// assert!(!digest.response_matches("6629FAE49393A05397450978507C4EF1"), "byte for byte");
    /// ```
    pub fn response_matches(&self, expected: &str) -> bool {
        self.response().as_bytes().ct_eq(expected.as_bytes()).into()
    }

    /// `nonce`: the server's nonce, echoed.
    pub fn nonce(&self) -> &str {
        self.required("nonce")
    }

    /// `algorithm` (`MD5`, `SHA-256`, `SHA-512-256`, or a `-sess` variant), if sent.
    pub fn algorithm(&self) -> Option<&str> {
        self.params.get("algorithm")
    }

    /// `cnonce`, if sent.
    pub fn cnonce(&self) -> Option<&str> {
        self.params.get("cnonce")
    }

    /// `opaque`, if sent.
    pub fn opaque(&self) -> Option<&str> {
        self.params.get("opaque")
    }

    /// `qop` (`auth` or `auth-int`), if sent.
    pub fn qop(&self) -> Option<&str> {
        self.params.get("qop")
    }

    /// `nc`, the nonce count (8 hex digits), if sent.
    pub fn nc(&self) -> Option<&str> {
        self.params.get("nc")
    }

    /// `userhash=true`: the username is a hash of the user's name.
    pub fn userhash(&self) -> bool {
        self.params
            .get("userhash")
            .is_some_and(|value| value.eq_ignore_ascii_case("true"))
    }

    /// Every parameter as sent, including extensions.
    pub fn params(&self) -> &AuthParams {
        &self.params
    }
}

/// RFC 8187 `ext-value = charset "'" [ language ] "'" value-chars`, UTF-8 only.
fn decode_ext_value(text: &str) -> Option<Box<str>> {
    let (charset, rest) = text.split_once('\'')?;
    let (_language, encoded) = rest.split_once('\'')?;
    if !charset.eq_ignore_ascii_case("utf-8") {
        return None;
    }
    // value-chars = *( pct-encoded / attr-char )
    let is_value_char = |b: u8| {
        b.is_ascii_alphanumeric()
            || matches!(
                b,
                b'!' | b'#'
                    | b'$'
                    | b'&'
                    | b'+'
                    | b'-'
                    | b'.'
                    | b'^'
                    | b'_'
                    | b'`'
                    | b'|'
                    | b'~'
                    | b'%'
            )
    };
    if !encoded.bytes().all(is_value_char) {
        return None;
    }
    let decoded = percent_decode(encoded.as_bytes()).decode_utf8().ok()?;
    if decoded.is_empty() {
        return None;
    }
    Some(decoded.into_owned().into_boxed_str())
}

impl fmt::Debug for DigestCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("DigestCredentials")
            .field("params", &self.params)
            .finish_non_exhaustive()
    }
}

impl fmt::Display for DigestCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Digest [redacted]")
    }
}

impl Credentials for DigestCredentials {
    type Config = ();

    fn extract(parts: &Parts, (): &()) -> Result<Option<Self>, Rejection> {
        let Some(value) = parts.headers.get(&http::header::AUTHORIZATION) else {
            return Ok(None);
        };
        let bytes = value.as_bytes();
        match match_scheme(bytes, "digest") {
            SchemeMatch::NotOurs => Ok(None),
            SchemeMatch::Ours(start) => Self::parse(&bytes[start..])
                .map(Some)
                .ok_or_else(|| Rejection::fixed(&challenge::malformed::DIGEST)),
            SchemeMatch::Malformed => Err(Rejection::fixed(&challenge::malformed::DIGEST)),
        }
    }

    fn missing((): &()) -> Rejection {
        Rejection::fixed(&challenge::missing::DIGEST)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const BASE: &str = r#"realm="r", nonce="n", uri="/", response="x""#;

    #[test]
    fn extended_username() {
        let digest = DigestCredentials::parse(
            format!("username*=UTF-8''J%C3%A4s%C3%B8n%20Doe, {BASE}").as_bytes(),
        )
        .expect("valid");
        assert_eq!(digest.username(), "Jäsøn Doe");
        for bad in [
            format!("username*=UTF-8''a, username=b, {BASE}"),
            format!("username*=latin1''a, {BASE}"),
            format!("username*=UTF-8''%FF, {BASE}"),
            format!("username*=UTF-8'', {BASE}"),
            format!("username*=noquotes, {BASE}"),
        ] {
            assert!(DigestCredentials::parse(bad.as_bytes()).is_none(), "{bad}");
        }
    }

    #[test]
    fn required_parameters() {
        assert!(DigestCredentials::parse(format!("username=u, {BASE}").as_bytes()).is_some());
        assert!(DigestCredentials::parse(BASE.as_bytes()).is_none());
        assert!(DigestCredentials::parse(b"username=u, realm=r, nonce=n, uri=x").is_none());
        assert!(
            DigestCredentials::parse(format!("username=u, userhash=maybe, {BASE}").as_bytes())
                .is_none()
        );
    }

    #[test]
    fn every_parameter_is_read_by_its_accessor() {
        let digest = DigestCredentials::parse(
            br#"username="u", realm="r", nonce="n", uri="/a", response="abc", algorithm=SHA-256, cnonce="c", opaque="o", qop=auth, nc=00000001, userhash=TRUE, ext="e""#,
        )
        .expect("valid");
        assert_eq!(
            (
                digest.username(),
                digest.realm(),
                digest.nonce(),
                digest.uri(),
                digest.response()
            ),
            ("u", "r", "n", "/a", "abc")
        );
        assert_eq!(
            (
                digest.algorithm(),
                digest.cnonce(),
                digest.opaque(),
                digest.qop(),
                digest.nc()
            ),
            (
                Some("SHA-256"),
                Some("c"),
                Some("o"),
                Some("auth"),
                Some("00000001")
            )
        );
        assert!(digest.userhash());
        assert_eq!(digest.params().get("ext"), Some("e"));
        assert!(digest.response_matches("abc"));
        assert!(!digest.response_matches("abd"));
        let minimal =
            DigestCredentials::parse(format!("username=u, {BASE}").as_bytes()).expect("valid");
        assert_eq!(
            (
                minimal.algorithm(),
                minimal.cnonce(),
                minimal.opaque(),
                minimal.qop(),
                minimal.nc()
            ),
            (None, None, None, None, None)
        );
        assert!(!minimal.userhash());
        let no_hash =
            DigestCredentials::parse(format!("username=u, userhash=false, {BASE}").as_bytes())
                .expect("valid");
        assert!(!no_hash.userhash());
    }

    #[test]
    fn neither_debug_nor_display_shows_the_response() {
        let digest = DigestCredentials::parse(
            br#"username="u", realm="r", nonce="n", uri="/", response="secret-digest""#,
        )
        .expect("valid");
        let debug = format!("{digest:?}");
        assert!(debug.starts_with("DigestCredentials { params: "), "{debug}");
        assert!(debug.contains("realm"), "{debug}");
        assert!(!debug.contains("secret-digest"), "{debug}");
        assert_eq!(digest.to_string(), "Digest [redacted]");
    }

    fn extract(authorization: &str) -> Result<Option<DigestCredentials>, Rejection> {
        let request = http::Request::get("/")
            .header("authorization", authorization)
            .body(())
            .expect("a request");
        DigestCredentials::extract(&request.into_parts().0, &())
    }

    #[test]
    fn extract_finds_digest_credentials_only() {
        let found = extract(&format!("Digest username=u, {BASE}")).expect("well-formed");
        assert_eq!(
            found.map(|digest| digest.username().to_owned()).as_deref(),
            Some("u")
        );
        assert!(extract("Bearer abc").expect("not ours").is_none());
        assert!(extract("Digest realm=r").is_err());
        assert!(extract("Digest").is_err());
        let (parts, ()) = http::Request::new(()).into_parts();
        assert!(
            DigestCredentials::extract(&parts, &())
                .expect("absent")
                .is_none()
        );
    }
}
