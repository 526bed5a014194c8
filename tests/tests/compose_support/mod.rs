//! Schemes, verifiers and request helpers shared by the `compose_*` and `axum_*` tests.
//!
//! The schemes are declared with `#[derive(SecurityScheme)]` and the required scopes built
//! with `scopes!`, as an application would.

#![allow(dead_code, reason = "each test file uses a part of the support module")]

use authscheme::credentials::{ApiKey, BasicCredentials, BearerToken};
use authscheme::verify::{Grant, Verifier, VerifyError};
use authscheme::{Rejection, ScopeSet, SecurityScheme, scopes};
use http::StatusCode;
use http::request::Parts;

/// Password flow with three scopes (FastAPI's `OAuth2PasswordBearer`).
#[derive(SecurityScheme)]
#[oauth2(
    token_url = "/token",
    scopes("items:read" = "Read items", "items:write" = "Create items", "admin" = "Everything")
)]
pub(crate) struct Items;

/// A JWT bearer token.
#[derive(SecurityScheme)]
#[http(bearer, format = "JWT")]
pub(crate) struct Jwt;

/// HTTP Basic with a realm and one role.
#[derive(SecurityScheme)]
#[http(basic, realm = "admin", roles("reports"))]
pub(crate) struct Admin;

/// An API key in a header, with one role.
#[derive(SecurityScheme)]
#[api_key(header = "X-API-Key", roles("ops"))]
pub(crate) struct Key;

/// An API key in the query.
#[derive(SecurityScheme)]
#[api_key(query = "tenant")]
pub(crate) struct Tenant;

/// An API key in the `Authorization` header (RULES CT-C6).
#[derive(SecurityScheme)]
#[api_key(header = "AUTHORIZATION")]
pub(crate) struct LegacyKey;

/// A custom `http` scheme.
#[derive(SecurityScheme)]
#[http(scheme = "scram-sha-256")]
pub(crate) struct Scram;

/// `items:read`.
pub(crate) type ItemsRead = scopes!(Items: "items:read");
/// `items:read items:write`.
pub(crate) type ItemsReadWrite = scopes!(Items: "items:read", "items:write");
/// The `reports` role of `Admin`.
pub(crate) type Reports = scopes!(Admin: "reports");
/// The `ops` role of `Key`.
pub(crate) type Ops = scopes!(Key: "ops");

/// Bearer tokens of the tests: `reader` (items:read), `writer` (items:read items:write),
/// `root` (every scope), `expired`, `inactive`; anything else is unknown.
#[derive(Clone, Debug)]
pub(crate) struct Tokens;

impl Verifier<Items> for Tokens {
    type Principal = String;

    async fn verify(
        &self,
        token: &BearerToken,
        _parts: &Parts,
    ) -> Result<Grant<Items, String>, VerifyError> {
        let scopes = match token.token() {
            "reader" => "items:read",
            "writer" => "items:read items:write",
            "root" => "items:read items:write admin",
            "expired" => return Err(VerifyError::invalid("Token expired")),
            "inactive" => {
                return Err(VerifyError::reject(Rejection::new(
                    StatusCode::BAD_REQUEST,
                    Vec::new(),
                    "Inactive user",
                )));
            }
            _ => return Err(VerifyError::default()),
        };
        Ok(Grant::new(
            token.token().to_owned(),
            ScopeSet::from_names(scopes.split(' ')),
        ))
    }
}

/// Basic users: `boss:pw` holds `reports`, `clerk:pw` nothing; other passwords are wrong.
#[derive(Clone, Debug)]
pub(crate) struct Users;

impl Verifier<Admin> for Users {
    type Principal = String;

    async fn verify(
        &self,
        credentials: &BasicCredentials,
        _parts: &Parts,
    ) -> Result<Grant<Admin, String>, VerifyError> {
        if !credentials.password_matches("pw") {
            return Err(VerifyError::invalid("Incorrect username or password"));
        }
        let scopes = match credentials.username() {
            "boss" => ScopeSet::from_names(["reports"]),
            "clerk" => ScopeSet::EMPTY,
            _ => return Err(VerifyError::invalid("Incorrect username or password")),
        };
        Ok(Grant::new(credentials.username().to_owned(), scopes))
    }
}

