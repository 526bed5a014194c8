//! The router wrapper (`authscheme::adapters::axum::Router`): every route it mounts is in the
//! document it builds, with the requirement of the handler's argument types, and the server
//! behaves as that document says. Checked from both sides: the document against a table of
//! what was mounted, and the served router, through `tower::ServiceExt::oneshot`, against the
//! document (401 without credentials exactly where the document requires them, with the
//! challenges it lists; 405 for every method it does not list).

#[path = "compose_support/mod.rs"]
mod support;

mod document_support;

use authscheme::adapters::axum::routing::{delete, get, get_with, post};
use authscheme::adapters::axum::{NoSecurity, Router};
use authscheme::document::{DocumentError, Operation, RouteSecurity, SecurityDocument};
use authscheme::form::OAuth2PasswordRequestForm;
use authscheme::openapi::OpenApiVersion;
use authscheme::{AllOf, AnyOf, Auth, Verified};
use axum::Json;
use axum::body::Body;
use axum::extract::{Path, State};
use http::{HeaderMap, Method, Request, StatusCode, header};
use serde_json::{Value, json};
use support::{AppState, Items, ItemsRead, Jwt, Key, Keys, Ops, Reports, STATE, Tenant, Tokens};
use tower::ServiceExt as _;

type ItemsReader = Verified<ItemsRead, Tokens>;

async fn required(_user: Auth<Items>) -> &'static str {
    "required"
}

async fn optional(user: Option<Auth<Items>>) -> &'static str {
    if user.is_some() { "token" } else { "anonymous" }
}

async fn scoped(_user: ItemsReader) -> &'static str {
    "scoped"
}

async fn either(_any: AnyOf<(ItemsReader, Verified<Key, Keys>)>) -> &'static str {
    "either"
}

async fn all(_all: AllOf<(Auth<Jwt>, Auth<Tenant>)>) -> &'static str {
    "all"
}

/// Two security extractors: both must pass, as in an `AllOf`.
async fn two(_user: ItemsReader, _key: Auth<Key>) -> &'static str {
    "two"
}

/// An optional one, a required one and a body.
async fn two_post(
    _jwt: Option<Auth<Jwt>>,
    _tenant: Auth<Tenant>,
    Json(body): Json<Value>,
) -> Json<Value> {
    Json(body)
}

async fn public(State(_state): State<AppState>, _headers: HeaderMap) -> &'static str {
    "public"
}

async fn token(form: OAuth2PasswordRequestForm) -> String {
    form.username
}

async fn pet(Path(id): Path<u32>, _key: Auth<Key>) -> String {
    format!("pet {id}")
}

async fn remove_pet(_admin: Verified<Reports, support::Users>, Path(id): Path<u32>) -> String {
    format!("removed {id}")
}

/// An extractor of "another crate", taken as `NoSecurity`.
async fn wrapped(NoSecurity(Path(id)): NoSecurity<Path<u32>>) -> String {
    format!("wrapped {id}")
}

/// The wrapper's router: every kind of handler, a nested router, a merged documented one,
/// an undocumented axum router and an undocumented catch-all route.
fn router() -> Router<AppState> {
    let pets = Router::new().route("/{id}", get(pet).delete(remove_pet));
    let merged = Router::new().route("/merged", get(required));
    Router::new()
        .route("/required", get(required))
        .route("/optional", get(optional))
        .route(
            "/scoped",
            get_with(
                scoped,
                Operation::new().summary("Scoped").operation_id("scoped"),
            ),
        )
        .route("/either", get(either))
        .route("/all", get(all))
        .route("/two", get(two).post(two_post))
        .route("/public", get(public))
        .route("/token", post(token))
        .route("/wrapped/{id}", delete(wrapped))
        .nest("/pets", pets)
        .merge(merged)
        .merge_undocumented(
            axum::Router::new().route("/docs", axum::routing::get(|| async { "docs" })),
        )
        .route_undocumented(
            "/files/{*rest}",
            axum::routing::get(|Path(rest): Path<String>| async move { rest }),
        )
}

