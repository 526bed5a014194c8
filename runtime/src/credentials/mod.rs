//! Credentials: what a request carries for a scheme, and how to find it.
//!
//! Each credential type implements [`Credentials`]: given the request head and the
//! scheme's `'static` configuration ([`Credentials::Config`]), it finds and parses its
//! credentials strictly (RFC 9110 §11, RFC 6750, RFC 7617, RFC 7616, RFC 6265), returning
//!
//! * `Ok(None)` when the request carries no credentials for the scheme: no header, an empty
//!   one, another scheme word, an empty API key (so that `Option<Auth<S>>` can be `None`);
//! * `Ok(Some(credentials))` when it carries well-formed ones;
//! * `Err(rejection)` when it carries malformed ones: 401, the scheme's challenge and
//!   `{"detail":"Not authenticated"}`, whether the credentials are required or optional.
//!
//! | type | schemes | config | challenge |
//! |---|---|---|---|
//! | [`BearerToken`] | `http` bearer, `oauth2`, `openIdConnect` | `()` | `Bearer` |
//! | [`BasicCredentials`] | `http` basic | [`BasicConfig`] | `Basic` or `Basic realm="R"` |
//! | [`DigestCredentials`] | `http` digest | `()` | `Digest` |
//! | [`HttpCredentials`] | any other `http` scheme | [`HttpConfig`] | the scheme word, title-cased |
//! | [`ApiKey`] | `apiKey` in header, query or cookie | [`ApiKeyConfig`] | `APIKey` |
//! | [`ClientCertificate`] | `mutualTLS` | `()` | `MutualTLS` |
//!
//! Nothing in a request can make extraction panic (property-tested over arbitrary bytes and
//! fuzzed). No credential type prints its secret in `Debug` or `Display`, none that holds a
//! secret implements `PartialEq` (whose `==` stops at the first differing byte), and each
//! secret has a constant-time comparison ([`BearerToken::matches`], [`BasicCredentials::matches`],
//! [`BasicCredentials::password_matches`], [`DigestCredentials::response_matches`],
//! [`HttpCredentials::matches`], [`ApiKey::matches`]).
//!
//! # The `Authorization` header
//!
//! * The **first** `Authorization` field line counts, as in FastAPI (Starlette's
//!   `headers.get`); an empty first line is "no credentials".
//! * `credentials = auth-scheme [ 1*SP ( token68 / #auth-param ) ]` (RFC 9110 §11.4): the
//!   scheme word is a `token` compared case-insensitively; **one or more SP** separate it
//!   from the credentials. Our scheme word followed by anything else (a tab, a comma) is
//!   malformed. The parsers strip nothing from the value they are given: a `token68`
//!   (Bearer, Basic) followed by a space or a tab is malformed; an auth-param list (Digest, a
//!   custom scheme) may have `OWS` around its commas and at its end.
//! * The scheme word must be the whole `token` at the start: `Bearerabc` is another scheme
//!   (`Ok(None)`), and so is a value starting with a space (no scheme word at all).
//! * **What the parsers are given.** A field value has no leading or trailing whitespace
//!   (RFC 9110 §5.5), and for HTTP/1.1 hyper, hence axum, removes the spaces and tabs
//!   around it while it parses the request, before any of this code runs: the field lines
//!   `Authorization: Bearer abc ` (a space at the end) and `Authorization:   Bearer abc`
//!   both arrive as `Bearer abc` and are accepted. The two rules above decide only for
//!   values that keep such whitespace: a `HeaderValue` built by hand (a test, a layer that
//!   rewrites headers), and HTTP/2 requests, whose values hyper's `h2` passes on as sent
//!   (RFC 9113 §8.2.1 calls them malformed). The same holds for API keys in a header.
//!
//! # Where we are stricter than, or differ from, FastAPI 0.163
//!
//! Quotes are from `fastapi-behaviour.md`, which records what FastAPI 0.163.2 does.
//!
//! 1. **Separator and whitespace.** FastAPI splits "on the **first ASCII space only**. A TAB
//!    or NBSP (0xA0) separator means no split" and then applies Python's `strip()` to the
//!    rest ("`"Bearer abc\xa0"`, `"Bearer abc\x1f"`, `"Bearer \x85abc"` → `abc`"). We take
//!    `1*SP` and strip nothing from the value we are given: `Bearer\tabc` is malformed (401
//!    even for an optional scheme) where FastAPI treats it as another scheme, and
//!    `Bearer abc\xa0` is malformed where FastAPI strips the NBSP. `Bearer abc ` is malformed
//!    to the parser too, but over HTTP/1.1 it never reaches it: hyper has already removed the
//!    trailing space (see *What the parsers are given* above), so that request is accepted,
//!    as in FastAPI.
//! 2. **Bearer token syntax.** FastAPI accepts any text ("inner spaces kept:
//!    `"Bearer abc def"` → `abc def`"). We require an RFC 6750 `b64token`
//!    (`^[A-Za-z0-9\-._~+/]+=*$`): spaces, commas, quotes and non-ASCII bytes are 401.
//! 3. **Empty bearer token.** FastAPI's `OAuth2PasswordBearer`: "**`Bearer` with no token is
//!    accepted and returns `""`** (200, not 401)". We reject it (401) for every bearer-based
//!    scheme, as FastAPI's `HTTPBearer` does.
//! 4. **`OAuth2` / `OpenIdConnect` base classes** "return the whole raw header value (scheme
//!    included, not stripped) … No scheme check". Ours extract a [`BearerToken`] like
//!    `OAuth2PasswordBearer`: another scheme word is no credentials.
//! 5. **Custom `http` schemes.** FastAPI's `HTTPBase`: "**The scheme word is NOT checked at
//!    all**: `HTTPBase(scheme="custom")` accepts `Bearer x`, `Basic ...`, `Token abc`". We
//!    check it case-insensitively; another scheme word is `Ok(None)`. The credentials must
//!    be a `token68` or an `#auth-param` list.
//! 6. **Digest.** FastAPI does "No parsing of the Digest parameters". We parse them
//!    (RFC 9110 §11.2, quoted-pairs unescaped, names unique case-insensitively, values
//!    UTF-8) and require `username` (or `username*`), `realm`, `nonce`, `uri` and `response`;
//!    anything else is 401.
//! 7. **Basic base64.** FastAPI's decoder "is **non-strict**": "characters outside `A–Z a–z
//!    0–9 + /` and `=` are silently discarded", data after padding is ignored, but "missing
//!    padding … → error". Ours is strict standard base64 (RFC 4648 §4) with **optional**
//!    padding: any stray character, data after padding or non-zero trailing bits is 401, and
//!    unpadded input is accepted.
//! 8. **Basic charset.** FastAPI: "Decoded bytes must be **ASCII**: credentials encoded as
//!    UTF-8 or latin-1 (e.g. `usér:päss`) → 401 always". We decode **UTF-8**, as the design
//!    asks and RFC 7617 §2.1 recommends, so `usér:päss` is accepted; bytes that are not UTF-8
//!    are 401. FastAPI: "NUL, TAB, LF inside are fine"; we reject every control character
//!    (RFC 7617 §2: "MUST NOT contain any control characters").
//! 9. **Basic realm quoting.** FastAPI inserts the realm "verbatim, **quotes not escaped**
//!    (`realm='My "quoted" realm'` → `Basic realm="My "quoted" realm"`)". We send an RFC 9110
//!    quoted-string: `Basic realm="My \"quoted\" realm"` (`\` is escaped too; control
//!    characters, which no field value can hold, are dropped).
//! 10. **Custom scheme challenge.** FastAPI sends "`S.title()`"; so do we (`scram-sha-256` →
//!     `Scram-Sha-256`), for byte-for-byte parity: scheme words are case-insensitive, so the
//!     value is equally valid.
//! 11. **Duplicate query and cookie API keys.** FastAPI: "query → last; cookie → last". We
//!     take the **first** for both, like the header ("header → first"), so a parameter or
//!     cookie appended later cannot override the first one; RFC 6265 user agents list the
//!     most specific cookie first.
//! 12. **Query decoding.** FastAPI decodes `%XX` "as UTF-8 with `errors="replace"` (invalid →
//!     U+FFFD)". A key whose decoded bytes are not UTF-8 is 401 here. Like FastAPI, `+` is a
//!     space, names are percent-decoded, `?api_key` (no `=`) is empty, hence missing.
//! 13. **Cookie values.** FastAPI strips whitespace around values and decodes "`\ooo` octal
//!     and `\"` escapes" (`"a\054b"` → `a,b`); "a chunk without `=` becomes name `""`". We
//!     strip one pair of surrounding DQUOTEs and require RFC 6265 `cookie-octet`s: a value
//!     with a space, comma, backslash or stray quote is 401. Chunks without `=` are skipped;
//!     other cookies are never validated. Several `Cookie` lines are read in order, as if
//!     joined with `"; "` (RFC 9113 §8.2.3).
//! 14. **Header API keys and non-UTF-8.** FastAPI decodes header bytes "as **latin-1**". A
//!     header API key that is not UTF-8 is 401 here. Like FastAPI, the value is otherwise
//!     taken verbatim ("values are never stripped"), as the server hands it over (over
//!     HTTP/1.1, without the spaces and tabs around it: see *What the parsers are given*).
//! 15. **Mutual TLS** has no FastAPI counterpart. A missing client certificate is 401 with
//!     `WWW-Authenticate: MutualTLS`: every 401 must carry a challenge (RFC 9110 §15.5.2),
//!     TLS client certificates have no HTTP auth scheme, and `MutualTLS` follows FastAPI's
//!     precedent of `APIKey` for API keys. Its body is FastAPI's `{"detail":"Not
//!     authenticated"}`.
//! 16. **Verifier and scope rejections.** FastAPI adds "nothing else … to the challenge (no
//!     `scope=`, no `error=`)". [`Credentials::invalid`] for bearer tokens sends RFC 6750
//!     `Bearer error="invalid_token"`, and [`Rejection::insufficient_scope`] answers 403 with
//!     `Bearer error="insufficient_scope", scope="a b"` and `{"detail":"Not enough
//!     permissions"}` (the FastAPI tutorial's message).
//!
//! Same as FastAPI: status 401 for every missing or malformed credential, the body
//! `{"detail":"Not authenticated"}`, the challenges `Bearer`, `Basic`, `Digest`, `APIKey`;
//! malformed Basic is 401 even for an optional scheme ("**`auto_error=False` does not make
//! malformed Basic optional**"); the header API key's name is case-insensitive and its first
//! line counts; query and cookie names are case-sensitive; an empty key is missing.
//!
//! RFC 9110 §5.3 and `docs/RULES.md` R1.4/R6 suggest 400 for repeated `Authorization` or
//! API-key lines; the behaviour contract keeps FastAPI's "first line counts" instead.

