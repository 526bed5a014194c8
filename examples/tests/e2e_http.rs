//! End to end over real HTTP: the built `petstore` example, spawned on a loopback port, and a
//! real client (`reqwest`). Token request, authorized call, every rejection of the behaviour
//! contract, the served `/openapi.json` checked against the official OpenAPI 3.1 schema, and
//! the demo's limits: body size, the login queue, slow clients.

mod support;

use std::time::{Duration, Instant};

use reqwest::StatusCode;
use reqwest::header::{AUTHORIZATION, CONTENT_TYPE, RETRY_AFTER, WWW_AUTHENTICATE};
use serde_json::{Value, json};
use support::{Server, client, form};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const FORM: &str = "application/x-www-form-urlencoded";

/// `POST /token` with `fields`.
async fn token_request(server: &Server, fields: &[(&str, &str)]) -> reqwest::Response {
    client()
        .post(server.url("/token"))
        .header(CONTENT_TYPE, FORM)
        .body(form(fields))
        .send()
        .await
        .expect("POST /token")
}

/// A token for `username` with `scope`, as Swagger UI asks for it.
async fn token(server: &Server, username: &str, password: &str, scope: &str) -> String {
    let response = token_request(
        server,
        &[
            ("grant_type", "password"),
            ("username", username),
            ("password", password),
            ("scope", scope),
        ],
    )
    .await;
    assert_eq!(response.status(), StatusCode::OK);
    let body: Value = response.json().await.expect("a JSON token response");
    assert_eq!(body["token_type"], "bearer");
    body["access_token"]
        .as_str()
        .expect("an access token")
        .to_owned()
}

async fn get(server: &Server, path: &str, token: Option<&str>) -> reqwest::Response {
    let mut request = client().get(server.url(path));
    if let Some(token) = token {
        request = request.header(AUTHORIZATION, format!("Bearer {token}"));
    }
    request.send().await.expect("GET")
}

