//! `JwksVerifier` against a real identity provider: panva's `oidc-provider`, started on
//! loopback by `idp_support` (see its docs for what it needs; without Node.js and
//! `npm ci --prefix tests/idp` each test passes after a notice, and fails under `CI=true`).
//!
//! The requests go through an axum router, as an application's would: tokens from the
//! provider's token endpoint (client credentials), keys from its discovery document and JWKS,
//! and the provider's own request counts for how often the verifier fetched.

mod idp_support;

use std::time::Duration;

use authscheme::verify::jwks::{JwksVerifier, ReqwestFetch};
use authscheme::{SecurityScheme, Verified, scopes};
use axum::Router;
use axum::body::Body;
use axum::routing::get;
use http::{Request, StatusCode, header};
use idp_support::{API, EDDSA_API, ES256_API, Idp};
use tower::ServiceExt as _;

/// The provider's client-credentials flow, with the scopes its resource grants.
#[derive(SecurityScheme)]
#[oauth2(
    client_credentials(
        token_url = "http://127.0.0.1/token",
        scopes("items:read" = "Read items", "items:write" = "Create items")
    )
)]
struct Provider;

#[derive(Clone, Debug, serde::Deserialize)]
struct Claims {
    client_id: String,
}

async fn read(user: Verified<scopes!(Provider: "items:read"), JwksVerifier<Claims>>) -> String {
    format!("read by {}", user.principal().client_id)
}

async fn write(user: Verified<scopes!(Provider: "items:write"), JwksVerifier<Claims>>) -> String {
    format!("written by {}", user.principal().client_id)
}

fn app(verifier: JwksVerifier<Claims>) -> Router {
    Router::new()
        .route("/items", get(read).post(write))
        .with_state(verifier)
}

/// A verifier for the provider's tokens to `audience`, through discovery. The cooldown is
/// the default (30 s): the tests that count fetches rely on it.
async fn verifier(idp: &Idp, audience: &str) -> JwksVerifier<Claims> {
    JwksVerifier::discover(idp.issuer())
        .audience(audience)
        .fetch(ReqwestFetch::new())
        .build()
        .await
        .expect("discovery and the key set from the provider")
}

/// The status, `WWW-Authenticate` and body of `method /items` with `token`.
async fn call(app: &Router, method: &str, token: &str) -> (StatusCode, Option<String>, String) {
    let request = Request::builder()
        .method(method)
        .uri("/items")
        .header(header::AUTHORIZATION, format!("Bearer {token}"))
        .body(Body::empty())
        .expect("a request");
    let response = app.clone().oneshot(request).await.expect("infallible");
    let status = response.status();
    let challenge = response
        .headers()
        .get(header::WWW_AUTHENTICATE)
        .map(|value| value.to_str().expect("ASCII").to_owned());
    let body = axum::body::to_bytes(response.into_body(), 1 << 16)
        .await
        .expect("a body");
    (
        status,
        challenge,
        String::from_utf8_lossy(&body).into_owned(),
    )
}

const INVALID_TOKEN: &str = r#"Bearer error="invalid_token""#;

#[tokio::test]
async fn client_credentials_tokens_are_verified_through_discovery_for_each_algorithm() {
    let Some(idp) = Idp::start() else { return };
    for resource in [API, ES256_API, EDDSA_API] {
        let app = app(verifier(&idp, resource).await);
        let token = idp
            .client_credentials_token("items:read", Some(resource))
            .await;
        let (status, _, body) = call(&app, "GET", &token).await;
        assert_eq!(
            (status, body.as_str()),
            (StatusCode::OK, "read by svc"),
            "{resource}"
        );
    }
    // One discovery and one key set per verifier; no fetch per request.
    let stats = idp.stats().await;
    assert_eq!((stats.discovery_requests, stats.jwks_requests), (3, 3));
}

#[tokio::test]
async fn the_token_scopes_reach_the_scope_check() {
    let Some(idp) = Idp::start() else { return };
    let app = app(verifier(&idp, API).await);
    let reader = idp.client_credentials_token("items:read", None).await;
    let (status, challenge, _) = call(&app, "POST", &reader).await;
    assert_eq!(status, StatusCode::FORBIDDEN);
    assert_eq!(
        challenge.as_deref(),
        Some(r#"Bearer error="insufficient_scope", scope="items:write""#)
    );
    let writer = idp
        .client_credentials_token("items:read items:write", None)
        .await;
    let (status, _, body) = call(&app, "POST", &writer).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "written by svc"));
}

#[tokio::test]
async fn a_token_for_another_audience_is_refused() {
    let Some(idp) = Idp::start() else { return };
    let app = app(verifier(&idp, API).await);
    // Signed by the same provider with a key of the same set, for another resource.
    let token = idp
        .client_credentials_token("items:read", Some(ES256_API))
        .await;
    let (status, challenge, _) = call(&app, "GET", &token).await;
    assert_eq!(status, StatusCode::UNAUTHORIZED);
    assert_eq!(challenge.as_deref(), Some(INVALID_TOKEN));
}

#[tokio::test]
async fn a_key_rotation_at_the_provider_is_picked_up_without_a_restart() {
    let Some(idp) = Idp::start() else { return };
    let app = app(verifier(&idp, API).await);
    let before = idp.client_credentials_token("items:read", None).await;
    assert_eq!(call(&app, "GET", &before).await.0, StatusCode::OK);
    idp.rotate(false).await;
    // A token signed with the new key names a `kid` the verifier has not seen: it fetches
    // the set once, and verifies.
    let after = idp.client_credentials_token("items:read", None).await;
    let (status, _, body) = call(&app, "GET", &after).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "read by svc"));
    assert_eq!(idp.stats().await.jwks_requests, 2);
    // The old key is gone from the provider's set, so from the verifier's.
    assert_eq!(call(&app, "GET", &before).await.0, StatusCode::UNAUTHORIZED);
    assert_eq!(call(&app, "GET", &after).await.0, StatusCode::OK);
    assert_eq!(idp.stats().await.jwks_requests, 2);
}