use std::borrow::Cow;

use http::HeaderName;
use http::request::Parts;

use crate::openapi::ApiKeyLocation;
use crate::{Rejection, RejectionKind};

/// A kind of credentials that can be extracted from a request head.
pub trait Credentials: Sized + Send + Sync + 'static {
    /// The scheme's configuration: a `'static` value built at compile time by the derive.
    type Config: Send + Sync + 'static;

    /// Finds and parses the credentials in `parts`.
    ///
    /// # Errors
    ///
    /// A [`Rejection`] (401 with the scheme's challenge) when credentials for this scheme are
    /// present but malformed.
    fn extract(parts: &Parts, config: &Self::Config) -> Result<Option<Self>, Rejection>;

    /// The rejection for a request without (acceptable) credentials: 401 with the scheme's
    /// `WWW-Authenticate` challenge and `{"detail":"Not authenticated"}`.
    fn missing(config: &Self::Config) -> Rejection;

    /// The rejection for well-formed credentials that the application's verifier refused:
    /// 401 with the scheme's challenge (for bearer tokens, RFC 6750
    /// `Bearer error="invalid_token"`) and the application's `detail`.
    ///
    /// ```
    /// use authscheme::credentials::{BasicConfig, BasicCredentials, BearerToken, Credentials};
    ///
    /// let rejection = BearerToken::invalid(&(), "Token expired");
    /// assert_eq!(rejection.challenges()[0], r#"Bearer error="invalid_token""#);
    /// assert_eq!(rejection.body(), r#"{"detail":"Token expired"}"#);
    ///
    /// let rejection = BasicCredentials::invalid(&BasicConfig::new(None, "Basic"), "Incorrect username or password");
    /// assert_eq!(rejection.challenges()[0], "Basic");
    /// assert_eq!(rejection.status(), 401);
    /// ```
    fn invalid(config: &Self::Config, detail: impl Into<Cow<'static, str>>) -> Rejection {
        Self::missing(config)
            .with_kind(RejectionKind::InvalidCredentials)
            .with_detail(detail)
    }
}