/// What was mounted, with the requirement each handler's types imply (`None`: public).
fn mounted() -> Vec<(Method, &'static str, Option<Value>)> {
    vec![
        (Method::GET, "/required", Some(json!([{"Items": []}]))),
        (Method::GET, "/optional", Some(json!([{}, {"Items": []}]))),
        (
            Method::GET,
            "/scoped",
            Some(json!([{"Items": ["items:read"]}])),
        ),
        (
            Method::GET,
            "/either",
            Some(json!([{"Items": ["items:read"]}, {"Key": []}])),
        ),
        (
            Method::GET,
            "/all",
            Some(json!([{"Jwt": [], "Tenant": []}])),
        ),
        (
            Method::GET,
            "/two",
            Some(json!([{"Items": ["items:read"], "Key": []}])),
        ),
        (
            Method::POST,
            "/two",
            Some(json!([{"Tenant": []}, {"Jwt": [], "Tenant": []}])),
        ),
        (Method::GET, "/public", None),
        (Method::POST, "/token", None),
        (Method::DELETE, "/wrapped/{id}", None),
        (Method::GET, "/pets/{id}", Some(json!([{"Key": []}]))),
        (
            Method::DELETE,
            "/pets/{id}",
            Some(json!([{"Admin": ["reports"]}])),
        ),
        (Method::GET, "/merged", Some(json!([{"Items": []}]))),
    ]
}

fn document() -> (axum::Router, Value) {
    let (app, document) = router().into_parts(SecurityDocument::new("Router", "1.0.0"));
    let json = document
        .to_json(OpenApiVersion::V3_1)
        .expect("a valid document");
    (app.with_state(STATE), json)
}

/// Every documented operation, as `(method, path, operation)`.
fn operations(document: &Value) -> Vec<(Method, String, Value)> {
    let mut out = Vec::new();
    for (path, item) in document["paths"].as_object().expect("paths") {
        for (method, operation) in item.as_object().expect("a path item") {
            let method = Method::from_bytes(method.to_ascii_uppercase().as_bytes()).unwrap();
            out.push((method, path.clone(), operation.clone()));
        }
    }
    out
}

/// The path with its parameters filled in.
fn concrete(path: &str) -> String {
    path.replace("{id}", "7")
}

async fn send(app: &axum::Router, method: Method, path: &str) -> http::Response<Body> {
    let request = Request::builder()
        .method(method)
        .uri(path)
        .body(Body::empty())
        .expect("a valid request");
    app.clone().oneshot(request).await.expect("infallible")
}

/// Every string inside `value`, for looking up the challenges a response description lists.
fn strings(value: &Value) -> String {
    match value {
        Value::String(text) => text.clone(),
        Value::Array(items) => items.iter().map(strings).collect::<Vec<_>>().join("\n"),
        Value::Object(fields) => fields.values().map(strings).collect::<Vec<_>>().join("\n"),
        _ => String::new(),
    }
}

#[test]
fn every_mounted_route_is_documented_with_its_handlers_requirement() {
    let (_app, document) = document();
    let mut documented: Vec<(Method, String, Option<Value>)> = operations(&document)
        .into_iter()
        .map(|(method, path, operation)| (method, path, operation.get("security").cloned()))
        .collect();
    let mut expected: Vec<(Method, String, Option<Value>)> = mounted()
        .into_iter()
        .map(|(method, path, security)| (method, path.to_owned(), security))
        .collect();
    let key = |entry: &(Method, String, Option<Value>)| format!("{} {}", entry.0, entry.1);
    documented.sort_by_key(key);
    expected.sort_by_key(key);
    assert_eq!(documented, expected);
    // The operation fields given with `get_with` are kept.
    assert_eq!(document["paths"]["/scoped"]["get"]["summary"], "Scoped");
    // The schemes of every route are declared, once each.
    let schemes: Vec<&String> = document["components"]["securitySchemes"]
        .as_object()
        .expect("schemes")
        .keys()
        .collect();
    assert_eq!(schemes, ["Items", "Key", "Jwt", "Tenant", "Admin"]);
    document_support::assert_valid(&document, OpenApiVersion::V3_1);
}

