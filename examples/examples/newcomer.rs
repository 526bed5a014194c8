//! The app of issue 11's newcomer, in today's spelling: a JWT bearer scheme with scopes, an
//! API-key route, a Basic admin route, an optional route, `/openapi.json` from utoipa, and
//! each route declared once. `cargo run --example newcomer -- --print-openapi` prints the
//! document; without it the app serves on 127.0.0.1:8001.
use authscheme::adapters::axum::Router;
use authscheme::adapters::axum::routing::get;
use authscheme::document::SecurityDocument;
use authscheme::jsonwebtoken::{Algorithm, DecodingKey, Validation};
use authscheme::verify::{ApiKeys, BasicUsers, JwtVerifier};
use authscheme::{AnyOf, AnyOf2, SecurityScheme, Verified, scopes};
use axum::Json;
use axum::extract::FromRef;
use serde::Deserialize;
use utoipa::OpenApi;

/// Tokens of our identity provider.
#[derive(SecurityScheme)]
#[oauth2(
    client_credentials(token_url = "https://auth.example.com/token"),
    scopes("items:read" = "Read items", "items:write" = "Write items")
)]
struct Jwt;

#[derive(SecurityScheme)]
#[api_key(header = "X-API-Key")]
struct ServiceKey;

#[derive(SecurityScheme)]
#[http(basic, realm = "admin")]
struct Admin;

#[derive(Clone, Deserialize)]
struct Claims {
    sub: String,
}

#[derive(Clone, FromRef)]
struct App {
    tokens: JwtVerifier<Claims>,
    keys: ApiKeys,
    admins: BasicUsers,
}

#[utoipa::path(get, path = "/items", responses((status = 200, description = "The items")))]
async fn items(user: Verified<scopes!(Jwt: "items:read"), JwtVerifier<Claims>>) -> String {
    format!("items of {}", user.principal().sub)
}

#[utoipa::path(post, path = "/items", responses((status = 200, description = "Created")))]
async fn create(
    user: Verified<scopes!(Jwt: "items:read", "items:write"), JwtVerifier<Claims>>,
) -> String {
    format!("created by {}", user.principal().sub)
}

#[utoipa::path(get, path = "/service", responses((status = 200, description = "For services")))]
async fn service(key: Verified<ServiceKey, ApiKeys>) -> String {
    format!("service number {}", key.principal())
}

#[utoipa::path(get, path = "/admin", responses((status = 200, description = "For admins")))]
async fn admin(user: Verified<Admin, BasicUsers>) -> String {
    format!("hello, {}", user.principal())
}

/// A user or a service (clippy's `type_complexity` asks for a name this deep).
type UserOrService = AnyOf<(
    Verified<Jwt, JwtVerifier<Claims>>,
    Verified<ServiceKey, ApiKeys>,
)>;

#[utoipa::path(get, path = "/whoami", responses((status = 200, description = "Anybody")))]
async fn whoami(who: Option<UserOrService>) -> String {
    match who {
        Some(AnyOf2::A(user)) => format!("user {}", user.principal().sub),
        Some(AnyOf2::B(key)) => format!("service {}", key.principal()),
        None => "anonymous".to_owned(),
    }
}

#[derive(OpenApi)]
#[openapi(
    info(title = "Newcomer", version = "1.0.0"),
    paths(items, create, service, admin, whoami)
)]
struct ApiDoc;

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let (router, security) = Router::new()
        .route("/items", get(items).post(create))
        .route("/service", get(service))
        .route("/admin", get(admin))
        .route("/whoami", get(whoami))
        .into_parts(SecurityDocument::new("Newcomer", "1.0.0"));
    // utoipa's document, each operation's `security` and 401/403 from the router.
    let mut openapi = ApiDoc::openapi();
    security
        .apply_to_utoipa(&mut openapi)
        .expect("utoipa can express these schemes");
    if std::env::args().any(|arg| arg == "--print-openapi") {
        println!("{}", openapi.to_pretty_json().expect("serializable"));
        return Ok(());
    }
    let app = App {
        tokens: JwtVerifier::new(
            DecodingKey::from_secret(b"change me"),
            Validation::new(Algorithm::HS256),
        ),
        keys: ApiKeys::new(["service-key-1"]),
        admins: BasicUsers::new([("admin", "change me too")]),
    };
    let router = router
        .route(
            "/openapi.json",
            axum::routing::get(move || async move { Json(openapi) }),
        )
        .with_state(app);
    let listener = tokio::net::TcpListener::bind("127.0.0.1:8001").await?;
    axum::serve(listener, router).await
}
