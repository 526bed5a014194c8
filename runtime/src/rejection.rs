//! Why a request was refused, and the response it gets.

use std::borrow::Cow;
use std::fmt;

use http::{HeaderValue, StatusCode, header};

use crate::credentials::challenge;

/// Why a request was refused: the row of the behaviour contract it falls in.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
#[non_exhaustive]
pub enum RejectionKind {
    /// No credentials for the scheme (no header, another scheme word, an empty API key…):
    /// 401 with the scheme's challenge.
    Missing,
    /// Credentials for the scheme are present but malformed (bad base64, no colon, a token
    /// that is not an RFC 6750 `b64token`…): 401 with the scheme's challenge.
    Malformed,
    /// Well-formed credentials that the application's verifier rejected: 401, for bearer
    /// tokens with RFC 6750 `error="invalid_token"`.
    InvalidCredentials,
    /// Valid credentials without the required scopes: 403 with RFC 6750
    /// `error="insufficient_scope"`.
    InsufficientScope,
    /// Built by the application with [`Rejection::new`].
    Other,
}

/// The part of a rejection that is known when the crate is compiled: the answers to missing
/// or malformed credentials of the schemes whose challenge never changes. A rejection made of
/// one of these is a reference to a `static` (see `credentials::challenge`).
#[derive(Debug)]
pub(crate) struct Fixed {
    kind: RejectionKind,
    status: StatusCode,
    challenge: HeaderValue,
    detail: &'static str,
}

impl Fixed {
    /// 401 `Not authenticated` of `kind` with `challenge`.
    pub(crate) const fn unauthorized(kind: RejectionKind, challenge: HeaderValue) -> Self {
        Self {
            kind,
            status: StatusCode::UNAUTHORIZED,
            challenge,
            detail: Rejection::NOT_AUTHENTICATED,
        }
    }
}

/// Everything else: a challenge chosen at run time, several challenges, an application's
/// detail. Boxed, so that the rejection stays two words wherever it is moved.
#[derive(Clone, Debug)]
struct Built {
    kind: RejectionKind,
    status: StatusCode,
    challenges: Challenges,
    detail: Cow<'static, str>,
}

/// The `WWW-Authenticate` field lines of a [`Built`] rejection: one without a second
/// allocation, or any number.
#[derive(Clone, Debug)]
enum Challenges {
    One(HeaderValue),
    Many(Vec<HeaderValue>),
}

impl Challenges {
    fn as_slice(&self) -> &[HeaderValue] {
        match self {
            Self::One(one) => std::slice::from_ref(one),
            Self::Many(many) => many,
        }
    }
}

#[derive(Clone)]
enum Repr {
    Fixed(&'static Fixed),
    Built(Box<Built>),
}

/// A refused request: a status, the `WWW-Authenticate` challenges and a `detail` message,
/// answered as `{"detail": "..."}` like FastAPI's `HTTPException`.
///
/// The detail never contains a credential; it is either a fixed message of this crate
/// (`Not authenticated`, `Not enough permissions`) or one the application chose.
///
/// A rejection is two words, cheap to move through an extractor's future and result: the
/// answers to missing or malformed credentials of the schemes whose challenge never changes
/// (`Bearer`, `Basic` without a realm, `Digest`, `APIKey`, `MutualTLS`) are `static`s that it
/// refers to, without allocating; any other rejection (a realm's or a custom scheme's
/// challenge, an application's detail, several challenges) is one boxed allocation.
///
/// Turn it into a response with [`into_response`](Self::into_response), or read its parts
/// ([`status`](Self::status), [`challenges`](Self::challenges), [`detail`](Self::detail),
/// [`kind`](Self::kind)) to build your own.
///
/// ```
/// use authscheme::{Rejection, RejectionKind};
/// use http::{HeaderValue, StatusCode};
///
/// let rejection = Rejection::not_authenticated(HeaderValue::from_static("Bearer"));
/// assert_eq!(rejection.status(), StatusCode::UNAUTHORIZED);
/// assert_eq!(rejection.detail(), "Not authenticated");
/// assert_eq!(rejection.kind(), RejectionKind::Missing);
///
/// let response = rejection.into_response();
/// assert_eq!(response.headers()["www-authenticate"], "Bearer");
/// assert_eq!(response.headers()["content-type"], "application/json");
/// assert_eq!(response.body(), r#"{"detail":"Not authenticated"}"#);
/// ```
#[derive(Clone)]
pub struct Rejection(Repr);

impl Rejection {
    /// FastAPI's detail for missing or malformed credentials.
    pub const NOT_AUTHENTICATED: &'static str = "Not authenticated";
    /// FastAPI tutorial's detail for insufficient scopes.
    pub const NOT_ENOUGH_PERMISSIONS: &'static str = "Not enough permissions";

