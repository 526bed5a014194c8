//! Real requests through an axum `Router` (`tower::ServiceExt::oneshot`) for every
//! composition: status, every `WWW-Authenticate` line, content type and body.

#[path = "compose_support/mod.rs"]
mod support;

use authscheme::form::{OAuth2PasswordRequestForm, OAuth2PasswordRequestFormStrict};
use authscheme::{AllOf, AnyOf, AnyOf2, AnyOf3, Auth, Verified, scopes};
use axum::Router;
use axum::body::Body;
use axum::routing::{get, post};
use http::{Request, header};
use support::{Admin, Items, ItemsRead, Jwt, Key, Keys, Reports, STATE, Tokens, Users, basic};
use tower::ServiceExt as _;

async fn required(auth: Auth<Items>) -> String {
    format!("token {}", auth.credentials().token())
}

async fn optional(auth: Option<Auth<Items>>) -> String {
    auth.map_or_else(
        || "anonymous".to_owned(),
        |auth| format!("token {}", auth.credentials().token()),
    )
}

/// The required scopes written inline: an undeclared name would not compile.
async fn scoped(user: Verified<scopes!(Items: "items:read", "items:write"), Tokens>) -> String {
    format!("writer {}", user.principal())
}

async fn reports(user: Verified<Reports, Users>) -> String {
    format!("reports for {}", user.principal())
}

type Either = AnyOf<(
    Verified<ItemsRead, Tokens>,
    Verified<Key, Keys>,
    Auth<Admin>,
)>;

async fn either(any: Either) -> String {
    match any {
        AnyOf3::A(bearer) => format!("bearer {}", bearer.principal()),
        AnyOf3::B(key) => format!("key {}", key.principal()),
        AnyOf3::C(admin) => format!("basic {}", admin.credentials().username()),
    }
}

async fn both(all: AllOf<(Verified<ItemsRead, Tokens>, Auth<Key>)>) -> String {
    let (bearer, key) = all.into_inner();
    format!("{} with {}", bearer.principal(), key.credentials().as_str())
}

async fn maybe_either(any: Option<AnyOf<(Auth<Jwt>, Auth<Key>)>>) -> &'static str {
    match any {
        None => "anonymous",
        Some(AnyOf2::A(_)) => "jwt",
        Some(AnyOf2::B(_)) => "key",
    }
}

async fn token(form: OAuth2PasswordRequestForm) -> String {
    format!("{} {:?}", form.username, form.scopes)
}

async fn token_strict(form: OAuth2PasswordRequestFormStrict) -> String {
    format!("{} {}", form.grant_type, form.username)
}

fn app() -> Router {
    Router::new()
        .route("/required", get(required))
        .route("/optional", get(optional))
        .route("/scoped", get(scoped))
        .route("/reports", get(reports))
        .route("/either", get(either))
        .route("/both", get(both))
        .route("/maybe-either", get(maybe_either))
        .route("/token", post(token))
        .route("/token-strict", post(token_strict))
        .with_state::<()>(STATE)
}

/// What a response carried.
#[derive(Debug, PartialEq, Eq)]
struct Reply {
    status: u16,
    challenges: Vec<String>,
    json: bool,
    body: String,
}

async fn send(request: Request<Body>) -> Reply {
    let response = app().oneshot(request).await.expect("infallible");
    let status = response.status().as_u16();
    let challenges = response
        .headers()
        .get_all(header::WWW_AUTHENTICATE)
        .iter()
        .map(|value| value.to_str().unwrap_or("<non-UTF-8>").to_owned())
        .collect();
    let json = response
        .headers()
        .get(header::CONTENT_TYPE)
        .is_some_and(|value| value == "application/json");
    let bytes = axum::body::to_bytes(response.into_body(), 1 << 20)
        .await
        .expect("the body is small");
    Reply {
        status,
        challenges,
        json,
        body: String::from_utf8_lossy(&bytes).into_owned(),
    }
}

async fn get_with(uri: &str, headers: &[(&str, &str)]) -> Reply {
    let mut request = Request::get(uri);
    for (name, value) in headers {
        request = request.header(*name, *value);
    }
    send(request.body(Body::empty()).expect("a valid request")).await
}

