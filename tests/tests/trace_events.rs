//! The debug events of rejected requests, as an application sees them: real requests through
//! an axum `Router`, logged by `tracing-subscriber`'s `fmt` layer under the documented filter
//! `authscheme=debug`. Each kind of rejection names its scheme, kind and reason; no event
//! quotes a token, a key or a password; accepted requests log nothing.

use std::io;
use std::sync::{Arc, Mutex};
use std::time::{SystemTime, UNIX_EPOCH};

use authscheme::verify::{ApiKeys, BasicUsers, JwtVerifier};
use authscheme::{AnyOf, Auth, SecurityScheme, Verified, scopes};
use axum::Router;
use axum::body::Body;
use axum::extract::FromRef;
use axum::routing::get;
use base64::Engine as _;
use base64::engine::general_purpose::STANDARD;
use http::{Request, StatusCode};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde_json::{Value, json};
use tower::ServiceExt as _;
use tracing_subscriber::EnvFilter;
use tracing_subscriber::fmt::MakeWriter;

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes("items:read" = "Read", "items:write" = "Write"))]
struct Jwt;

#[derive(SecurityScheme)]
#[api_key(header = "X-API-Key")]
struct ServiceKey;

#[derive(SecurityScheme)]
#[http(basic, realm = "ops")]
struct Ops;

const SECRET: &[u8] = b"trace-events-test-secret";
const SERVICE_KEY: &str = "service-key-7f3a9c";
const OPS_PASSWORD: &str = "ops-password-51d0";

#[derive(Clone, serde::Deserialize)]
struct Claims {
    sub: String,
}

/// Three verifiers in one state, reached through `#[derive(FromRef)]`.
#[derive(Clone, FromRef)]
struct App {
    jwt: JwtVerifier<Claims>,
    keys: ApiKeys<&'static str>,
    ops: BasicUsers,
}

type Writer = Verified<scopes!(Jwt: "items:write"), JwtVerifier<Claims>>;

async fn write(user: Writer) -> String {
    user.principal().sub.clone()
}

async fn service(key: Verified<ServiceKey, ApiKeys<&'static str>>) -> &'static str {
    key.principal()
}

async fn ops(user: Verified<Ops, BasicUsers>) -> String {
    user.principal().to_string()
}

async fn either(_: AnyOf<(Auth<Jwt>, Auth<ServiceKey>)>) -> &'static str {
    "either"
}

async fn maybe(auth: Option<Auth<Jwt>>) -> &'static str {
    if auth.is_some() { "token" } else { "anonymous" }
}

fn app() -> Router {
    let mut validation = Validation::new(Algorithm::HS256);
    validation.set_audience(&["api"]);
    validation.set_required_spec_claims(&["exp", "aud", "sub"]);
    Router::new()
        .route("/write", get(write))
        .route("/service", get(service))
        .route("/ops", get(ops))
        .route("/either", get(either))
        .route("/maybe", get(maybe))
        .with_state(App {
            jwt: JwtVerifier::new(DecodingKey::from_secret(SECRET), validation),
            keys: ApiKeys::labelled([("billing", SERVICE_KEY)]),
            ops: BasicUsers::new([("ops", OPS_PASSWORD)]),
        })
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("after 1970")
        .as_secs()
}

fn token(claims: &Value) -> String {
    jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        claims,
        &EncodingKey::from_secret(SECRET),
    )
    .expect("signs")
}

/// What the `fmt` layer writes, kept in memory.
#[derive(Clone, Default)]
struct Logs(Arc<Mutex<Vec<u8>>>);

impl Logs {
    fn text(&self) -> String {
        String::from_utf8(self.0.lock().expect("not poisoned").clone()).expect("UTF-8 logs")
    }
}

impl io::Write for Logs {
    fn write(&mut self, bytes: &[u8]) -> io::Result<usize> {
        self.0
            .lock()
            .expect("not poisoned")
            .extend_from_slice(bytes);
        Ok(bytes.len())
    }

    fn flush(&mut self) -> io::Result<()> {
        Ok(())
    }
}

impl<'a> MakeWriter<'a> for Logs {
    type Writer = Self;

    fn make_writer(&'a self) -> Self {
        self.clone()
    }
}

/// Sends `request` with the documented subscriber installed for this thread: the status
/// and everything logged.
async fn logged(request: Request<Body>) -> (StatusCode, String) {
    let logs = Logs::default();
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::new("authscheme=debug"))
        .with_writer(logs.clone())
        .with_ansi(false)
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let response = app().oneshot(request).await.expect("infallible");
    (response.status(), logs.text())
}

fn get_with(uri: &str, header: Option<(&str, &str)>) -> Request<Body> {
    let mut request = Request::get(uri);
    if let Some((name, value)) = header {
        request = request.header(name, value);
    }
    request.body(Body::empty()).expect("a request")
}

fn bearer(token: &str) -> String {
    format!("Bearer {token}")
}

/// One event line with every `expected` field, and nothing of `secrets`.
#[track_caller]
fn assert_event(logs: &str, expected: &[&str], secrets: &[&str]) {
    let lines: Vec<&str> = logs.lines().collect();
    assert_eq!(lines.len(), 1, "one event expected:\n{logs}");
    let line = lines[0];
    assert!(
        line.contains("DEBUG authscheme::rejection: request rejected"),
        "{line}"
    );
    for field in expected {
        assert!(line.contains(field), "{field} missing from:\n{line}");
    }
    for secret in secrets {
        assert!(!line.contains(secret), "the log quotes a secret:\n{line}");
    }
}