    /// A rejection with the given status, challenges and detail, of kind
    /// [`RejectionKind::Other`].
    ///
    /// ```
    /// use authscheme::{Rejection, RejectionKind};
    /// use http::{HeaderValue, StatusCode};
    ///
    /// let rejection = Rejection::new(StatusCode::BAD_REQUEST, vec![], "Inactive user");
    /// assert_eq!(rejection.kind(), RejectionKind::Other);
    /// assert!(rejection.challenges().is_empty());
    /// assert_eq!(rejection.body(), r#"{"detail":"Inactive user"}"#);
    /// ```
    pub fn new(
        status: StatusCode,
        challenges: Vec<HeaderValue>,
        detail: impl Into<Cow<'static, str>>,
    ) -> Self {
        Self::built(Built {
            kind: RejectionKind::Other,
            status,
            challenges: Challenges::Many(challenges),
            detail: detail.into(),
        })
    }

    fn built(built: Built) -> Self {
        Self(Repr::Built(Box::new(built)))
    }

    /// One of the crate's `static` rejections (`credentials::challenge`): no allocation.
    pub(crate) const fn fixed(fixed: &'static Fixed) -> Self {
        Self(Repr::Fixed(fixed))
    }

    fn unauthorized(kind: RejectionKind, challenge: HeaderValue) -> Self {
        Self::built(Built {
            kind,
            status: StatusCode::UNAUTHORIZED,
            challenges: Challenges::One(challenge),
            detail: Cow::Borrowed(Self::NOT_AUTHENTICATED),
        })
    }

    /// 401 `Not authenticated` with one challenge: no credentials for the scheme
    /// ([`RejectionKind::Missing`]).
    ///
    /// The credential types answer with their own rejections
    /// ([`Credentials::missing`](crate::credentials::Credentials::missing)); this one is for
    /// schemes of the application's own.
    pub fn not_authenticated(challenge: HeaderValue) -> Self {
        Self::unauthorized(RejectionKind::Missing, challenge)
    }

    /// 401 `Not authenticated` with one challenge: credentials present but malformed
    /// ([`RejectionKind::Malformed`]).
    ///
    /// ```
    /// use authscheme::{Rejection, RejectionKind};
    /// use http::HeaderValue;
    ///
    /// let rejection = Rejection::malformed(HeaderValue::from_static("Basic"));
    /// assert_eq!(rejection.kind(), RejectionKind::Malformed);
    /// assert_eq!(rejection.body(), r#"{"detail":"Not authenticated"}"#);
    /// ```
    pub fn malformed(challenge: HeaderValue) -> Self {
        Self::unauthorized(RejectionKind::Malformed, challenge)
    }

    /// 401 for well-formed credentials that the application rejects (wrong password,
    /// unknown API key…), with the scheme's `challenge` and the application's `detail`
    /// ([`RejectionKind::InvalidCredentials`]). For bearer tokens use
    /// [`invalid_token`](Self::invalid_token), or the scheme-aware
    /// [`Credentials::invalid`](crate::credentials::Credentials::invalid).
    ///
    /// ```
    /// use authscheme::Rejection;
    /// use http::HeaderValue;
    ///
    /// let rejection = Rejection::invalid_credentials(
    ///     HeaderValue::from_static("Basic"),
    ///     "Incorrect username or password",
    /// );
    /// assert_eq!(rejection.status(), 401);
    /// assert_eq!(rejection.body(), r#"{"detail":"Incorrect username or password"}"#);
    /// ```
    pub fn invalid_credentials(
        challenge: HeaderValue,
        detail: impl Into<Cow<'static, str>>,
    ) -> Self {
        Self::built(Built {
            kind: RejectionKind::InvalidCredentials,
            status: StatusCode::UNAUTHORIZED,
            challenges: Challenges::One(challenge),
            detail: detail.into(),
        })
    }