/// API keys: `ops-key` holds `ops`, `plain-key` nothing.
#[derive(Clone, Debug)]
pub(crate) struct Keys;

impl Verifier<Key> for Keys {
    type Principal = &'static str;

    async fn verify(
        &self,
        key: &ApiKey,
        _parts: &Parts,
    ) -> Result<Grant<Key, &'static str>, VerifyError> {
        if key.matches("ops-key") {
            Ok(Grant::new("ops", ScopeSet::from_names(["ops"])))
        } else if key.matches("plain-key") {
            Ok(Grant::new("plain", ScopeSet::EMPTY))
        } else {
            Err(VerifyError::invalid("Unknown API key"))
        }
    }
}

/// The verifiers of the tests, as one context (and as the axum state).
#[derive(Clone, Debug)]
pub(crate) struct AppState {
    pub(crate) tokens: Tokens,
    pub(crate) users: Users,
    pub(crate) keys: Keys,
}

pub(crate) const STATE: AppState = AppState {
    tokens: Tokens,
    users: Users,
    keys: Keys,
};

impl authscheme::compose::ProvideVerifier<Tokens> for AppState {
    fn verifier(&self) -> Tokens {
        self.tokens.clone()
    }
}
impl authscheme::compose::ProvideVerifier<Users> for AppState {
    fn verifier(&self) -> Users {
        self.users.clone()
    }
}
impl authscheme::compose::ProvideVerifier<Keys> for AppState {
    fn verifier(&self) -> Keys {
        self.keys.clone()
    }
}

impl axum::extract::FromRef<AppState> for Tokens {
    fn from_ref(state: &AppState) -> Self {
        state.tokens.clone()
    }
}
impl axum::extract::FromRef<AppState> for Users {
    fn from_ref(state: &AppState) -> Self {
        state.users.clone()
    }
}
impl axum::extract::FromRef<AppState> for Keys {
    fn from_ref(state: &AppState) -> Self {
        state.keys.clone()
    }
}

/// `Basic base64(user:password)`.
pub(crate) fn basic(user_pass: &str) -> String {
    use base64::Engine as _;
    format!(
        "Basic {}",
        base64::engine::general_purpose::STANDARD.encode(user_pass)
    )
}

/// A request head with the given URI and headers.
pub(crate) fn parts(uri: &str, headers: &[(&str, &str)]) -> Parts {
    let mut builder = http::Request::get(uri);
    for (name, value) in headers {
        builder = builder.header(*name, *value);
    }
    builder
        .body(())
        .expect("the tests build valid requests")
        .into_parts()
        .0
}

/// What a rejection answers: status, every `WWW-Authenticate` line, body.
#[derive(Debug, PartialEq, Eq)]
pub(crate) struct Answer {
    pub(crate) status: u16,
    pub(crate) challenges: Vec<String>,
    pub(crate) body: String,
}

impl Answer {
    pub(crate) fn of(rejection: Rejection) -> Self {
        let response = rejection.into_response();
        Self {
            status: response.status().as_u16(),
            challenges: response
                .headers()
                .get_all(http::header::WWW_AUTHENTICATE)
                .iter()
                .map(|value| value.to_str().unwrap_or("<non-UTF-8>").to_owned())
                .collect(),
            body: response.into_body(),
        }
    }
}

/// An expected answer.
pub(crate) fn answer(status: u16, challenges: &[&str], detail: &str) -> Answer {
    Answer {
        status,
        challenges: challenges.iter().map(|c| (*c).to_owned()).collect(),
        body: serde_json::json!({ "detail": detail }).to_string(),
    }
}

/// 401 `Not authenticated` with these challenges.
pub(crate) fn not_authenticated(challenges: &[&str]) -> Answer {
    answer(401, challenges, "Not authenticated")
}
