//! The README's quickstart is `examples/quickstart.rs`, word for word, and it runs: a real
//! HTTP client against the built program on loopback.

mod support;

use serde_json::Value;
use support::{Server, client, form};

/// The README's quickstart block, between the line that opens it and the line that closes it.
fn readme_quickstart() -> String {
    let readme = include_str!("../../README.md");
    let section = readme
        .split_once("## Quickstart")
        .expect("the README has a Quickstart section")
        .1;
    let block = section
        .split_once("```rust,no_run\n")
        .expect("the Quickstart section has a rust block")
        .1;
    let (code, _) = block
        .split_once("\n```\n")
        .expect("the rust block of the Quickstart section is closed");
    format!("{code}\n")
}

#[test]
fn readme_quickstart_is_the_example() {
    let example = include_str!("../examples/quickstart.rs");
    let readme = readme_quickstart();
    if readme != example {
        let line = readme
            .lines()
            .zip(example.lines())
            .position(|(a, b)| a != b)
            .map_or_else(
                || "the lengths".to_owned(),
                |index| format!("line {}", index + 1),
            );
        panic!(
            "the README's quickstart and examples/examples/quickstart.rs differ at {line}: copy \
             the example into the README"
        );
    }
}

#[tokio::test]
async fn quickstart_runs_as_written() {
    let server = Server::start_quickstart().await;
    let client = client();

    // The document names this very server, absolutely: Swagger UI's Authorize posts to
    // `<server>/token`, not to `/docs/token`.
    let document: Value = client
        .get(server.url("/openapi.json"))
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    assert_eq!(document["servers"][0]["url"], server.base);
    assert_eq!(
        document["components"]["securitySchemes"]["OAuth2PasswordBearer"]["flows"]["password"]["tokenUrl"],
        "/token"
    );
    assert_eq!(
        document["paths"]["/items"]["get"]["security"],
        serde_json::json!([{"OAuth2PasswordBearer": ["items"]}])
    );
    assert_eq!(
        document["paths"]["/ping"]["get"]["security"],
        serde_json::json!([{}, {"APIKeyHeader": []}])
    );

    // The password grant, then the token on the scoped route.
    let login = |password: &'static str, scope: &'static str| {
        client
            .post(server.url("/token"))
            .header("content-type", "application/x-www-form-urlencoded")
            .body(form(&[
                ("username", "alice"),
                ("password", password),
                ("scope", scope),
            ]))
            .send()
    };
    let wrong = login("looking glass", "items").await.unwrap();
    assert_eq!(wrong.status(), 401);
    assert_eq!(wrong.headers()["www-authenticate"], "Bearer");
    let token: Value = login("wonderland", "items")
        .await
        .unwrap()
        .json()
        .await
        .unwrap();
    let token = token["access_token"].as_str().expect("an access token");
    let items = client
        .get(server.url("/items"))
        .bearer_auth(token)
        .send()
        .await
        .unwrap();
    assert_eq!(items.status(), 200);
    assert_eq!(items.text().await.unwrap(), "items of alice");

    // Without the scope: 403 with RFC 6750's challenge.
    let unscoped: Value = login("wonderland", "").await.unwrap().json().await.unwrap();
    let forbidden = client
        .get(server.url("/items"))
        .bearer_auth(unscoped["access_token"].as_str().unwrap())
        .send()
        .await
        .unwrap();
    assert_eq!(forbidden.status(), 403);
    assert_eq!(
        forbidden.headers()["www-authenticate"],
        r#"Bearer error="insufficient_scope", scope="items""#
    );

    // The optional API key: anonymous, a known key, a wrong key.
    let ping = |key: Option<&'static str>| {
        let request = client.get(server.url("/ping"));
        match key {
            Some(key) => request.header("x-api-key", key),
            None => request,
        }
        .send()
    };
    assert_eq!(ping(None).await.unwrap().text().await.unwrap(), "pong");
    assert_eq!(
        ping(Some("service-key-1"))
            .await
            .unwrap()
            .text()
            .await
            .unwrap(),
        "pong, service"
    );
    assert_eq!(ping(Some("nope")).await.unwrap().status(), 401);

    server.stop().await;
}