    /// 401 for a bearer token the verifier rejects (expired, revoked, unknown…):
    /// `WWW-Authenticate: Bearer error="invalid_token"` (RFC 6750 §3.1) and the
    /// application's `detail` in the body.
    ///
    /// ```
    /// use authscheme::{Rejection, RejectionKind};
    ///
    /// let rejection = Rejection::invalid_token("Could not validate credentials");
    /// assert_eq!(rejection.kind(), RejectionKind::InvalidCredentials);
    /// assert_eq!(rejection.challenges()[0], r#"Bearer error="invalid_token""#);
    /// assert_eq!(rejection.body(), r#"{"detail":"Could not validate credentials"}"#);
    /// ```
    pub fn invalid_token(detail: impl Into<Cow<'static, str>>) -> Self {
        Self::invalid_credentials(challenge::INVALID_TOKEN, detail)
    }

    /// Like [`invalid_token`](Self::invalid_token), with an `error_description` for the
    /// developer of the client. The description is sanitized to the RFC 6750 charset
    /// (`%x20-21 / %x23-5B / %x5D-7E`: printable ASCII without `"` and `\`); other
    /// characters are dropped, and an empty result omits the parameter.
    ///
    /// ```
    /// use authscheme::Rejection;
    ///
    /// let rejection = Rejection::invalid_token_with_description(
    ///     "Token expired",
    ///     "The access token \"abc\" expired",
    /// );
    /// assert_eq!(
    ///     rejection.challenges()[0],
    ///     r#"Bearer error="invalid_token", error_description="The access token abc expired""#
    /// );
    /// ```
    pub fn invalid_token_with_description(
        detail: impl Into<Cow<'static, str>>,
        description: &str,
    ) -> Self {
        let description: String = description
            .chars()
            .filter(|&c| matches!(c, '\x20'..='\x21' | '\x23'..='\x5b' | '\x5d'..='\x7e'))
            .collect();
        if description.is_empty() {
            return Self::invalid_token(detail);
        }
        let value = format!(r#"Bearer error="invalid_token", error_description="{description}""#);
        let challenge = HeaderValue::from_str(&value).unwrap_or(challenge::INVALID_TOKEN);
        Self::invalid_credentials(challenge, detail)
    }

    /// 403 `Not enough permissions` with
    /// `WWW-Authenticate: Bearer error="insufficient_scope", scope="a b"` (RFC 6750 §3.1):
    /// `scopes` are the scopes needed to access the resource. Names that are not RFC 6749
    /// scope-tokens are left out; no names omits the `scope` parameter.
    ///
    /// ```
    /// use authscheme::{Rejection, RejectionKind};
    ///
    /// let rejection = Rejection::insufficient_scope(["items:read", "items:write"]);
    /// assert_eq!(rejection.status(), 403);
    /// assert_eq!(rejection.kind(), RejectionKind::InsufficientScope);
    /// assert_eq!(
    ///     rejection.challenges()[0],
    ///     r#"Bearer error="insufficient_scope", scope="items:read items:write""#
    /// );
    /// assert_eq!(rejection.body(), r#"{"detail":"Not enough permissions"}"#);
    /// ```
    pub fn insufficient_scope<'a>(scopes: impl IntoIterator<Item = &'a str>) -> Self {
        let mut value = String::from(r#"Bearer error="insufficient_scope""#);
        let mut first = true;
        for scope in scopes {
            // Only an RFC 6749 scope-token can be sent; the derive checks declared scopes with
            // the same rule.
            if authscheme_grammar::text::scope_token_problem(scope).is_some() {
                continue;
            }
            value.push_str(if first { r#", scope=""# } else { " " });
            value.push_str(scope);
            first = false;
        }
        if !first {
            value.push('"');
        }
        let challenge = HeaderValue::from_str(&value).unwrap_or(HeaderValue::from_static(
            r#"Bearer error="insufficient_scope""#,
        ));
        Self::built(Built {
            kind: RejectionKind::InsufficientScope,
            status: StatusCode::FORBIDDEN,
            challenges: Challenges::One(challenge),
            detail: Cow::Borrowed(Self::NOT_ENOUGH_PERMISSIONS),
        })
    }

    /// Why the request was refused.
    pub fn kind(&self) -> RejectionKind {
        match &self.0 {
            Repr::Fixed(fixed) => fixed.kind,
            Repr::Built(built) => built.kind,
        }
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        match &self.0 {
            Repr::Fixed(fixed) => fixed.status,
            Repr::Built(built) => built.status,
        }
    }

    /// The `WWW-Authenticate` challenges, one field line each.
    pub fn challenges(&self) -> &[HeaderValue] {
        match &self.0 {
            Repr::Fixed(fixed) => std::slice::from_ref(&fixed.challenge),
            Repr::Built(built) => built.challenges.as_slice(),
        }
    }

    /// The `detail` message.
    pub fn detail(&self) -> &str {
        match &self.0 {
            Repr::Fixed(fixed) => fixed.detail,
            Repr::Built(built) => &built.detail,
        }
    }

    /// The rejection as a [`Built`] one, to change. Boxed: a built rejection hands its own box
    /// back, without allocating again.
    #[allow(clippy::unnecessary_box_returns)]
    fn into_built(self) -> Box<Built> {
        match self.0 {
            Repr::Fixed(fixed) => Box::new(Built {
                kind: fixed.kind,
                status: fixed.status,
                challenges: Challenges::One(fixed.challenge.clone()),
                detail: Cow::Borrowed(fixed.detail),
            }),
            Repr::Built(built) => built,
        }
    }

    /// Replaces the detail message, keeping status and challenges.
    #[must_use]
    pub fn with_detail(self, detail: impl Into<Cow<'static, str>>) -> Self {
        let mut built = self.into_built();
        built.detail = detail.into();
        Self(Repr::Built(built))
    }

    /// Replaces the kind, keeping everything else.
    #[must_use]
    pub(crate) fn with_kind(self, kind: RejectionKind) -> Self {
        let mut built = self.into_built();
        built.kind = kind;
        Self(Repr::Built(built))
    }

    /// Adds the challenges of `other` after this one's (for alternatives that all failed).
    #[must_use]
    pub fn with_challenges_of(self, other: &Self) -> Self {
        let added: Vec<&HeaderValue> = other
            .challenges()
            .iter()
            .filter(|challenge| !self.challenges().contains(challenge))
            .collect();
        if added.is_empty() {
            return self;
        }
        let mut built = self.into_built();
        let mut challenges = match built.challenges {
            Challenges::One(one) => vec![one],
            Challenges::Many(many) => many,
        };
        for challenge in added {
            // `other` may repeat a challenge too.
            if !challenges.contains(challenge) {
                challenges.push(challenge.clone());
            }
        }
        built.challenges = Challenges::Many(challenges);
        Self(Repr::Built(built))
    }

    /// The JSON body, `{"detail":"..."}`.
    pub fn body(&self) -> String {
        match self.detail() {
            Self::NOT_AUTHENTICATED => r#"{"detail":"Not authenticated"}"#.to_owned(),
            Self::NOT_ENOUGH_PERMISSIONS => r#"{"detail":"Not enough permissions"}"#.to_owned(),
            detail => serde_json::json!({ "detail": detail }).to_string(),
        }
    }

    /// The response: status, `WWW-Authenticate` lines, `content-type: application/json` and
    /// the JSON body.
    pub fn into_response(self) -> http::Response<String> {
        let mut response = http::Response::new(self.body());
        *response.status_mut() = self.status();
        let headers = response.headers_mut();
        match self.0 {
            Repr::Fixed(fixed) => {
                headers.insert(header::WWW_AUTHENTICATE, fixed.challenge.clone());
            }
            Repr::Built(built) => match built.challenges {
                Challenges::One(one) => {
                    headers.insert(header::WWW_AUTHENTICATE, one);
                }
                Challenges::Many(many) => {
                    for challenge in many {
                        headers.append(header::WWW_AUTHENTICATE, challenge);
                    }
                }
            },
        }
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        response
    }
}

impl PartialEq for Rejection {
    fn eq(&self, other: &Self) -> bool {
        self.kind() == other.kind()
            && self.status() == other.status()
            && self.challenges() == other.challenges()
            && self.detail() == other.detail()
    }
}

impl Eq for Rejection {}

impl fmt::Debug for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("Rejection")
            .field("kind", &self.kind())
            .field("status", &self.status())
            .field("challenges", &self.challenges())
            .field("detail", &self.detail())
            .finish()
    }
}

impl fmt::Display for Rejection {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "{}: {}", self.status(), self.detail())
    }
}

