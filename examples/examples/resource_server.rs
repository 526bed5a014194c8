//! A resource server that trusts the access tokens of an OpenID provider: the keys come from
//! the provider's discovery document and JWKS, and are refreshed as the provider rotates them.
//!
//! Run it against the provider the tests use (`oidc-provider`, in `tests/idp/`):
//!
//! ```text
//! npm ci --prefix tests/idp
//! node tests/idp/provider.mjs 4000          # keep it in the foreground: it exits when stdin closes
//! cargo run -p authscheme-examples --example resource_server
//! ```
//!
//! then get a token by client credentials and call the API:
//!
//! ```text
//! TOKEN=$(curl -s -u svc:svc-secret -d grant_type=client_credentials -d scope=items:read \
//!     http://127.0.0.1:4000/token | jq -r .access_token)
//! curl -H "Authorization: Bearer $TOKEN" http://127.0.0.1:8081/items     # 200
//! curl -X POST -H "Authorization: Bearer $TOKEN" http://127.0.0.1:8081/items   # 403 insufficient_scope
//! ```
//!
//! `RUST_LOG=authscheme=debug` shows why a token is refused, and when the key set changes.

use std::net::{Ipv4Addr, SocketAddr};

use authscheme::adapters::axum::Router;
use authscheme::adapters::axum::routing::get;
use authscheme::document::SecurityDocument;
use authscheme::openapi::OpenApiVersion;
use authscheme::verify::TokenCache;
use authscheme::verify::jwks::JwksVerifier;
use authscheme::{SecurityScheme, Verified, scopes};
use axum::Json;
use serde::Deserialize;

/// The provider's client-credentials flow. The issuer and audience are part of the
/// declaration: every token must name both, whichever verifier checks it.
#[derive(SecurityScheme)]
#[oauth2(
    client_credentials(
        token_url = "http://127.0.0.1:4000/token",
        scopes("items:read" = "Read items", "items:write" = "Create items")
    ),
    issuer = "http://127.0.0.1:4000",
    audience = "https://api.example.test"
)]
struct ProviderAuth;

/// What the handlers read of a token.
#[derive(Clone, Debug, Deserialize)]
struct Claims {
    client_id: String,
    sub: String,
}

type Jwks = JwksVerifier<Claims>;

async fn list_items(caller: Verified<scopes!(ProviderAuth: "items:read"), Jwks>) -> String {
    format!("items for {}\n", caller.principal().client_id)
}

async fn create_item(caller: Verified<scopes!(ProviderAuth: "items:write"), Jwks>) -> String {
    format!("item created by {}\n", caller.principal().sub)
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    tracing_subscriber::fmt()
        .with_env_filter(tracing_subscriber::EnvFilter::from_default_env())
        .init();
    // Discovery from the declared issuer, the audience from the declaration: a provider that
    // is not running, or names another issuer, stops the server here with a clear error.
    // The token cache spares a client that repeats its token a signature check per request.
    let verifier = Jwks::for_scheme::<ProviderAuth>()
        .token_cache(TokenCache::new(10_000))
        .build()
        .await?;
    println!(
        "keys of {} from {} ({} keys)",
        verifier.issuer(),
        verifier.jwks_uri(),
        verifier.key_count()
    );
    let address = SocketAddr::from((Ipv4Addr::LOCALHOST, 8081));
    // Each route once: the router and the OpenAPI document come from the same calls.
    let (router, document) = Router::new()
        .route("/items", get(list_items).post(create_item))
        .into_parts(
            SecurityDocument::new("Resource server", "1.0.0").server(format!("http://{address}")),
        );
    let openapi = document.to_json(OpenApiVersion::V3_1)?;
    let app = router
        .route(
            "/openapi.json",
            axum::routing::get(move || async move { Json(openapi) }),
        )
        .with_state(verifier);
    let listener = tokio::net::TcpListener::bind(address).await?;
    println!("listening on http://{address}");
    axum::serve(listener, app).await?;
    Ok(())
}