#[tokio::test]
async fn missing_credentials_name_the_scheme() {
    let (status, logs) = logged(get_with("/write", None)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_event(
        &logs,
        &[r#"scheme="Jwt""#, r#"kind="missing""#, "status=401"],
        &[],
    );
}

#[tokio::test]
async fn alternatives_name_every_scheme() {
    let (status, logs) = logged(get_with("/either", None)).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_event(
        &logs,
        &[r#"scheme="Jwt | ServiceKey""#, r#"kind="missing""#],
        &[],
    );
}

#[tokio::test]
async fn malformed_credentials_are_not_quoted() {
    let header = ("authorization", "Bearer not a b64token");
    let (status, logs) = logged(get_with("/write", Some(header))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_event(
        &logs,
        &[r#"scheme="Jwt""#, r#"kind="malformed""#, "status=401"],
        &["not a b64token", "b64token"],
    );
    // Malformed Basic on an optional-free route, too.
    let header = ("authorization", "Basic !!!not-base64");
    let (_, logs) = logged(get_with("/ops", Some(header))).await;
    assert_event(
        &logs,
        &[r#"scheme="Ops""#, r#"kind="malformed""#],
        &["not-base64"],
    );
}

#[tokio::test]
async fn verifier_reasons_reach_the_log_and_tokens_do_not() {
    let later = now() + 600;
    let cases = [
        (
            json!({"sub": "alice", "aud": "api", "exp": now() - 600, "scope": "items:write"}),
            r#"reason="expired""#,
            r#"detail="Token has expired""#,
        ),
        (
            json!({"sub": "alice", "aud": "elsewhere", "exp": later}),
            r#"reason="wrong audience""#,
            r#"detail="Could not validate credentials""#,
        ),
        (
            json!({"aud": "api", "exp": later}),
            r#"reason="missing claim `sub`""#,
            r#"detail="Could not validate credentials""#,
        ),
    ];
    for (claims, reason, detail) in cases {
        let jwt = token(&claims);
        let header = bearer(&jwt);
        let (status, logs) = logged(get_with("/write", Some(("authorization", &header)))).await;
        assert_eq!(status, StatusCode::UNAUTHORIZED, "{claims}");
        // Neither the token nor any part of it, nor a claim's value.
        let parts: Vec<&str> = jwt.split('.').collect();
        let mut secrets = parts.clone();
        secrets.extend(["alice", "elsewhere"]);
        assert_event(
            &logs,
            &[
                r#"scheme="Jwt""#,
                r#"kind="refused""#,
                "status=401",
                reason,
                detail,
            ],
            &secrets,
        );
    }
}

#[tokio::test]
async fn insufficient_scope_names_required_and_granted() {
    let jwt =
        token(&json!({"sub": "alice", "aud": "api", "exp": now() + 600, "scope": "items:read"}));
    let header = bearer(&jwt);
    let (status, logs) = logged(get_with("/write", Some(("authorization", &header)))).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_event(
        &logs,
        &[
            r#"scheme="Jwt""#,
            r#"kind="insufficient_scope""#,
            "status=403",
            r#"required="items:write""#,
            r#"granted="items:read""#,
        ],
        &[&jwt, "alice"],
    );
}

#[tokio::test]
async fn unknown_keys_and_passwords_are_not_quoted() {
    let wrong_key = "service-key-7f3a9d";
    let (status, logs) = logged(get_with("/service", Some(("x-api-key", wrong_key)))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_event(
        &logs,
        &[
            r#"scheme="ServiceKey""#,
            r#"kind="refused""#,
            r#"reason="unknown credentials""#,
        ],
        &[wrong_key, SERVICE_KEY],
    );

    let wrong_password = "ops-password-51d1";
    let header = format!("Basic {}", STANDARD.encode(format!("ops:{wrong_password}")));
    let (status, logs) = logged(get_with("/ops", Some(("authorization", &header)))).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_event(
        &logs,
        &[
            r#"scheme="Ops""#,
            r#"kind="refused""#,
            r#"detail="Incorrect username or password""#,
            r#"reason="unknown credentials""#,
        ],
        &[wrong_password, OPS_PASSWORD, &header],
    );
}

#[tokio::test]
async fn accepted_and_anonymous_requests_log_nothing() {
    let (status, logs) = logged(get_with("/service", Some(("x-api-key", SERVICE_KEY)))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(logs, "");

    let header = format!("Basic {}", STANDARD.encode(format!("ops:{OPS_PASSWORD}")));
    let (status, logs) = logged(get_with("/ops", Some(("authorization", &header)))).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(logs, "");

    // No credentials on an optional route is not a rejection.
    let (status, logs) = logged(get_with("/maybe", None)).await;
    assert_eq!(status, StatusCode::OK);
    assert_eq!(logs, "");
}

#[tokio::test]
async fn the_filter_can_leave_the_events_out() {
    let logs = Logs::default();
    let subscriber = tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::new("authscheme=info"))
        .with_writer(logs.clone())
        .finish();
    let _guard = tracing::subscriber::set_default(subscriber);
    let response = app()
        .oneshot(get_with("/write", None))
        .await
        .expect("infallible");
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(logs.text(), "");
}