/// Configuration of HTTP Basic: the `realm`, and the challenge that carries it.
///
/// The derive computes the challenge at compile time and writes it as a literal; a
/// configuration built by hand passes the same text: `Basic` without a realm, otherwise
/// `Basic realm="…"` with the realm as an RFC 9110 quoted-string (`"` and `\` escaped).
///
/// ```
/// use authscheme::credentials::{BasicConfig, BasicCredentials, Credentials};
///
/// const ADMIN: BasicConfig = BasicConfig::new(Some("admin"), r#"Basic realm="admin""#);
/// assert_eq!(BasicCredentials::missing(&ADMIN).challenges()[0], r#"Basic realm="admin""#);
///
/// const PLAIN: BasicConfig = BasicConfig::new(None, "Basic");
/// assert_eq!(BasicCredentials::missing(&PLAIN).challenges()[0], "Basic");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct BasicConfig {
    /// The realm, sent in the challenge as `Basic realm="…"`; `None` sends a bare `Basic`.
    pub realm: Option<&'static str>,
    /// The `WWW-Authenticate` value: `Basic` or `Basic realm="…"`.
    pub challenge: &'static str,
}

impl BasicConfig {
    /// A Basic configuration with its `challenge` (see the type's docs).
    ///
    /// # Panics
    ///
    /// When `challenge` cannot be a field value (it holds a control character other than a
    /// tab): in a `const`, as the derive writes it, that is a compile error.
    pub const fn new(realm: Option<&'static str>, challenge: &'static str) -> Self {
        assert!(
            challenge::is_field_value(challenge),
            "a challenge cannot hold control characters"
        );
        Self { realm, challenge }
    }
}