fn challenges(response: &reqwest::Response) -> Vec<String> {
    response
        .headers()
        .get_all(WWW_AUTHENTICATE)
        .iter()
        .map(|value| value.to_str().unwrap_or_default().to_owned())
        .collect()
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn token_then_authorized_calls() {
    let server = Server::start().await;
    let token = token(&server, "johndoe", "secret", "me items").await;

    let me = get(&server, "/users/me", Some(&token)).await;
    assert_eq!(me.status(), StatusCode::OK);
    assert_eq!(
        me.json::<Value>().await.unwrap(),
        json!({"username": "johndoe", "email": "johndoe@example.com", "full_name": "John Doe", "disabled": false})
    );
    let items = get(&server, "/users/me/items", Some(&token)).await;
    assert_eq!(items.status(), StatusCode::OK);
    assert_eq!(
        items.json::<Value>().await.unwrap(),
        json!([{"item_id": "Foo", "owner": "johndoe"}])
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn missing_token_is_401_with_a_bearer_challenge() {
    let server = Server::start().await;
    let response = get(&server, "/users/me", None).await;
    assert_eq!(response.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(challenges(&response), ["Bearer"]);
    assert_eq!(
        response.text().await.unwrap(),
        r#"{"detail":"Not authenticated"}"#
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn insufficient_scope_is_403_naming_the_scopes() {
    let server = Server::start().await;
    let token = token(&server, "johndoe", "secret", "me").await;
    let response = get(&server, "/users/me/items", Some(&token)).await;
    assert_eq!(response.status(), StatusCode::FORBIDDEN);
    assert_eq!(
        challenges(&response),
        [r#"Bearer error="insufficient_scope", scope="me items""#]
    );
    assert_eq!(
        response.text().await.unwrap(),
        r#"{"detail":"Not enough permissions"}"#
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bad_password_and_unknown_user_are_401() {
    let server = Server::start().await;
    for (username, password) in [("johndoe", "wrong"), ("nobody", "secret")] {
        let response =
            token_request(&server, &[("username", username), ("password", password)]).await;
        assert_eq!(response.status(), StatusCode::UNAUTHORIZED, "{username}");
        assert_eq!(challenges(&response), ["Bearer"]);
        assert_eq!(
            response.json::<Value>().await.unwrap(),
            json!({"detail": "Incorrect username or password"})
        );
    }
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn token_endpoint_takes_what_swagger_ui_sends_and_answers_422_like_fastapi() {
    let server = Server::start().await;
    // Swagger UI may add client credentials, in the body or as Basic auth: both are fine.
    let response = client()
        .post(server.url("/token"))
        .header(CONTENT_TYPE, FORM)
        .header(AUTHORIZATION, "Basic c3dhZ2dlcjo=")
        .body(form(&[
            ("grant_type", "password"),
            ("username", "johndoe"),
            ("password", "secret"),
            ("scope", "me"),
            ("client_id", "swagger"),
            ("client_secret", ""),
        ]))
        .send()
        .await
        .unwrap();
    assert_eq!(response.status(), StatusCode::OK);

    let response = token_request(&server, &[("password", "secret")]).await;
    assert_eq!(response.status(), StatusCode::UNPROCESSABLE_ENTITY);
    assert_eq!(
        response.json::<Value>().await.unwrap(),
        json!({"detail": [{"type": "missing", "loc": ["body", "username"], "msg": "Field required", "input": null}]})
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn disabled_user_is_400_and_bad_tokens_are_401_invalid_token() {
    let server = Server::start().await;
    let alice = token(&server, "alice", "secret2", "me").await;
    let response = get(&server, "/users/me", Some(&alice)).await;
    assert_eq!(response.status(), StatusCode::BAD_REQUEST);
    assert_eq!(
        response.json::<Value>().await.unwrap(),
        json!({"detail": "Inactive user"})
    );

    let forged = get(
        &server,
        "/users/me",
        Some("eyJhbGciOiJIUzI1NiJ9.e30.c2lnbmF0dXJl"),
    )
    .await;
    assert_eq!(forged.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(challenges(&forged), [r#"Bearer error="invalid_token""#]);
    assert_eq!(
        forged.json::<Value>().await.unwrap(),
        json!({"detail": "Could not validate credentials"})
    );
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn optional_auth_lets_anonymous_in_but_not_bad_tokens() {
    let server = Server::start().await;
    let anonymous = get(&server, "/status", None).await;
    assert_eq!(anonymous.status(), StatusCode::OK);
    assert_eq!(
        anonymous.json::<Value>().await.unwrap(),
        json!({"status": "ok", "user": null})
    );

    let token = token(&server, "johndoe", "secret", "").await;
    let known = get(&server, "/status", Some(&token)).await;
    assert_eq!(
        known.json::<Value>().await.unwrap(),
        json!({"status": "ok", "user": "johndoe"})
    );

    let malformed = get(&server, "/status", Some("not a token")).await;
    assert_eq!(malformed.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(challenges(&malformed), ["Bearer"]);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn api_key_route() {
    let server = Server::start().await;
    let call = |key: Option<&'static str>| {
        let mut request = client().get(server.url("/service/users"));
        if let Some(key) = key {
            request = request.header("X-API-Key", key);
        }
        request.send()
    };
    let missing = call(None).await.unwrap();
    assert_eq!(missing.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(challenges(&missing), ["APIKey"]);
    let wrong = call(Some("guess")).await.unwrap();
    assert_eq!(wrong.status(), StatusCode::UNAUTHORIZED);
    assert_eq!(
        wrong.json::<Value>().await.unwrap(),
        json!({"detail": "Invalid API key"})
    );
    let right = call(Some("demo-service-key")).await.unwrap();
    assert_eq!(right.status(), StatusCode::OK);
    let users = right.json::<Value>().await.unwrap();
    assert_eq!(users.as_array().map(Vec::len), Some(2));
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn served_openapi_is_valid_3_1_and_matches_the_routes() {
    let server = Server::start().await;
    let document: Value = get(&server, "/openapi.json", None)
        .await
        .json()
        .await
        .unwrap();

    let path = concat!(
        env!("CARGO_MANIFEST_DIR"),
        "/../spec/openapi-3.1.schema.json"
    );
    let schema: Value = serde_json::from_str(
        &std::fs::read_to_string(path)
            .unwrap_or_else(|error| panic!("cannot read {path}: {error}")),
    )
    .unwrap();
    let validator = jsonschema::validator_for(&schema).expect("the official schema compiles");
    let errors: Vec<String> = validator
        .iter_errors(&document)
        .map(|error| error.to_string())
        .collect();
    assert!(errors.is_empty(), "invalid OpenAPI 3.1: {errors:#?}");

    assert_eq!(document["openapi"], "3.1.2");
    // The server this request reached, absolute, so that `tokenUrl: token` resolves to it.
    assert_eq!(document["servers"], json!([{"url": server.base}]));
    let paths = &document["paths"];
    assert_eq!(
        paths["/users/me"]["get"]["security"],
        json!([{"OAuth2PasswordBearer": ["me"]}])
    );
    assert_eq!(
        paths["/users/me/items"]["get"]["security"],
        json!([{"OAuth2PasswordBearer": ["me", "items"]}])
    );
    assert_eq!(
        paths["/status"]["get"]["security"],
        json!([{}, {"OAuth2PasswordBearer": []}])
    );
    assert_eq!(
        paths["/service/users"]["get"]["security"],
        json!([{"APIKeyHeader": []}])
    );
    assert!(paths["/token"]["post"].get("security").is_none());
    let schemes = &document["components"]["securitySchemes"];
    assert_eq!(
        schemes["OAuth2PasswordBearer"]["flows"]["password"]["tokenUrl"],
        "token"
    );
    assert_eq!(
        schemes["APIKeyHeader"],
        json!({"type": "apiKey", "description": "Keys for services, in the `X-API-Key` header.", "in": "header", "name": "X-API-Key"})
    );
    server.stop().await;
}

/// The demo's body limit (`BODY_LIMIT` in petstore.rs).
const BODY_LIMIT: usize = 16 * 1024;

/// A token request body of exactly `len` bytes: valid fields, padded with one ignored field.
fn padded_login(len: usize) -> String {
    let fields = form(&[("username", "johndoe"), ("password", "wrong")]);
    let pad = len
        .checked_sub(fields.len() + "&pad=".len())
        .expect("room for the fields");
    format!("{fields}&pad={}", "a".repeat(pad))
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn bodies_over_16_kib_are_413() {
    let server = Server::start().await;
    let post = |body: String| {
        client()
            .post(server.url("/token"))
            .header(CONTENT_TYPE, FORM)
            .body(body)
            .send()
    };
    // At the limit the form is read (and the password is wrong); one byte over, it is not.
    let at_limit = post(padded_login(BODY_LIMIT)).await.unwrap();
    assert_eq!(at_limit.status(), StatusCode::UNAUTHORIZED);
    let over = post(padded_login(BODY_LIMIT + 1)).await.unwrap();
    assert_eq!(over.status(), StatusCode::PAYLOAD_TOO_LARGE);
    server.stop().await;
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn a_burst_of_logins_gets_503_with_retry_after_past_the_queue() {
    let server = Server::start().await;
    // Far more than the demo admits at once (at most 4 checks running and 64 waiting), sent
    // together: those past the queue are refused at once, the others logged in. One client
    // for all: building one per request (its TLS roots included) spaced the requests out
    // enough, on a loaded machine, for the queue to keep up with them.
    let client = client();
    let logins: Vec<_> = (0..256)
        .map(|_| {
            let request = client
                .post(server.url("/token"))
                .header(CONTENT_TYPE, FORM)
                .body(form(&[("username", "johndoe"), ("password", "secret")]));
            tokio::spawn(async move {
                let response = request.send().await.expect("every login is answered");
                let status = response.status();
                let retry_after = response
                    .headers()
                    .get(RETRY_AFTER)
                    .map(|value| value.to_str().unwrap_or_default().to_owned());
                (
                    status,
                    retry_after,
                    response.text().await.unwrap_or_default(),
                )
            })
        })
        .collect();
    let (mut logged_in, mut refused) = (0, 0);
    for login in logins {
        let (status, retry_after, body) = login.await.unwrap();
        match status {
            StatusCode::OK => logged_in += 1,
            StatusCode::SERVICE_UNAVAILABLE => {
                refused += 1;
                assert_eq!(retry_after.as_deref(), Some("1"));
                assert_eq!(body, r#"{"detail":"Server busy, retry later"}"#);
            }
            other => panic!("a login answered {other}: {body}"),
        }
    }
    assert!(
        logged_in > 0 && refused > 0,
        "{logged_in} logged in, {refused} refused"
    );
    // The refusals did not stick: once the burst is over, a login goes through.
    let token = token(&server, "johndoe", "secret", "me").await;
    assert!(!token.is_empty());
    server.stop().await;
}

/// Connects, writes `request` and returns how long until the server closed the connection,
/// and the first line of what it sent; panics past `within`.
async fn closed_after(server: &Server, request: &str, within: Duration) -> (Duration, String) {
    let address = server.base.trim_start_matches("http://");
    let mut stream = TcpStream::connect(address).await.expect("connect");
    stream.write_all(request.as_bytes()).await.expect("write");
    let started = Instant::now();
    let mut received = Vec::new();
    tokio::time::timeout(within, async {
        let mut buffer = [0u8; 1024];
        while let Ok(n @ 1..) = stream.read(&mut buffer).await {
            received.extend_from_slice(&buffer[..n]);
        }
    })
    .await
    .unwrap_or_else(|_| panic!("still open after {within:?}: {request:?}"));
    let text = String::from_utf8_lossy(&received);
    (
        started.elapsed(),
        text.lines().next().unwrap_or_default().to_owned(),
    )
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn slow_clients_are_cut_off_after_10_seconds() {
    let server = Server::start().await;
    let within = Duration::from_secs(20);
    let unfinished_head = "POST /token HTTP/1.1\r\nHost: 127.0.0.1\r\n";
    let short_body = format!(
        "POST /token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {FORM}\r\nContent-Length: 64\r\n\r\nusername=johndoe"
    );
    let (head, body) = tokio::join!(
        closed_after(&server, unfinished_head, within),
        closed_after(&server, &short_body, within),
    );
    // hyper's header read timeout closes the connection without an answer.
    assert!(head.0 >= Duration::from_secs(9), "{head:?}");
    assert_eq!(head.1, "");
    // The request timeout answers 408, and the connection is closed with it.
    assert!(body.0 >= Duration::from_secs(9), "{body:?}");
    assert_eq!(body.1, "HTTP/1.1 408 Request Timeout");
    server.stop().await;
}