fn ok(body: &str) -> Reply {
    Reply {
        status: 200,
        challenges: Vec::new(),
        json: false,
        body: body.to_owned(),
    }
}

fn refused(status: u16, challenges: &[&str], detail: &str) -> Reply {
    Reply {
        status,
        challenges: challenges.iter().map(|c| (*c).to_owned()).collect(),
        json: true,
        body: serde_json::json!({ "detail": detail }).to_string(),
    }
}

fn not_authenticated(challenges: &[&str]) -> Reply {
    refused(401, challenges, "Not authenticated")
}

const BASIC_ADMIN: &str = r#"Basic realm="admin""#;
const INVALID_TOKEN: &str = r#"Bearer error="invalid_token""#;

#[tokio::test]
async fn required_auth() {
    assert_eq!(
        get_with("/required", &[]).await,
        not_authenticated(&["Bearer"])
    );
    assert_eq!(
        get_with("/required", &[("authorization", "Bearer abc")]).await,
        ok("token abc")
    );
    assert_eq!(
        get_with("/required", &[("authorization", "Bearer a b")]).await,
        not_authenticated(&["Bearer"])
    );
}

#[tokio::test]
async fn optional_auth() {
    assert_eq!(get_with("/optional", &[]).await, ok("anonymous"));
    assert_eq!(
        get_with("/optional", &[("authorization", "Basic dXNlcjpwYXNz")]).await,
        ok("anonymous")
    );
    assert_eq!(
        get_with("/optional", &[("authorization", "Bearer abc")]).await,
        ok("token abc")
    );
    // auto_error=False still rejects malformed credentials.
    assert_eq!(
        get_with("/optional", &[("authorization", "Bearer")]).await,
        not_authenticated(&["Bearer"])
    );
}

