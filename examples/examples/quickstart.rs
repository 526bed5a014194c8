//! The README's quickstart: a JWT password flow with scopes, a service API key, the OpenAPI
//! document and Swagger UI, each route declared once. `cargo run --example quickstart`, then
//! open <http://127.0.0.1:8000/docs/> and authorize as `alice` / `wonderland`.
use std::time::{SystemTime, UNIX_EPOCH};

use authscheme::adapters::axum::Router;
use authscheme::adapters::axum::routing::{get, post};
use authscheme::document::SecurityDocument;
use authscheme::form::OAuth2PasswordRequestForm;
use authscheme::jsonwebtoken::{self, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use authscheme::openapi::OpenApiVersion;
use authscheme::verify::{ApiKeys, BasicUsers, JwtVerifier};
use authscheme::{Auth, Rejection, SecurityScheme, Verified, scopes};
use axum::Json;
use axum::extract::{FromRef, State};
use axum::http::{HeaderValue, StatusCode};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use utoipa_swagger_ui::{Config, SwaggerUi};

/// Log in with a username and password. (The doc comment is the scheme's description.)
#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes("items" = "Read items", "admin" = "Manage items"))]
struct OAuth2PasswordBearer;

#[derive(SecurityScheme)]
#[api_key(name = "APIKeyHeader", header = "X-API-Key")]
struct ServiceKey;

#[derive(Clone, Deserialize, Serialize)]
struct Claims {
    sub: String,
    scope: String,
    exp: u64,
}

/// The router state: each verifier is reached through `#[derive(FromRef)]`.
#[derive(Clone, FromRef)]
struct App {
    tokens: JwtVerifier<Claims>,
    services: ApiKeys,
    users: BasicUsers,
    signing: EncodingKey,
}

/// A valid token granting `items` (403 `insufficient_scope` without it).
async fn items(
    user: Verified<scopes!(OAuth2PasswordBearer: "items"), JwtVerifier<Claims>>,
) -> String {
    format!("items of {}", user.principal().sub)
}

/// Anybody; a service says who it is with its key (a wrong key is still 401).
async fn ping(service: Option<Verified<ServiceKey, ApiKeys>>) -> &'static str {
    if service.is_some() {
        "pong, service"
    } else {
        "pong"
    }
}

/// Whatever token is sent, unverified: `Auth` only checks that it is well-formed.
async fn echo(token: Auth<OAuth2PasswordBearer>) -> String {
    format!("{} bytes of token", token.credentials().token().len())
}

/// The password grant: a signed JWT with the scopes asked for.
async fn token(
    State(app): State<App>,
    form: OAuth2PasswordRequestForm,
) -> Result<Json<Value>, Rejection> {
    let Some(user) = app.users.authenticate(&form.username, &form.password) else {
        let challenge = vec![HeaderValue::from_static("Bearer")];
        return Err(Rejection::new(
            StatusCode::UNAUTHORIZED,
            challenge,
            "Incorrect username or password",
        ));
    };
    let exp = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |now| now.as_secs() + 1800);
    let claims = Claims {
        sub: user.to_string(),
        scope: form.scopes.join(" "),
        exp,
    };
    let access_token = jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &app.signing)
        .map_err(|_| {
            Rejection::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                vec![],
                "Could not issue a token",
            )
        })?;
    Ok(Json(
        json!({ "access_token": access_token, "token_type": "bearer" }),
    ))
}

#[tokio::main]
async fn main() -> std::io::Result<()> {
    let port = std::env::var("PORT").unwrap_or_else(|_| "8000".to_owned());
    let listener = tokio::net::TcpListener::bind(format!("127.0.0.1:{port}")).await?;
    let address = listener.local_addr()?;
    let secret = b"change me: a random key of 32 bytes or more";

    // Each route once: the router and the OpenAPI document come from the same calls.
    let (router, document) = Router::new()
        .route("/token", post(token))
        .route("/items", get(items))
        .route("/ping", get(ping))
        .route("/echo", get(echo))
        // An absolute server URL: Swagger UI posts to `/token` on it, not to `/docs/token`.
        .into_parts(
            SecurityDocument::new("Quickstart", "1.0.0").server(format!("http://{address}")),
        );
    let openapi = document
        .to_json(OpenApiVersion::V3_1)
        .expect("a valid document");

    let app = App {
        tokens: JwtVerifier::new(
            DecodingKey::from_secret(secret),
            Validation::new(Algorithm::HS256),
        ),
        services: ApiKeys::new(["service-key-1"]),
        users: BasicUsers::new([("alice", "wonderland")]),
        signing: EncodingKey::from_secret(secret),
    };
    let router = router
        .route(
            "/openapi.json",
            axum::routing::get(move || async move { Json(openapi) }),
        )
        .merge(SwaggerUi::new("/docs").config(Config::from("/openapi.json")))
        .with_state(app);
    println!("listening on http://{address}");
    axum::serve(listener, router).await
}
