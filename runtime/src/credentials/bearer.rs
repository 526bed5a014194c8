//! `Authorization: Bearer <b64token>` (RFC 6750 §2.1).

use std::borrow::Cow;
use std::fmt;

use http::request::Parts;
use subtle::ConstantTimeEq;

use super::parse::{SchemeMatch, match_scheme};
use super::token68::Token68;
use super::{Credentials, challenge};
use crate::Rejection;

/// A bearer token (`Authorization: Bearer <token>`): the credentials of `http` bearer,
/// `oauth2` and `openIdConnect` schemes.
///
/// The token is an RFC 6750 `b64token` (`^[A-Za-z0-9\-._~+/]+=*$`), never empty. It is kept
/// inside the request's `HeaderValue`, so extracting it costs a reference-count increment,
/// not a copy. `Debug` and `Display` never show it; compare it with
/// [`matches`](Self::matches), which runs in constant time.
///
/// ```
/// use authscheme::credentials::{BearerToken, Credentials};
///
/// let request = http::Request::get("/items")
///     .header("authorization", "bearer mF_9.B5f-4.1JqM")
///     .body(())
///     .unwrap();
/// let (parts, ()) = request.into_parts();
///
/// let token = BearerToken::extract(&parts, &()).unwrap().expect("a bearer token");
/// assert_eq!(token.token(), "mF_9.B5f-4.1JqM");
/// assert!(token.matches("mF_9.B5f-4.1JqM"));
/// assert!(!format!("{token:?}").contains("mF_9"));
///
/// // Another scheme: no bearer token here (`Option<Auth<S>>` is `None`).
/// let request = http::Request::get("/").header("authorization", "Basic dTpw").body(()).unwrap();
/// assert!(BearerToken::extract(&request.into_parts().0, &()).unwrap().is_none());
///
/// // A malformed one: 401 with the `Bearer` challenge.
/// let request = http::Request::get("/").header("authorization", "Bearer a b").body(()).unwrap();
/// let rejection = BearerToken::extract(&request.into_parts().0, &()).unwrap_err();
/// assert_eq!(rejection.challenges()[0], "Bearer");
/// ```
#[derive(Clone)]
pub struct BearerToken {
    token: Token68,
}

impl BearerToken {
    /// The token, without the scheme word.
    pub fn token(&self) -> &str {
        self.token.as_str()
    }

    /// The token's bytes.
    pub fn as_bytes(&self) -> &[u8] {
        self.token.as_bytes()
    }

    /// Whether the token equals `expected`, in time independent of where they differ (only
    /// the length can leak).
    pub fn matches(&self, expected: &str) -> bool {
        self.as_bytes().ct_eq(expected.as_bytes()).into()
    }
}

impl fmt::Debug for BearerToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("BearerToken")
            .field("token", &super::parse::Redacted)
            .finish()
    }
}

impl fmt::Display for BearerToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("Bearer [redacted]")
    }
}

impl Credentials for BearerToken {
    type Config = ();

    #[inline]
    fn extract(parts: &Parts, (): &()) -> Result<Option<Self>, Rejection> {
        let Some(value) = parts.headers.get(&http::header::AUTHORIZATION) else {
            return Ok(None);
        };
        match match_scheme(value.as_bytes(), "bearer") {
            SchemeMatch::NotOurs => Ok(None),
            SchemeMatch::Ours(start) => match Token68::find(value, start) {
                Some(token) => Ok(Some(Self { token })),
                None => Err(Rejection::fixed(&challenge::malformed::BEARER)),
            },
            SchemeMatch::Malformed => Err(Rejection::fixed(&challenge::malformed::BEARER)),
        }
    }

    fn missing((): &()) -> Rejection {
        Rejection::fixed(&challenge::missing::BEARER)
    }

    /// 401 with `WWW-Authenticate: Bearer error="invalid_token"` (RFC 6750 §3.1).
    fn invalid((): &(), detail: impl Into<Cow<'static, str>>) -> Rejection {
        Rejection::invalid_token(detail)
    }
}