/// For every documented operation, a request without credentials: 401 exactly where the
/// document requires credentials (no `{}` alternative), carrying only challenges the
/// document lists; and every method the document does not list for a path is 405.
#[tokio::test]
async fn the_server_answers_as_the_document_says() {
    let (app, document) = document();
    let operations = operations(&document);
    for (method, path, operation) in &operations {
        let response = send(&app, method.clone(), &concrete(path)).await;
        let status = response.status();
        let security = operation.get("security").and_then(Value::as_array);
        let anonymous = security.is_none_or(|list| list.iter().any(|r| r == &json!({})));
        if anonymous {
            assert!(
                status != StatusCode::UNAUTHORIZED && status != StatusCode::NOT_FOUND,
                "{method} {path}: documented as open to anonymous requests, answered {status}"
            );
        } else {
            assert_eq!(status, StatusCode::UNAUTHORIZED, "{method} {path}");
            let listed = strings(&operation["responses"]["401"]);
            let challenges = response.headers().get_all(header::WWW_AUTHENTICATE);
            assert!(
                challenges.iter().next().is_some(),
                "{method} {path}: no challenge"
            );
            for challenge in challenges {
                let challenge = challenge.to_str().unwrap();
                assert!(
                    listed.contains(challenge),
                    "{method} {path}: `{challenge}` is not among the documented challenges: {listed}"
                );
            }
        }
    }
    let methods = [
        Method::GET,
        Method::POST,
        Method::PUT,
        Method::PATCH,
        Method::DELETE,
        Method::OPTIONS,
        Method::TRACE,
    ];
    for (_, path, _) in &operations {
        for method in &methods {
            if operations.iter().any(|(m, p, _)| m == method && p == path) {
                continue;
            }
            let status = send(&app, method.clone(), &concrete(path)).await.status();
            assert_eq!(
                status,
                StatusCode::METHOD_NOT_ALLOWED,
                "{method} {path} is routed but not documented"
            );
        }
    }
}

/// The routes left out of the document are served all the same.
#[tokio::test]
async fn undocumented_routes_are_served() {
    let (app, document) = document();
    for path in ["/docs", "/files/a/b"] {
        assert_eq!(
            send(&app, Method::GET, path).await.status(),
            StatusCode::OK,
            "{path}"
        );
    }
    assert!(document["paths"].get("/docs").is_none());
    let mut paths: Vec<&str> = mounted().iter().map(|(_, path, _)| *path).collect();
    paths.dedup();
    assert_eq!(document["paths"].as_object().unwrap().len(), paths.len());
}

/// With credentials, the handlers run: the document's requirement is the one they check.
#[tokio::test]
async fn credentials_that_meet_the_requirement_are_let_through() {
    let (app, _) = document();
    let request = |method: Method, uri: &str, headers: &[(&str, &str)], body: &str| {
        let mut builder = Request::builder().method(method).uri(uri);
        for (name, value) in headers {
            builder = builder.header(*name, *value);
        }
        builder.body(Body::from(body.to_owned())).unwrap()
    };
    let cases = [
        (
            request(
                Method::GET,
                "/two",
                &[("authorization", "Bearer reader"), ("x-api-key", "k")],
                "",
            ),
            "two",
        ),
        (
            request(
                Method::POST,
                "/two?tenant=t",
                &[("content-type", "application/json")],
                "[1]",
            ),
            "[1]",
        ),
        (
            request(Method::GET, "/pets/7", &[("x-api-key", "k")], ""),
            "pet 7",
        ),
        (request(Method::DELETE, "/wrapped/3", &[], ""), "wrapped 3"),
    ];
    for (request, body) in cases {
        let what = format!("{} {}", request.method(), request.uri());
        let response = app.clone().oneshot(request).await.unwrap();
        assert_eq!(response.status(), StatusCode::OK, "{what}");
        let bytes = axum::body::to_bytes(response.into_body(), 1 << 16)
            .await
            .unwrap();
        assert_eq!(bytes, body.as_bytes(), "{what}");
    }
    // Only one of the two extractors satisfied: refused.
    let half = request(
        Method::GET,
        "/two",
        &[("authorization", "Bearer reader")],
        "",
    );
    assert_eq!(
        app.clone().oneshot(half).await.unwrap().status(),
        StatusCode::UNAUTHORIZED
    );
}

