//! The identity provider harness itself (`idp_support`, over `tests/idp/provider.mjs`):
//! discovery, tokens that verify against the published JWKS, key rotation, introspection of
//! opaque tokens, request counts, the JWKS' `Cache-Control`, and stopping. The JWKS verifier's own end-to-end tests build
//! on these guarantees.
//!
//! Each test passes with a notice when node or the npm packages are missing (and fails when
//! `CI=true`): see `idp_support`.

mod idp_support;

use std::collections::BTreeSet;
use std::net::{SocketAddr, TcpStream};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use idp_support::{API, EDDSA_API, ES256_API, Idp, OPAQUE_API};
use jsonwebtoken::jwk::JwkSet;
use jsonwebtoken::{Algorithm, DecodingKey, TokenData, Validation, decode, decode_header};
use serde::Deserialize;

#[derive(Debug, Deserialize)]
struct Claims {
    iss: String,
    aud: String,
    sub: String,
    client_id: String,
    scope: String,
    exp: u64,
}

/// `token` checked the way a JWKS-backed verifier would: the header's `kid` picks the key
/// in `jwks`, and signature, issuer, audience and expiry must hold.
fn verify(token: &str, jwks: &JwkSet, issuer: &str, audience: &str) -> TokenData<Claims> {
    let header = decode_header(token).expect("a JWT header");
    let kid = header.kid.expect("the header names its key");
    let jwk = jwks
        .find(&kid)
        .unwrap_or_else(|| panic!("kid {kid} is not in the JWKS"));
    let key = DecodingKey::from_jwk(jwk).expect("a usable JWK");
    let mut validation = Validation::new(header.alg);
    validation.set_issuer(&[issuer]);
    validation.set_audience(&[audience]);
    validation.set_required_spec_claims(&["exp", "iss", "aud"]);
    decode(token, &key, &validation).expect("the token verifies against the JWKS")
}

fn kid_of(token: &str) -> String {
    decode_header(token)
        .expect("a JWT header")
        .kid
        .expect("the header names its key")
}

fn kids(jwks: &JwkSet) -> BTreeSet<String> {
    jwks.keys
        .iter()
        .map(|jwk| jwk.common.key_id.clone().expect("a kid on every key"))
        .collect()
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("after 1970")
        .as_secs()
}

#[tokio::test]
async fn discovery_names_the_issuer_and_the_jwks() {
    let Some(idp) = Idp::start() else { return };
    let discovery = idp.discovery().await;
    assert_eq!(discovery["issuer"], idp.issuer());
    assert_eq!(discovery["jwks_uri"], idp.jwks_uri());
    assert_eq!(discovery["token_endpoint"], idp.token_endpoint());
}

#[tokio::test]
async fn a_client_credentials_token_is_an_rs256_jwt_for_the_default_resource() {
    let Some(idp) = Idp::start() else { return };
    let token = idp
        .client_credentials_token("items:read items:write", None)
        .await;
    let jwks = idp.jwks().await;

    let data = verify(&token, &jwks, idp.issuer(), API);
    assert_eq!(data.header.alg, Algorithm::RS256);
    let claims = data.claims;
    assert_eq!(claims.iss, idp.issuer());
    assert_eq!(claims.aud, API);
    assert_eq!(claims.sub, "svc");
    assert_eq!(claims.client_id, "svc");
    let scopes: BTreeSet<&str> = claims.scope.split(' ').collect();
    assert_eq!(scopes, BTreeSet::from(["items:read", "items:write"]));
    // Minutes ahead: long enough for a test, short like a real access token.
    let lifetime = claims.exp.saturating_sub(now());
    assert!((60..=600).contains(&lifetime), "expires in {lifetime} s");

    // Naming the default resource changes nothing.
    let named = idp.client_credentials_token("items:read", Some(API)).await;
    let data = verify(&named, &jwks, idp.issuer(), API);
    assert_eq!(data.claims.scope, "items:read");
}

#[tokio::test]
async fn other_resources_get_es256_and_eddsa_tokens() {
    let Some(idp) = Idp::start() else { return };
    let jwks = idp.jwks().await;
    for (resource, alg) in [(ES256_API, Algorithm::ES256), (EDDSA_API, Algorithm::EdDSA)] {
        let token = idp
            .client_credentials_token("items:read", Some(resource))
            .await;
        let data = verify(&token, &jwks, idp.issuer(), resource);
        assert_eq!(data.header.alg, alg, "{resource}");
        assert_eq!(data.claims.aud, resource);
    }
}