impl std::error::Error for Rejection {}

#[cfg(test)]
mod tests {
    use super::*;

    /// The `WWW-Authenticate` lines of the response, in order.
    fn www_authenticate(rejection: Rejection) -> Vec<HeaderValue> {
        let response = rejection.into_response();
        response
            .headers()
            .get_all(header::WWW_AUTHENTICATE)
            .iter()
            .cloned()
            .collect()
    }

    /// The rejections that are a reference to a `static` behave like the ones built with
    /// `not_authenticated`: equal, answered alike, merged alike.
    #[test]
    fn fixed_rejections_behave_like_built_ones() {
        let constant = Rejection::fixed(&challenge::missing::BEARER);
        let built = Rejection::not_authenticated(HeaderValue::from_static("Bearer"));
        assert_eq!(constant, built);
        assert_eq!(format!("{constant:?}"), format!("{built:?}"));
        let response = constant.clone().into_response();
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
        assert_eq!(response.headers()[header::WWW_AUTHENTICATE], "Bearer");
        assert_eq!(response.body(), r#"{"detail":"Not authenticated"}"#);
        let merged = constant.with_challenges_of(&Rejection::fixed(&challenge::missing::API_KEY));
        assert_eq!(merged.challenges(), ["Bearer", "APIKey"]);
        assert_eq!(www_authenticate(merged), ["Bearer", "APIKey"]);
        let invalid = Rejection::fixed(&challenge::missing::BEARER)
            .with_kind(RejectionKind::InvalidCredentials)
            .with_detail("Expired");
        assert_eq!(invalid.kind(), RejectionKind::InvalidCredentials);
        assert_eq!(invalid.challenges(), ["Bearer"]);
        assert_eq!(invalid.body(), r#"{"detail":"Expired"}"#);
    }

    /// Two words (a reference to a `static`, or a box), so that moving one through the
    /// extractors' futures and results costs little; and a `Result` of one takes no more room
    /// than the rejection itself.
    #[test]
    fn a_rejection_is_two_words() {
        assert_eq!(size_of::<Rejection>(), 2 * size_of::<usize>());
        assert_eq!(size_of::<Result<(), Rejection>>(), size_of::<Rejection>());
    }

    /// A clone owns its own copies of several challenges, and dropping one leaves the other
    /// whole.
    #[test]
    fn many_challenges_clone_and_drop_independently() {
        let many = Rejection::new(
            StatusCode::UNAUTHORIZED,
            vec![
                HeaderValue::from_str("Bearer").expect("valid"),
                HeaderValue::from_str("Basic realm=\"R\"").expect("valid"),
            ],
            "No",
        );
        let copy = many.clone();
        drop(many);
        assert_eq!(copy.challenges(), ["Bearer", r#"Basic realm="R""#]);
        let merged = copy
            .clone()
            .with_challenges_of(&Rejection::fixed(&challenge::missing::API_KEY));
        drop(copy);
        assert_eq!(
            www_authenticate(merged),
            ["Bearer", r#"Basic realm="R""#, "APIKey"]
        );
    }

    #[test]
    fn challenges_merge_without_duplicates() {
        let merged = Rejection::not_authenticated(challenge::BEARER)
            .with_challenges_of(&Rejection::not_authenticated(challenge::API_KEY))
            .with_challenges_of(&Rejection::not_authenticated(challenge::BEARER));
        assert_eq!(merged.challenges(), [challenge::BEARER, challenge::API_KEY]);
        assert_eq!(www_authenticate(merged), ["Bearer", "APIKey"]);
    }

    #[test]
    fn application_detail_is_json_escaped() {
        let rejection = Rejection::invalid_token("say \"hi\"");
        assert_eq!(rejection.body(), r#"{"detail":"say \"hi\""}"#);
    }

    #[test]
    fn insufficient_scope_skips_bad_names() {
        let rejection = Rejection::insufficient_scope(["a\"b", "", "ok"]);
        assert_eq!(
            rejection.challenges()[0],
            r#"Bearer error="insufficient_scope", scope="ok""#
        );
        let rejection = Rejection::insufficient_scope([]);
        assert_eq!(
            rejection.challenges()[0],
            r#"Bearer error="insufficient_scope""#
        );
    }
}