#[tokio::test]
async fn scoped_granted_and_insufficient() {
    assert_eq!(
        get_with("/scoped", &[("authorization", "Bearer writer")]).await,
        ok("writer writer")
    );
    assert_eq!(
        get_with("/scoped", &[("authorization", "Bearer reader")]).await,
        refused(
            403,
            &[r#"Bearer error="insufficient_scope", scope="items:read items:write""#],
            "Not enough permissions"
        )
    );
    assert_eq!(
        get_with("/scoped", &[]).await,
        not_authenticated(&["Bearer"])
    );
}

#[tokio::test]
async fn verifier_rejects() {
    assert_eq!(
        get_with("/scoped", &[("authorization", "Bearer unknown")]).await,
        refused(401, &[INVALID_TOKEN], "Could not validate credentials")
    );
    assert_eq!(
        get_with("/scoped", &[("authorization", "Bearer expired")]).await,
        refused(401, &[INVALID_TOKEN], "Token expired")
    );
    assert_eq!(
        get_with("/scoped", &[("authorization", "Bearer inactive")]).await,
        refused(400, &[], "Inactive user")
    );
    // Basic: the scheme's own challenge, the verifier's detail; missing role → bare 403.
    assert_eq!(
        get_with("/reports", &[("authorization", &basic("boss:nope"))]).await,
        refused(401, &[BASIC_ADMIN], "Incorrect username or password")
    );
    assert_eq!(
        get_with("/reports", &[("authorization", &basic("clerk:pw"))]).await,
        refused(403, &[], "Not enough permissions")
    );
    assert_eq!(
        get_with("/reports", &[("authorization", &basic("boss:pw"))]).await,
        ok("reports for boss")
    );
}

#[tokio::test]
async fn any_of() {
    assert_eq!(
        get_with("/either", &[]).await,
        not_authenticated(&["Bearer", "APIKey", BASIC_ADMIN])
    );
    assert_eq!(
        get_with("/either", &[("authorization", "Bearer reader")]).await,
        ok("bearer reader")
    );
    assert_eq!(
        get_with("/either", &[("x-api-key", "plain-key")]).await,
        ok("key plain")
    );
    assert_eq!(
        get_with("/either", &[("authorization", &basic("clerk:pw"))]).await,
        ok("basic clerk")
    );
    // The first alternative with credentials decides, even when it fails.
    assert_eq!(
        get_with(
            "/either",
            &[
                ("authorization", "Bearer unknown"),
                ("x-api-key", "plain-key")
            ]
        )
        .await,
        refused(401, &[INVALID_TOKEN], "Could not validate credentials")
    );
    assert_eq!(
        get_with("/either", &[("x-api-key", "wrong")]).await,
        refused(401, &["APIKey"], "Unknown API key")
    );
}

#[tokio::test]
async fn all_of() {
    assert_eq!(
        get_with("/both", &[]).await,
        not_authenticated(&["Bearer", "APIKey"])
    );
    assert_eq!(
        get_with(
            "/both",
            &[("authorization", "Bearer reader"), ("x-api-key", "k1")]
        )
        .await,
        ok("reader with k1")
    );
    assert_eq!(
        get_with("/both", &[("authorization", "Bearer reader")]).await,
        not_authenticated(&["APIKey"])
    );
    assert_eq!(
        get_with("/both", &[("x-api-key", "k1")]).await,
        not_authenticated(&["Bearer"])
    );
    assert_eq!(
        get_with(
            "/both",
            &[("authorization", "Bearer unknown"), ("x-api-key", "k1")]
        )
        .await,
        refused(401, &[INVALID_TOKEN], "Could not validate credentials")
    );
}

#[tokio::test]
async fn optional_any_of() {
    assert_eq!(get_with("/maybe-either", &[]).await, ok("anonymous"));
    assert_eq!(
        get_with("/maybe-either", &[("x-api-key", "k1")]).await,
        ok("key")
    );
    assert_eq!(
        get_with("/maybe-either", &[("authorization", "Bearer a b")]).await,
        not_authenticated(&["Bearer"])
    );
}

fn form(uri: &str, content_type: &str, body: &'static str) -> Request<Body> {
    Request::post(uri)
        .header(header::CONTENT_TYPE, content_type)
        .body(Body::from(body))
        .expect("a valid request")
}

const FORM: &str = "application/x-www-form-urlencoded";

#[tokio::test]
async fn password_form_endpoint() {
    assert_eq!(
        send(form(
            "/token",
            FORM,
            "username=alice&password=pw&scope=items:read me"
        ))
        .await,
        ok(r#"alice ["items:read", "me"]"#)
    );
    let missing = send(form("/token", FORM, "grant_type=implicit&password=pw")).await;
    assert_eq!(
        (missing.status, missing.json, missing.challenges.len()),
        (422, true, 0)
    );
    assert_eq!(
        serde_json::from_str::<serde_json::Value>(&missing.body).expect("JSON"),
        serde_json::json!({"detail": [
            {"type": "string_pattern_mismatch", "loc": ["body", "grant_type"],
             "msg": "String should match pattern '^password$'", "input": "implicit",
             "ctx": {"pattern": "^password$"}},
            {"type": "missing", "loc": ["body", "username"], "msg": "Field required", "input": null},
        ]})
    );
    // A JSON body is no form: every required field is missing.
    let json = send(form(
        "/token",
        "application/json",
        r#"{"username":"alice","password":"pw"}"#,
    ))
    .await;
    assert_eq!(json.status, 422);
    assert_eq!(
        json.body,
        concat!(
            r#"{"detail":[{"type":"missing","loc":["body","username"],"msg":"Field required","input":null},"#,
            r#"{"type":"missing","loc":["body","password"],"msg":"Field required","input":null}]}"#
        )
    );
}

#[tokio::test]
async fn strict_password_form_endpoint() {
    assert_eq!(
        send(form(
            "/token-strict",
            FORM,
            "grant_type=password&username=alice&password=pw"
        ))
        .await,
        ok("password alice")
    );
    let missing = send(form("/token-strict", FORM, "username=alice&password=pw")).await;
    assert_eq!(missing.status, 422);
    assert_eq!(
        missing.body,
        r#"{"detail":[{"type":"missing","loc":["body","grant_type"],"msg":"Field required","input":null}]}"#
    );
}