#[tokio::test]
async fn rotation_signs_with_a_new_key_and_publishes_only_it() {
    let Some(idp) = Idp::start() else { return };
    let start = idp.stats().await;
    let old_token = idp.client_credentials_token("items:read", None).await;
    let old_jwks = idp.jwks().await;

    let new_kid = idp.rotate(false).await;
    let new_token = idp.client_credentials_token("items:read", None).await;
    let new_jwks = idp.jwks().await;

    assert_ne!(new_kid, kid_of(&old_token));
    assert_eq!(kid_of(&new_token), new_kid);
    verify(&new_token, &new_jwks, idp.issuer(), API);
    // One key per algorithm, none of them the old ones.
    assert!(kids(&new_jwks).contains(&new_kid));
    assert_eq!(new_jwks.keys.len(), 3);
    assert!(kids(&new_jwks).is_disjoint(&kids(&old_jwks)));
    assert!(new_jwks.find(&kid_of(&old_token)).is_none());

    let end = idp.stats().await;
    assert_eq!(end.jwks_requests - start.jwks_requests, 2);
    assert_eq!(end.discovery_requests, start.discovery_requests);
}

#[tokio::test]
async fn rotation_can_keep_publishing_the_old_keys() {
    let Some(idp) = Idp::start() else { return };
    let old_token = idp.client_credentials_token("items:read", None).await;

    let new_kid = idp.rotate(true).await;
    let new_token = idp.client_credentials_token("items:read", None).await;
    let jwks = idp.jwks().await;

    assert_eq!(kid_of(&new_token), new_kid);
    assert_eq!(jwks.keys.len(), 6);
    // Tokens from before the rotation still verify, and so do new ones.
    verify(&old_token, &jwks, idp.issuer(), API);
    verify(&new_token, &jwks, idp.issuer(), API);
}

#[tokio::test]
async fn opaque_tokens_are_introspectable_across_rotations() {
    let Some(idp) = Idp::start() else { return };
    let token = idp
        .client_credentials_token("items:read", Some(OPAQUE_API))
        .await;
    assert!(decode_header(&token).is_err(), "not a JWT: {token}");

    idp.rotate(false).await;
    let answer = idp.introspect(&token).await;
    assert_eq!(answer["active"], true, "{answer}");
    assert_eq!(answer["aud"], OPAQUE_API);
    assert_eq!(answer["scope"], "items:read");
    assert_eq!(answer["client_id"], "svc");
    assert_eq!(idp.introspect("unknown").await["active"], false);
}

#[tokio::test]
async fn the_jwks_cache_control_is_settable() {
    let Some(idp) = Idp::start() else { return };
    assert_eq!(
        idp.jwks_cache_control().await.as_deref(),
        Some("max-age=300")
    );
    idp.set_cache_max_age(7).await;
    assert_eq!(idp.jwks_cache_control().await.as_deref(), Some("max-age=7"));
    idp.set_cache_max_age(0).await;
    assert_eq!(idp.jwks_cache_control().await.as_deref(), Some("max-age=0"));
    // Each of the three fetches was counted.
    assert_eq!(idp.stats().await.jwks_requests, 3);
}

fn refuses_connections(address: &str) -> bool {
    let address: SocketAddr = address.parse().expect("a socket address");
    TcpStream::connect_timeout(&address, Duration::from_secs(2))
        .is_err_and(|error| error.kind() == std::io::ErrorKind::ConnectionRefused)
}

#[tokio::test]
async fn stop_closes_the_port() {
    let Some(mut idp) = Idp::start() else { return };
    idp.jwks().await;
    let address = idp.address().to_owned();
    assert!(!refuses_connections(&address));
    idp.stop();
    assert!(refuses_connections(&address));
    // Stopping twice is harmless (and `Drop` stops again).
    idp.stop();
}

#[tokio::test]
async fn dropping_the_idp_ends_node() {
    let Some(idp) = Idp::start() else { return };
    let address = idp.address().to_owned();
    drop(idp);
    assert!(refuses_connections(&address));
}