/// Two extractors in one handler are documented exactly as the `AllOf` of them, also when
/// alternatives distribute (`Option`, `AnyOf`).
#[test]
fn extractors_of_one_handler_and_like_all_of() {
    fn same<R: authscheme::document::Documented>(combined: &RouteSecurity) {
        assert_eq!(combined.security(), Some(R::security().as_slice()));
        let mut declarations = authscheme::document::Declarations::default();
        R::declare(&mut declarations);
        assert_eq!(
            combined.declarations().names().collect::<Vec<_>>(),
            declarations.names().collect::<Vec<_>>()
        );
    }
    same::<AllOf<(Auth<Jwt>, Auth<Key>)>>(
        &RouteSecurity::of::<Auth<Jwt>>().and(RouteSecurity::of::<Auth<Key>>()),
    );
    same::<AllOf<(Option<Auth<Jwt>>, AnyOf<(Auth<Key>, Auth<Tenant>)>)>>(
        &RouteSecurity::of::<Auth<Jwt>>()
            .optional()
            .and(RouteSecurity::of::<AnyOf<(Auth<Key>, Auth<Tenant>)>>()),
    );
    // The same API key twice: its scopes merge into one entry.
    same::<
        AllOf<(
            ItemsReader,
            AnyOf<(Auth<Key>, Auth<Tenant>)>,
            Option<Verified<Ops, Keys>>,
        )>,
    >(
        &RouteSecurity::of::<ItemsReader>()
            .and(RouteSecurity::of::<AnyOf<(Auth<Key>, Auth<Tenant>)>>())
            .and(RouteSecurity::of::<Verified<Ops, Keys>>().optional()),
    );
    same::<Option<AnyOf<(Auth<Jwt>, Auth<Key>)>>>(
        &RouteSecurity::of::<AnyOf<(Auth<Jwt>, Auth<Key>)>>().optional(),
    );
    // A public side changes nothing.
    same::<Auth<Jwt>>(&RouteSecurity::public().and(RouteSecurity::of::<Auth<Jwt>>()));
    same::<Auth<Jwt>>(&RouteSecurity::of::<Auth<Jwt>>().and(RouteSecurity::public()));
    assert!(RouteSecurity::public().optional().security().is_none());
}

/// A catch-all path is mounted, but the document refuses it rather than describe another
/// set of URLs.
#[test]
fn a_documented_catch_all_path_is_refused() {
    let (_app, document) = Router::<()>::new()
        .route("/files/{*rest}", get(|| async { "file" }))
        .into_parts(SecurityDocument::new("Files", "1"));
    assert_eq!(
        document.to_json(OpenApiVersion::V3_1).unwrap_err(),
        DocumentError::WildcardPath {
            path: "/files/{*rest}".to_owned()
        }
    );
}

/// A utoipa document gets each operation's `security` from the same router: the document
/// the wrapper builds is a `Modify`.
mod utoipa_documents {
    use authscheme::adapters::utoipa::security;
    use utoipa::OpenApi as _;

    use super::*;

    /// Read the scoped resource.
    #[utoipa::path(get, path = "/scoped", responses((status = 200, description = "Scoped")))]
    #[allow(dead_code, reason = "documented, not called")]
    fn scoped_doc() {}

    /// Read the pet.
    #[utoipa::path(get, path = "/pets/{id}", params(("id" = u32, Path)), responses((status = 200, description = "The pet")))]
    #[allow(dead_code, reason = "documented, not called")]
    fn pet_doc() {}

    #[derive(utoipa::OpenApi)]
    #[openapi(info(title = "Router", version = "1.0.0"), paths(scoped_doc, pet_doc))]
    struct ApiDoc;

    #[test]
    fn the_routers_document_fills_utoipas_security() {
        let (_app, document) = router().into_parts(SecurityDocument::new("ignored", "0"));
        let mut api = ApiDoc::openapi();
        document
            .apply_to_utoipa(&mut api)
            .expect("expressible in utoipa");
        let json = serde_json::to_value(&api).unwrap();
        let scoped = &json["paths"]["/scoped"]["get"];
        assert_eq!(scoped["security"], json!([{"Items": ["items:read"]}]));
        assert_eq!(scoped["responses"]["200"]["description"], "Scoped");
        assert!(scoped["responses"]["401"].is_object());
        assert!(scoped["responses"]["403"].is_object());
        let pet = &json["paths"]["/pets/{id}"]["get"];
        assert_eq!(
            serde_json::to_value(security::<Auth<Key>>()).unwrap(),
            pet["security"]
        );
        assert_eq!(pet["parameters"][0]["name"], "id");
        // Every secured route of the router is there, public ones are not added.
        let ours = document.to_json(OpenApiVersion::V3_1).unwrap();
        for (method, path, operation) in operations(&ours) {
            let theirs = &json["paths"][&path][method.as_str().to_ascii_lowercase()];
            assert_eq!(
                theirs.get("security"),
                operation.get("security"),
                "{method} {path}"
            );
        }
        assert!(json["components"]["securitySchemes"]["Tenant"].is_object());
        document_support::assert_valid(&json, OpenApiVersion::V3_1);
    }
}
