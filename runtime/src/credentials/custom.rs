//! `Authorization: <scheme> <token68 / auth-params>` for a custom `http` scheme.

use std::fmt;

use http::HeaderValue;
use http::request::Parts;
use subtle::ConstantTimeEq;

use super::parse::{AuthParams, SchemeMatch, match_scheme, parse_auth_params};
use super::token68::is_token68;
use super::{Credentials, HttpConfig, challenge};
use crate::Rejection;

/// The credentials of a custom `http` scheme (`#[http(scheme = "...")]`): everything after
/// the scheme word, which is either a `token68` or a list of auth-params (RFC 9110 §11.4).
///
/// Unlike FastAPI's `HTTPBase`, the scheme word is checked (case-insensitively): a request
/// for another scheme carries no credentials for this one.
///
/// `Debug` and `Display` never show the credentials; compare them with
/// [`matches`](Self::matches), which runs in constant time.
///
/// ```
/// use authscheme::credentials::{Credentials, HttpConfig, HttpCredentials};
///
/// let config = HttpConfig::new("scram-sha-256", "Scram-Sha-256");
/// let request = http::Request::get("/")
///     .header("authorization", r#"SCRAM-SHA-256 realm="x", data=biwsbj11c2VyLHI9ck9wck5HZndFYmVSV2diTkVrcU8"#)
///     .body(())
///     .unwrap();
/// let (parts, ()) = request.into_parts();
///
/// let credentials = HttpCredentials::extract(&parts, &config).unwrap().expect("ours");
/// assert_eq!(credentials.scheme(), "SCRAM-SHA-256");
/// assert_eq!(credentials.token68(), None);
/// let params = credentials.params().expect("auth-params");
/// assert_eq!(params.get("realm"), Some("x"));
///
/// // The missing-credentials challenge: the scheme title-cased, as FastAPI sends it.
/// assert_eq!(HttpCredentials::missing(&config).challenges()[0], "Scram-Sha-256");
/// ```
#[derive(Clone)]
pub struct HttpCredentials {
    value: HeaderValue,
    scheme_end: usize,
    start: usize,
    params: Option<AuthParams>,
}

impl HttpCredentials {
    fn text(&self, range: std::ops::Range<usize>) -> &str {
        // The whole value was validated as UTF-8 at extraction; the ranges end at ASCII.
        super::parse::utf8(self.value.as_bytes().get(range).unwrap_or_default()).unwrap_or_default()
    }

    /// The scheme word as sent (its case may differ from the configured one).
    pub fn scheme(&self) -> &str {
        self.text(0..self.scheme_end)
    }

    /// The raw credentials after the scheme word and its spaces. Compare them with
    /// [`matches`](Self::matches), which runs in constant time.
    pub fn credentials(&self) -> &str {
        self.text(self.start..self.value.len())
    }

    /// Whether the raw [`credentials`](Self::credentials) equal `expected`, in time
    /// independent of where they differ (only the length can leak). The comparison is byte
    /// for byte: auth-params are compared as sent, spacing and quoting included.
    ///
    /// ```
    /// use authscheme::credentials::{Credentials, HttpConfig, HttpCredentials};
    ///
    /// let config = HttpConfig::new("token", "Token");
    /// let request = http::Request::get("/")
    ///     .header("authorization", "Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b")
    ///     .body(())
    ///     .unwrap();
    /// let (parts, ()) = request.into_parts();
    /// let credentials = HttpCredentials::extract(&parts, &config).unwrap().expect("ours");
    ///
    /// assert!(credentials.matches("9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b"));
    /// assert!(!credentials.matches("9944b09199c62bcf9418ad846dd0e4bbdfc6ee4c"));
    /// assert!(!credentials.matches("Token 9944b09199c62bcf9418ad846dd0e4bbdfc6ee4b"), "no scheme word");
    /// ```
    pub fn matches(&self, expected: &str) -> bool {
        self.credentials()
            .as_bytes()
            .ct_eq(expected.as_bytes())
            .into()
    }

    /// The credentials when they are a `token68`.
    pub fn token68(&self) -> Option<&str> {
        self.params.is_none().then(|| self.credentials())
    }

    /// The credentials when they are auth-params.
    pub fn params(&self) -> Option<&AuthParams> {
        self.params.as_ref()
    }
}

impl fmt::Debug for HttpCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HttpCredentials")
            .field("scheme", &self.scheme())
            .field("credentials", &super::parse::Redacted)
            .finish()
    }
}