/// Configuration of a custom `http` scheme: its auth-scheme word, and the challenge of its
/// 401s.
///
/// The derive computes the challenge at compile time (the word title-cased, as FastAPI's
/// `str.title()` does: `scram-sha-256` → `Scram-Sha-256`) and writes it as a literal; a
/// configuration built by hand passes the same text.
///
/// ```
/// use authscheme::credentials::{Credentials, HttpConfig, HttpCredentials};
///
/// const SCRAM: HttpConfig = HttpConfig::new("scram-sha-256", "Scram-Sha-256");
/// assert_eq!(HttpCredentials::missing(&SCRAM).challenges()[0], "Scram-Sha-256");
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct HttpConfig {
    /// The auth-scheme word, e.g. `scram-sha-256` (compared case-insensitively).
    pub scheme: &'static str,
    /// The `WWW-Authenticate` value, e.g. `Scram-Sha-256`.
    pub challenge: &'static str,
}

impl HttpConfig {
    /// A custom-scheme configuration with its `challenge` (see the type's docs).
    ///
    /// # Panics
    ///
    /// When `challenge` cannot be a field value (it holds a control character other than a
    /// tab): in a `const`, as the derive writes it, that is a compile error.
    pub const fn new(scheme: &'static str, challenge: &'static str) -> Self {
        assert!(
            challenge::is_field_value(challenge),
            "a challenge cannot hold control characters"
        );
        Self { scheme, challenge }
    }
}