#[tokio::test]
async fn cached_keys_keep_working_while_the_provider_is_stopped() {
    let Some(mut idp) = Idp::start() else { return };
    let verifier = JwksVerifier::discover(idp.issuer())
        .audience(API)
        .fetch(ReqwestFetch::new())
        // Refresh often, so the refreshes fail while the provider is down.
        .refresh(
            Duration::from_secs(1),
            Duration::from_secs(1),
            Duration::from_secs(1),
        )
        .retry(Duration::from_secs(1))
        .build()
        .await
        .expect("the verifier");
    let app = app(verifier.clone());
    let token = idp.client_credentials_token("items:read", None).await;
    idp.stop();
    // Several refreshes fail meanwhile.
    tokio::time::sleep(Duration::from_secs(3)).await;
    let (status, _, body) = call(&app, "GET", &token).await;
    assert_eq!((status, body.as_str()), (StatusCode::OK, "read by svc"));
    assert_eq!(verifier.key_count(), 3);
}

#[tokio::test]
async fn a_flood_of_unknown_kids_fetches_the_set_at_most_once_per_cooldown() {
    let Some(idp) = Idp::start() else { return };
    let app = app(verifier(&idp, API).await);
    let token = idp.client_credentials_token("items:read", None).await;
    let flood: Vec<_> = (0..200)
        .map(|n| {
            let app = app.clone();
            let forged = with_kid(&token, &format!("made-up-{n}"));
            tokio::spawn(async move { call(&app, "GET", &forged).await })
        })
        .collect();
    for request in flood {
        let (status, challenge, _) = request.await.expect("the request task");
        assert_eq!(status, StatusCode::UNAUTHORIZED);
        assert_eq!(challenge.as_deref(), Some(INVALID_TOKEN));
    }
    // The start-up fetch, and one for the whole flood.
    assert_eq!(idp.stats().await.jwks_requests, 2);
    // The real token still passes, with no fetch.
    assert_eq!(call(&app, "GET", &token).await.0, StatusCode::OK);
    assert_eq!(idp.stats().await.jwks_requests, 2);
}

/// `token` with its header's `kid` replaced (the signature no longer matches, which the
/// verifier never gets to check: no key has that `kid`).
fn with_kid(token: &str, kid: &str) -> String {
    use base64::Engine as _;
    let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let (header, rest) = token.split_once('.').expect("a JWT");
    let mut header: serde_json::Value =
        serde_json::from_slice(&engine.decode(header).expect("base64url")).expect("JSON");
    header["kid"] = kid.into();
    let header = engine.encode(serde_json::to_vec(&header).expect("JSON"));
    format!("{header}.{rest}")
}

#[tokio::test]
async fn forged_tokens_are_each_a_401_invalid_token() {
    use base64::Engine as _;
    let Some(idp) = Idp::start() else { return };
    let app = app(verifier(&idp, API).await);
    let engine = base64::engine::general_purpose::URL_SAFE_NO_PAD;
    let token = idp.client_credentials_token("items:read", None).await;
    let parts: Vec<&str> = token.split('.').collect();
    let header: serde_json::Value =
        serde_json::from_slice(&engine.decode(parts[0]).expect("base64url")).expect("JSON");
    let kid = header["kid"].as_str().expect("a kid").to_owned();
    let claims: serde_json::Value =
        serde_json::from_slice(&engine.decode(parts[1]).expect("base64url")).expect("JSON");

    // `alg: none`, no signature.
    let none = engine
        .encode(serde_json::to_vec(&serde_json::json!({"alg": "none", "kid": kid})).expect("JSON"));
    let unsigned = format!("{none}.{}.", parts[1]);
    // HS256 under the RSA key's `kid`, keyed with the published key itself (algorithm
    // confusion: a verifier that let the header pick the algorithm would accept it).
    let jwks = idp.jwks().await;
    let public = serde_json::to_vec(jwks.find(&kid).expect("the key is published")).expect("JSON");
    let mut hmac_header = jsonwebtoken::Header::new(jsonwebtoken::Algorithm::HS256);
    hmac_header.kid = Some(kid.clone());
    let confused = jsonwebtoken::encode(
        &hmac_header,
        &claims,
        &jsonwebtoken::EncodingKey::from_secret(&public),
    )
    .expect("signs");
    // More scope in the payload, the provider's signature kept.
    let mut escalated = claims.clone();
    escalated["scope"] = "items:read items:write".into();
    let tampered = format!(
        "{}.{}.{}",
        parts[0],
        engine.encode(serde_json::to_vec(&escalated).expect("JSON")),
        parts[2]
    );
    // The signature cut short.
    let cut = &token[..token.len() - 4];

    for (what, forged) in [
        ("alg none", unsigned.as_str()),
        ("HS256 with the public key", confused.as_str()),
        ("tampered payload", tampered.as_str()),
        ("cut signature", cut),
    ] {
        for method in ["GET", "POST"] {
            let (status, challenge, _) = call(&app, method, forged).await;
            assert_eq!(status, StatusCode::UNAUTHORIZED, "{what}");
            assert_eq!(challenge.as_deref(), Some(INVALID_TOKEN), "{what}");
        }
    }
    // None of them made the verifier fetch: each names a key it holds. (The two fetches are
    // the verifier's at start-up and this test's own, for the public key.)
    assert_eq!(idp.stats().await.jwks_requests, 2);
}
