//! Why a request was refused, and the response it gets.

use std::borrow::Cow;

use http::{HeaderValue, StatusCode, header};

/// A refused request: a status, the `WWW-Authenticate` challenges and a `detail` message,
/// answered as `{"detail": "..."}` like FastAPI's `HTTPException`.
///
/// The detail never contains a credential; it is either a fixed message of this crate
/// (`Not authenticated`, `Not enough permissions`) or one the application chose.
///
/// ```
/// use authscheme::Rejection;
/// use http::{HeaderValue, StatusCode};
///
/// let rejection = Rejection::not_authenticated(HeaderValue::from_static("Bearer"));
/// assert_eq!(rejection.status(), StatusCode::UNAUTHORIZED);
/// assert_eq!(rejection.detail(), "Not authenticated");
///
/// let response = rejection.into_response();
/// assert_eq!(response.headers()["www-authenticate"], "Bearer");
/// assert_eq!(response.body(), r#"{"detail":"Not authenticated"}"#);
/// ```
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Rejection {
    status: StatusCode,
    challenges: Vec<HeaderValue>,
    detail: Cow<'static, str>,
}

impl Rejection {
    /// FastAPI's detail for missing or malformed credentials.
    pub const NOT_AUTHENTICATED: &'static str = "Not authenticated";
    /// FastAPI tutorial's detail for insufficient scopes.
    pub const NOT_ENOUGH_PERMISSIONS: &'static str = "Not enough permissions";

    /// A rejection with the given status, challenges and detail.
    pub fn new(
        status: StatusCode,
        challenges: Vec<HeaderValue>,
        detail: impl Into<Cow<'static, str>>,
    ) -> Self {
        Self {
            status,
            challenges,
            detail: detail.into(),
        }
    }

    /// 401 `Not authenticated` with one challenge: credentials missing or malformed.
    pub fn not_authenticated(challenge: HeaderValue) -> Self {
        Self::new(
            StatusCode::UNAUTHORIZED,
            vec![challenge],
            Self::NOT_AUTHENTICATED,
        )
    }

    /// The HTTP status.
    pub fn status(&self) -> StatusCode {
        self.status
    }

    /// The `WWW-Authenticate` challenges, one field line each.
    pub fn challenges(&self) -> &[HeaderValue] {
        &self.challenges
    }

    /// The `detail` message.
    pub fn detail(&self) -> &str {
        &self.detail
    }

    /// Replaces the detail message, keeping status and challenges.
    #[must_use]
    pub fn with_detail(mut self, detail: impl Into<Cow<'static, str>>) -> Self {
        self.detail = detail.into();
        self
    }

    /// Adds the challenges of `other` after this one's (for alternatives that all failed).
    #[must_use]
    pub fn with_challenges_of(mut self, other: &Self) -> Self {
        for challenge in &other.challenges {
            if !self.challenges.contains(challenge) {
                self.challenges.push(challenge.clone());
            }
        }
        self
    }

    /// The JSON body, `{"detail":"..."}`.
    pub fn body(&self) -> String {
        serde_json::json!({ "detail": self.detail }).to_string()
    }

    /// The response: status, `WWW-Authenticate` lines, `content-type: application/json` and
    /// the JSON body.
    pub fn into_response(self) -> http::Response<String> {
        let body = self.body();
        let mut response = http::Response::new(body);
        *response.status_mut() = self.status;
        let headers = response.headers_mut();
        for challenge in self.challenges {
            headers.append(header::WWW_AUTHENTICATE, challenge);
        }
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        response
    }
}

impl std::fmt::Display for Rejection {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.status, self.detail)
    }
}

impl std::error::Error for Rejection {}