/// Configuration of an API key: where it travels and under which name.
///
/// ```
/// use authscheme::credentials::ApiKeyConfig;
/// use authscheme::openapi::ApiKeyLocation;
/// use http::HeaderName;
///
/// // What the derive writes for `#[api_key(header = "X-API-Key")]`: the name as declared, and
/// // the header's `HeaderName` built once, for the lookup.
/// const CONFIG: ApiKeyConfig = ApiKeyConfig::new(ApiKeyLocation::Header, "X-API-Key")
///     .with_header_name(|| {
///         static NAME: HeaderName = HeaderName::from_static("x-api-key");
///         &NAME
///     });
/// assert_eq!(CONFIG.name, "X-API-Key");
/// // The pre-built name is an optimisation only: configurations compare by location and name.
/// assert_eq!(CONFIG, ApiKeyConfig::new(ApiKeyLocation::Header, "X-API-Key"));
/// ```
#[derive(Clone, Copy)]
pub struct ApiKeyConfig {
    /// Header, query parameter or cookie.
    pub location: ApiKeyLocation,
    /// The header, parameter or cookie name.
    pub name: &'static str,
    /// For a header: the name as a `HeaderName`, built once (see [`Self::with_header_name`]).
    header_name: Option<fn() -> &'static HeaderName>,
}

impl ApiKeyConfig {
    /// An API-key configuration.
    pub const fn new(location: ApiKeyLocation, name: &'static str) -> Self {
        Self {
            location,
            name,
            header_name: None,
        }
    }

    /// The header's name as a [`HeaderName`] in a `static`, for a header key: `header_name`
    /// must return `name`, lowercased. Without it, each lookup parses `name` (a few
    /// nanoseconds, no allocation); with it, the name is parsed once, at compile time. The
    /// derive always sets it for header keys.
    ///
    /// (A function rather than a reference: a constant cannot refer to a `static` `HeaderName`,
    /// whose buffer type is not `Freeze`, and the configuration must be a constant.)
    #[must_use]
    pub const fn with_header_name(self, header_name: fn() -> &'static HeaderName) -> Self {
        Self {
            header_name: Some(header_name),
            ..self
        }
    }

    /// The pre-built header name, if any.
    #[inline] // so that the derive's constant function is called directly, or inlined
    pub(crate) fn header_name(&self) -> Option<&'static HeaderName> {
        self.header_name.map(|header_name| header_name())
    }
}

impl PartialEq for ApiKeyConfig {
    /// Location and name: the pre-built header name is derived from them.
    fn eq(&self, other: &Self) -> bool {
        self.location == other.location && self.name == other.name
    }
}

impl Eq for ApiKeyConfig {}

impl std::fmt::Debug for ApiKeyConfig {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("ApiKeyConfig")
            .field("location", &self.location)
            .field("name", &self.name)
            .finish_non_exhaustive()
    }
}

mod api_key;
mod basic;
mod bearer;
pub(crate) mod challenge;
mod custom;
mod digest;
mod mtls;
mod parse;
mod token68;

pub use api_key::ApiKey;
pub use basic::BasicCredentials;
pub use bearer::BearerToken;
pub use custom::HttpCredentials;
pub use digest::DigestCredentials;
pub use mtls::ClientCertificate;
pub use parse::AuthParams;

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn api_key_configs_are_equal_when_location_and_name_are() {
        let header = ApiKeyConfig::new(ApiKeyLocation::Header, "X-Key");
        assert_eq!(header, ApiKeyConfig::new(ApiKeyLocation::Header, "X-Key"));
        assert_ne!(header, ApiKeyConfig::new(ApiKeyLocation::Query, "X-Key"));
        assert_ne!(header, ApiKeyConfig::new(ApiKeyLocation::Header, "X-Other"));
        assert_ne!(header, ApiKeyConfig::new(ApiKeyLocation::Cookie, "other"));
    }

    #[test]
    fn api_key_config_debug_names_location_and_name() {
        let config = ApiKeyConfig::new(ApiKeyLocation::Cookie, "session");
        assert_eq!(
            format!("{config:?}"),
            r#"ApiKeyConfig { location: Cookie, name: "session", .. }"#
        );
    }
}