impl fmt::Display for HttpCredentials {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{} [redacted]", self.scheme())
    }
}

/// The configured challenge; for a configuration whose `challenge` was set after `new` to one
/// that cannot be sent, the scheme word as it is.
fn challenge(config: &HttpConfig) -> HeaderValue {
    challenge::configured(config.challenge)
        .or_else(|| HeaderValue::from_str(config.scheme).ok())
        .unwrap_or(HeaderValue::from_static("Unknown"))
}

impl Credentials for HttpCredentials {
    type Config = HttpConfig;

    fn extract(parts: &Parts, config: &HttpConfig) -> Result<Option<Self>, Rejection> {
        let Some(value) = parts.headers.get(&http::header::AUTHORIZATION) else {
            return Ok(None);
        };
        let bytes = value.as_bytes();
        let malformed = || Rejection::malformed(challenge(config));
        let start = match match_scheme(bytes, config.scheme) {
            SchemeMatch::NotOurs => return Ok(None),
            SchemeMatch::Malformed => return Err(malformed()),
            SchemeMatch::Ours(start) => start,
        };
        let credentials = &bytes[start..];
        if super::parse::utf8(bytes).is_none() {
            return Err(malformed());
        }
        let params = if is_token68(credentials) {
            None
        } else {
            Some(parse_auth_params(credentials).map_err(|_| malformed())?)
        };
        Ok(Some(Self {
            value: value.clone(),
            scheme_end: config.scheme.len(),
            start,
            params,
        }))
    }

    fn missing(config: &HttpConfig) -> Rejection {
        Rejection::not_authenticated(challenge(config))
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const DPOP: HttpConfig = HttpConfig::new("dpop", "DPoP");

    fn extract(authorization: Option<&str>) -> Result<Option<HttpCredentials>, Rejection> {
        let mut request = http::Request::get("/");
        if let Some(value) = authorization {
            request = request.header("authorization", value);
        }
        let (parts, ()) = request.body(()).expect("a request").into_parts();
        HttpCredentials::extract(&parts, &DPOP)
    }

    #[test]
    fn a_token68_is_read_with_its_scheme_as_sent() {
        let credentials = extract(Some("DPoP abc.def-ghi=="))
            .expect("well-formed")
            .expect("ours");
        assert_eq!(credentials.scheme(), "DPoP");
        assert_eq!(credentials.credentials(), "abc.def-ghi==");
        assert_eq!(credentials.token68(), Some("abc.def-ghi=="));
        assert!(credentials.params().is_none());
        assert!(credentials.matches("abc.def-ghi=="));
        assert!(!credentials.matches("abc.def-ghi="));
        assert_eq!(
            format!("{credentials:?}"),
            r#"HttpCredentials { scheme: "DPoP", credentials: [redacted] }"#
        );
        assert_eq!(credentials.to_string(), "DPoP [redacted]");
    }

    #[test]
    fn auth_params_are_parsed() {
        let credentials = extract(Some(r#"dpop  a=1, b="two""#))
            .expect("well-formed")
            .expect("ours");
        assert_eq!(credentials.scheme(), "dpop");
        assert_eq!(credentials.credentials(), r#"a=1, b="two""#);
        assert_eq!(credentials.token68(), None);
        let params = credentials.params().expect("auth-params");
        assert_eq!((params.get("a"), params.get("b")), (Some("1"), Some("two")));
    }

    #[test]
    fn other_schemes_are_not_ours_and_broken_ones_are_malformed() {
        assert!(extract(None).expect("absent").is_none());
        assert!(extract(Some("Bearer abc")).expect("not ours").is_none());
        for broken in ["DPoP a b", "DPoP,abc", "DPoP \"x"] {
            let rejection = extract(Some(broken)).expect_err(broken);
            assert_eq!(rejection.status(), 401, "{broken}");
            assert_eq!(rejection.challenges()[0], "DPoP", "{broken}");
        }
        let non_utf8 = HeaderValue::from_bytes(b"DPoP a=\"\xff\"").expect("obs-text");
        let mut request = http::Request::new(());
        request.headers_mut().insert("authorization", non_utf8);
        assert!(HttpCredentials::extract(&request.into_parts().0, &DPOP).is_err());
        assert_eq!(HttpCredentials::missing(&DPOP).challenges()[0], "DPoP");
    }
}
