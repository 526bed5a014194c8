//! The JWKS verifier against an in-process fake provider: discovery, rotation, failures,
//! single-flight and cooldown. Time is tokio's paused clock, so the refresh intervals and
//! cooldowns are exact and the tests do not wait for them.
//!
//! The keys in `testdata/` were generated for these tests (`openssl genpkey`); they sign
//! nothing else.

use std::collections::HashMap;
use std::sync::{Arc, Mutex};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use jsonwebtoken::{EncodingKey, Header};
use serde_json::{Value, json};

use super::*;
use crate::credentials::{BearerToken, Credentials};
use crate::openapi;

struct Api;

impl SecurityScheme for Api {
    const DECLARATION: crate::Declaration =
        crate::Declaration::new("Api", &["read", "write"], openapi::OpenApiVersion::V3_0);
    type Credentials = BearerToken;
    const CONFIG: () = ();
    const OPENAPI: openapi::SecurityScheme = openapi::SecurityScheme::bearer(None);
}

const ISSUER: &str = "https://idp.example";
const DISCOVERY: &str = "https://idp.example/.well-known/openid-configuration";
const JWKS: &str = "https://idp.example/jwks";
const AUDIENCE: &str = "https://api.example";

const ED_A: &str = include_str!("testdata/ed-a.pem");
const ED_A_X: &str = include_str!("testdata/ed-a.x");
const ED_B: &str = include_str!("testdata/ed-b.pem");
const ED_B_X: &str = include_str!("testdata/ed-b.x");
const RSA: &str = include_str!("testdata/rsa.pem");
const RSA_N: &str = include_str!("testdata/rsa.n");
const RSA_PUBLIC: &str = include_str!("testdata/rsa.pub.pem");

/// A provider in memory: documents by URL, every `GET` counted, and a switch to take it down.
#[derive(Clone, Default)]
struct FakeIdp {
    state: Arc<Mutex<FakeState>>,
}

#[derive(Default)]
struct FakeState {
    documents: HashMap<String, (http::StatusCode, Option<&'static str>, Vec<u8>)>,
    gets: HashMap<String, usize>,
    down: bool,
    /// How long each answer takes.
    delay: Duration,
}

impl FakeIdp {
    /// A provider publishing `keys` (JWKs) behind an OpenID Connect discovery document.
    fn new(keys: &[Value]) -> Self {
        let idp = Self::default();
        idp.serve(
            DISCOVERY,
            &json!({"issuer": ISSUER, "jwks_uri": JWKS, "token_endpoint": "https://idp.example/token"}),
        );
        idp.publish(keys, None);
        idp
    }

    fn serve(&self, url: &str, document: &Value) {
        self.set(
            url,
            http::StatusCode::OK,
            None,
            serde_json::to_vec(document).unwrap(),
        );
    }

    fn set(&self, url: &str, status: http::StatusCode, cache: Option<&'static str>, body: Vec<u8>) {
        let mut state = self.state.lock().unwrap();
        state
            .documents
            .insert(url.to_owned(), (status, cache, body));
    }

    /// Replaces the key set, with an optional `Cache-Control`.
    fn publish(&self, keys: &[Value], cache: Option<&'static str>) {
        let body = serde_json::to_vec(&json!({ "keys": keys })).unwrap();
        self.set(JWKS, http::StatusCode::OK, cache, body);
    }

    fn gets(&self, url: &str) -> usize {
        self.state
            .lock()
            .unwrap()
            .gets
            .get(url)
            .copied()
            .unwrap_or(0)
    }

    fn set_down(&self, down: bool) {
        self.state.lock().unwrap().down = down;
    }

    fn set_delay(&self, delay: Duration) {
        self.state.lock().unwrap().delay = delay;
    }
}

impl HttpFetch for FakeIdp {
    async fn get(&self, url: &str, max_bytes: usize) -> Result<http::Response<Bytes>, FetchError> {
        let delay = {
            let mut state = self.state.lock().unwrap();
            *state.gets.entry(url.to_owned()).or_default() += 1;
            state.delay
        };
        tokio::time::sleep(delay).await;
        let state = self.state.lock().unwrap();
        if state.down {
            return Err(FetchError::new("connection refused"));
        }
        let Some((status, cache, body)) = state.documents.get(url) else {
            let mut response = http::Response::new(Bytes::new());
            *response.status_mut() = http::StatusCode::NOT_FOUND;
            return Ok(response);
        };
        if body.len() > max_bytes {
            return Err(FetchError::too_large());
        }
        let mut response = http::Response::new(Bytes::from(body.clone()));
        *response.status_mut() = *status;
        if let Some(cache) = cache {
            response
                .headers_mut()
                .insert(http::header::CACHE_CONTROL, cache.parse().unwrap());
        }
        Ok(response)
    }
}

fn ed_jwk(kid: &str, x: &str) -> Value {
    json!({"kty": "OKP", "crv": "Ed25519", "x": x.trim(), "kid": kid, "use": "sig"})
}

fn rsa_jwk(kid: &str) -> Value {
    json!({"kty": "RSA", "n": RSA_N.trim(), "e": "AQAB", "kid": kid, "alg": "RS256"})
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .unwrap()
        .as_secs()
}

/// Claims a provider would issue for this API, changed by `change`.
fn claims(change: impl FnOnce(&mut Value)) -> Value {
    let mut claims = json!({
        "iss": ISSUER, "aud": AUDIENCE, "sub": "client-1", "scope": "read other",
        "exp": now() + 600, "iat": now(),
    });
    change(&mut claims);
    claims
}

fn sign(alg: Algorithm, kid: Option<&str>, key: &EncodingKey, claims: &Value) -> String {
    let mut header = Header::new(alg);
    header.kid = kid.map(str::to_owned);
    jsonwebtoken::encode(&header, claims, key).unwrap()
}

fn ed(pem: &str) -> EncodingKey {
    EncodingKey::from_ed_pem(pem.as_bytes()).unwrap()
}

fn ed_token(kid: &str, pem: &str) -> String {
    sign(Algorithm::EdDSA, Some(kid), &ed(pem), &claims(|_| {}))
}

async fn verifier(idp: &FakeIdp) -> JwksVerifier {
    JwksVerifier::discover(ISSUER)
        .audience(AUDIENCE)
        .fetch(idp.clone())
        .build()
        .await
        .unwrap()
}

async fn check(verifier: &JwksVerifier, token: &str) -> Result<Grant<Api, Value>, VerifyError> {
    let request = http::Request::get("/")
        .header("authorization", format!("Bearer {token}"))
        .body(())
        .unwrap();
    let (parts, ()) = request.into_parts();
    let token = BearerToken::extract(&parts, &()).unwrap().unwrap();
    Verifier::<Api>::verify(verifier, &token, &parts).await
}

#[track_caller]
fn assert_refused(result: &Result<Grant<Api, Value>, VerifyError>, reason: &Reason) {
    match result {
        Ok(_) => panic!("accepted; expected {reason:?}"),
        Err(error) => {
            assert_eq!(error.reason(), Some(reason));
            assert_eq!(error.detail(), VerifyError::COULD_NOT_VALIDATE);
        }
    }
}

#[tokio::test(start_paused = true)]
async fn a_token_signed_with_a_published_key_is_verified_with_its_scopes() {
    let idp = FakeIdp::new(&[ed_jwk("a", ED_A_X), rsa_jwk("r")]);
    let verifier = verifier(&idp).await;
    assert_eq!(verifier.issuer(), ISSUER);
    assert_eq!(verifier.jwks_uri(), JWKS);
    assert_eq!(verifier.key_count(), 2);
    let grant = check(&verifier, &ed_token("a", ED_A)).await.unwrap();
    assert_eq!(grant.principal()["sub"], "client-1");
    assert_eq!(grant.scopes().names().collect::<Vec<_>>(), ["read"]);
    let rsa = EncodingKey::from_rsa_pem(RSA.as_bytes()).unwrap();
    let token = sign(Algorithm::RS256, Some("r"), &rsa, &claims(|_| {}));
    assert!(check(&verifier, &token).await.is_ok());
    assert_eq!((idp.gets(DISCOVERY), idp.gets(JWKS)), (1, 1));
}

#[tokio::test(start_paused = true)]
async fn every_forgery_and_claim_failure_is_a_401() {
    let idp = FakeIdp::new(&[ed_jwk("a", ED_A_X), rsa_jwk("r")]);
    let verifier = verifier(&idp).await;
    let key = ed(ED_A);
    let with = |change: fn(&mut Value)| sign(Algorithm::EdDSA, Some("a"), &key, &claims(change));
    for (token, reason) in [
        (
            with(|c| c["iss"] = json!("https://evil.example")),
            Reason::WrongIssuer,
        ),
        (
            with(|c| c["aud"] = json!("https://other.example")),
            Reason::WrongAudience,
        ),
        (
            with(|c| drop(c.as_object_mut().unwrap().remove("aud"))),
            Reason::MissingClaim("aud".into()),
        ),
        (
            with(|c| drop(c.as_object_mut().unwrap().remove("iss"))),
            Reason::MissingClaim("iss".into()),
        ),
        (with(|c| c["exp"] = json!(now() - 3600)), Reason::Expired),
        (
            with(|c| c["nbf"] = json!(now() + 3600)),
            Reason::NotYetValid,
        ),
        // Signed by a key the set does not hold, under a `kid` it does.
        (ed_token("a", ED_B), Reason::BadSignature),
        // The RSA public key used as an HMAC secret (algorithm confusion).
        (
            sign(
                Algorithm::HS256,
                Some("r"),
                &EncodingKey::from_secret(RSA_PUBLIC.as_bytes()),
                &claims(|_| {}),
            ),
            Reason::WrongAlgorithm,
        ),
        // An unsigned token.
        (unsigned(&claims(|_| {})), Reason::MalformedToken),
    ] {
        let result = check(&verifier, &token).await;
        if reason == Reason::Expired {
            let error = result.err().unwrap();
            assert_eq!(error.reason(), Some(&Reason::Expired));
            assert_eq!(error.detail(), "Token has expired");
        } else {
            assert_refused(&result, &reason);
        }
    }
    // A tampered payload: the signature no longer covers it.
    let token = ed_token("a", ED_A);
    let mut parts: Vec<String> = token.split('.').map(str::to_owned).collect();
    parts[1] =
        base64_url(&serde_json::to_vec(&claims(|c| c["scope"] = json!("read write"))).unwrap());
    assert_refused(
        &check(&verifier, &parts.join(".")).await,
        &Reason::BadSignature,
    );
}

fn base64_url(bytes: &[u8]) -> String {
    use base64::Engine as _;
    base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(bytes)
}

fn unsigned(claims: &Value) -> String {
    let header = base64_url(br#"{"alg":"none","kid":"a"}"#);
    format!(
        "{header}.{}.",
        base64_url(&serde_json::to_vec(claims).unwrap())
    )
}

#[tokio::test(start_paused = true)]
async fn a_rotated_key_is_found_by_its_kid_without_waiting_for_the_refresh() {
    let idp = FakeIdp::new(&[ed_jwk("a", ED_A_X)]);
    let verifier = verifier(&idp).await;
    idp.publish(&[ed_jwk("b", ED_B_X)], None);
    // Signed with the new key: its `kid` is unknown, so the set is fetched again.
    assert!(check(&verifier, &ed_token("b", ED_B)).await.is_ok());
    assert_eq!(idp.gets(JWKS), 2);
    // The old key left the set with the fetch.
    assert_refused(
        &check(&verifier, &ed_token("a", ED_A)).await,
        &Reason::UnknownKey,
    );
}

#[tokio::test(start_paused = true)]
async fn the_set_is_refreshed_in_the_background_at_its_max_age() {
    let idp = FakeIdp::new(&[ed_jwk("a", ED_A_X)]);
    idp.publish(&[ed_jwk("a", ED_A_X)], Some("public, max-age=300"));
    let verifier = verifier(&idp).await;
    idp.publish(&[ed_jwk("b", ED_B_X)], Some("max-age=300"));
    tokio::time::sleep(Duration::from_secs(299)).await;
    assert_eq!(idp.gets(JWKS), 1);
    tokio::time::sleep(Duration::from_secs(2)).await;
    assert_eq!(idp.gets(JWKS), 2);
    // Already in the set: no fetch on the request path.
    assert!(check(&verifier, &ed_token("b", ED_B)).await.is_ok());
    assert_eq!(idp.gets(JWKS), 2);
    tokio::time::sleep(Duration::from_mins(5)).await;
    assert_eq!(idp.gets(JWKS), 3);
}

#[tokio::test(start_paused = true)]
async fn cached_keys_keep_working_while_the_provider_is_down() {
    let idp = FakeIdp::new(&[ed_jwk("a", ED_A_X)]);
    let verifier = verifier(&idp).await;
    idp.set_down(true);
    // The background refresh (10 min without a max-age) fails, and retries every 30 s.
    tokio::time::sleep(Duration::from_secs(601)).await;
    assert_eq!(idp.gets(JWKS), 2);
    tokio::time::sleep(Duration::from_secs(30)).await;
    assert_eq!(idp.gets(JWKS), 3);
    assert!(check(&verifier, &ed_token("a", ED_A)).await.is_ok());
    // An unknown `kid` cannot fetch either, and the known keys are still there afterwards.
    assert_refused(
        &check(&verifier, &ed_token("b", ED_B)).await,
        &Reason::UnknownKey,
    );
    assert_eq!(verifier.key_count(), 1);
    // A provider that answers with an error, or with a document that is not a key set, is no
    // better than one that is down.
    idp.set_down(false);
    idp.set(
        JWKS,
        http::StatusCode::INTERNAL_SERVER_ERROR,
        None,
        b"oops".to_vec(),
    );
    tokio::time::sleep(Duration::from_secs(31)).await;
    idp.set(JWKS, http::StatusCode::OK, None, b"<html>".to_vec());
    tokio::time::sleep(Duration::from_secs(31)).await;
    assert_eq!(idp.gets(JWKS), 5);
    assert!(check(&verifier, &ed_token("a", ED_A)).await.is_ok());
}

#[tokio::test(start_paused = true)]
async fn a_flood_of_unknown_kids_fetches_once_per_cooldown() {
    let idp = FakeIdp::new(&[ed_jwk("a", ED_A_X)]);
    let verifier = verifier(&idp).await;
    // Each answer takes a second, so the flood arrives while the first fetch is in flight.
    idp.set_delay(Duration::from_secs(1));
    let flood: Vec<_> = (0..50)
        .map(|n| {
            let verifier = verifier.clone();
            let token = ed_token(&format!("made-up-{n}"), ED_A);
            tokio::spawn(async move { check(&verifier, &token).await.is_err() })
        })
        .collect();
    for request in flood {
        assert!(request.await.unwrap());
    }
    assert_eq!(idp.gets(JWKS), 2, "one fetch for the whole flood");
    // Within the cooldown, more made-up `kid`s fetch nothing.
    for n in 0..20 {
        let token = ed_token(&format!("later-{n}"), ED_A);
        assert_refused(&check(&verifier, &token).await, &Reason::UnknownKey);
    }
    assert_eq!(idp.gets(JWKS), 2);
    // After it, one more.
    tokio::time::sleep(Duration::from_secs(30)).await;
    assert_refused(
        &check(&verifier, &ed_token("after", ED_A)).await,
        &Reason::UnknownKey,
    );
    assert_eq!(idp.gets(JWKS), 3);
    // Tokens without a `kid`, or naming a known key with another algorithm, never fetch.
    tokio::time::sleep(Duration::from_secs(30)).await;
    let no_kid = sign(Algorithm::EdDSA, None, &ed(ED_A), &claims(|_| {}));
    assert_refused(&check(&verifier, &no_kid).await, &Reason::UnknownKey);
    assert_eq!(idp.gets(JWKS), 3);
}

#[tokio::test(start_paused = true)]
async fn an_empty_set_refuses_every_token() {
    let idp = FakeIdp::new(&[ed_jwk("a", ED_A_X)]);
    let verifier = verifier(&idp).await;
    idp.publish(&[], None);
    tokio::time::sleep(Duration::from_secs(601)).await;
    assert_eq!(verifier.key_count(), 0);
    let failed = Reason::VerifierFailed("the key set holds no usable signing key".into());
    assert_refused(&check(&verifier, &ed_token("a", ED_A)).await, &failed);
}

#[tokio::test(start_paused = true)]
async fn building_fails_clearly_on_a_bad_configuration_or_provider() {
    let idp = FakeIdp::new(&[ed_jwk("a", ED_A_X)]);
    let build = |builder: JwksBuilder<Value>| builder.fetch(idp.clone()).build();
    let error = build(JwksVerifier::discover(ISSUER)).await.unwrap_err();
    assert!(matches!(error, JwksError::Configuration(_)), "{error}");
    let error = build(
        JwksVerifier::discover(ISSUER)
            .audience(AUDIENCE)
            .algorithms(&[Algorithm::HS256]),
    )
    .await
    .unwrap_err();
    assert!(matches!(error, JwksError::Configuration(_)), "{error}");
    // The document names another issuer (OpenID Connect Discovery §4.3).
    let error = build(JwksVerifier::discover("https://idp.example/other").audience(AUDIENCE))
        .await
        .unwrap_err();
    assert!(matches!(error, JwksError::Status { .. }), "{error}");
    idp.serve(
        "https://idp.example/other/.well-known/openid-configuration",
        &json!({"issuer": ISSUER, "jwks_uri": JWKS}),
    );
    let error = build(JwksVerifier::discover("https://idp.example/other").audience(AUDIENCE))
        .await
        .unwrap_err();
    assert!(
        matches!(&error, JwksError::IssuerMismatch { expected, found }
            if expected == "https://idp.example/other" && found == ISSUER),
        "{error}"
    );
    // No `jwks_uri`, a plain-http one off loopback, a document too large.
    idp.serve(DISCOVERY, &json!({"issuer": ISSUER}));
    let error = build(JwksVerifier::discover(ISSUER).audience(AUDIENCE))
        .await
        .unwrap_err();
    assert!(matches!(error, JwksError::NoJwksUri { .. }), "{error}");
    idp.serve(
        DISCOVERY,
        &json!({"issuer": ISSUER, "jwks_uri": "http://idp.example/jwks"}),
    );
    let error = build(JwksVerifier::discover(ISSUER).audience(AUDIENCE))
        .await
        .unwrap_err();
    assert!(matches!(error, JwksError::Url { .. }), "{error}");
    let error = build(
        JwksVerifier::from_jwks_uri(JWKS, ISSUER)
            .audience(AUDIENCE)
            .max_bytes(10),
    )
    .await
    .unwrap_err();
    assert!(
        matches!(&error, JwksError::Fetch { error, .. } if error.is_too_large()),
        "{error}"
    );
    // A provider that does not answer in time.
    idp.set_delay(Duration::from_secs(10));
    let error = build(JwksVerifier::from_jwks_uri(JWKS, ISSUER).audience(AUDIENCE))
        .await
        .unwrap_err();
    assert!(matches!(error, JwksError::Fetch { .. }), "{error}");
}

#[tokio::test(start_paused = true)]
async fn a_metadata_url_names_its_issuer_with_or_without_a_final_slash() {
    let idp = FakeIdp::new(&[ed_jwk("a", ED_A_X)]);
    idp.serve(
        DISCOVERY,
        &json!({"issuer": "https://idp.example/", "jwks_uri": JWKS}),
    );
    let verifier: JwksVerifier = JwksVerifier::from_metadata_url(DISCOVERY)
        .audience(AUDIENCE)
        .fetch(idp.clone())
        .build()
        .await
        .unwrap();
    // Tokens must name the issuer as the document writes it.
    assert_eq!(verifier.issuer(), "https://idp.example/");
    let rfc8414 = "https://idp.example/.well-known/oauth-authorization-server/tenant";
    idp.serve(
        rfc8414,
        &json!({"issuer": "https://idp.example/tenant", "jwks_uri": JWKS}),
    );
    let verifier: JwksVerifier = JwksVerifier::from_metadata_url(rfc8414)
        .audience(AUDIENCE)
        .fetch(idp.clone())
        .build()
        .await
        .unwrap();
    assert_eq!(verifier.issuer(), "https://idp.example/tenant");
}

#[tokio::test(start_paused = true)]
async fn the_refresh_stops_with_the_last_verifier() {
    let idp = FakeIdp::new(&[ed_jwk("a", ED_A_X)]);
    let verifier = verifier(&idp).await;
    let clone = verifier.clone();
    drop(verifier);
    tokio::time::sleep(Duration::from_secs(601)).await;
    assert_eq!(idp.gets(JWKS), 2);
    drop(clone);
    tokio::time::sleep(Duration::from_hours(1)).await;
    assert_eq!(idp.gets(JWKS), 2);
}

/// Declares the provider's discovery URL, issuer and audience, as a derive would.
struct Declared;

impl SecurityScheme for Declared {
    const DECLARATION: crate::Declaration =
        crate::Declaration::new("Declared", &["read"], openapi::OpenApiVersion::V3_0)
            .issuer(ISSUER)
            .audience(AUDIENCE);
    type Credentials = BearerToken;
    const CONFIG: () = ();
    const OPENAPI: openapi::SecurityScheme = openapi::SecurityScheme::open_id_connect(DISCOVERY);
}

#[tokio::test(start_paused = true)]
async fn for_scheme_takes_the_discovery_url_issuer_and_audience_the_scheme_declares() {
    let idp = FakeIdp::new(&[ed_jwk("a", ED_A_X)]);
    let verifier: JwksVerifier = JwksVerifier::for_scheme::<Declared>()
        .fetch(idp.clone())
        .build()
        .await
        .unwrap();
    assert_eq!((verifier.issuer(), verifier.jwks_uri()), (ISSUER, JWKS));
    let token = BearerToken::extract(
        &http::Request::get("/")
            .header("authorization", format!("Bearer {}", ed_token("a", ED_A)))
            .body(())
            .unwrap()
            .into_parts()
            .0,
        &(),
    )
    .unwrap()
    .unwrap();
    let (parts, ()) = http::Request::new(()).into_parts();
    assert!(
        Verifier::<Declared>::verify(&verifier, &token, &parts)
            .await
            .is_ok()
    );
    // A scheme with nothing to discover from says so.
    let error = JwksVerifier::<Value>::for_scheme::<Api>()
        .fetch(idp.clone())
        .build()
        .await
        .unwrap_err();
    assert!(
        matches!(error, JwksError::Undeclared { scheme: "Api" }),
        "{error}"
    );
}

async fn caching_verifier(idp: &FakeIdp) -> JwksVerifier {
    JwksVerifier::discover(ISSUER)
        .audience(AUDIENCE)
        .fetch(idp.clone())
        .token_cache(TokenCache::new(64))
        .build()
        .await
        .unwrap()
}

fn cached_tokens(verifier: &JwksVerifier) -> usize {
    verifier.tokens.as_ref().expect("a token cache").len()
}

#[tokio::test(start_paused = true)]
async fn a_cached_token_is_dropped_when_its_key_leaves_the_set() {
    let idp = FakeIdp::new(&[ed_jwk("a", ED_A_X)]);
    let verifier = caching_verifier(&idp).await;
    let old = ed_token("a", ED_A);
    for _ in 0..2 {
        assert!(check(&verifier, &old).await.is_ok());
    }
    assert_eq!(cached_tokens(&verifier), 1);
    assert!(format!("{verifier:?}").contains("token_cache: true"));
    // The provider rotates: `a` leaves the set, which the first token signed by `b` fetches.
    idp.publish(&[ed_jwk("b", ED_B_X)], None);
    assert!(check(&verifier, &ed_token("b", ED_B)).await.is_ok());
    assert_eq!(cached_tokens(&verifier), 1, "`a`'s entry went with `a`");
    assert_refused(&check(&verifier, &old).await, &Reason::UnknownKey);
}

#[tokio::test(start_paused = true)]
async fn a_refresh_that_keeps_a_key_keeps_the_tokens_it_signed() {
    let idp = FakeIdp::new(&[ed_jwk("a", ED_A_X), rsa_jwk("r")]);
    let verifier = caching_verifier(&idp).await;
    assert!(check(&verifier, &ed_token("a", ED_A)).await.is_ok());
    // `r` leaves, `a` stays, at the background refresh (10 min without a max-age).
    idp.publish(&[ed_jwk("a", ED_A_X)], None);
    tokio::time::sleep(Duration::from_secs(601)).await;
    assert_eq!((idp.gets(JWKS), verifier.key_count()), (2, 1));
    assert_eq!(cached_tokens(&verifier), 1);
    // A key republished under its `kid` with other parameters is another key.
    idp.publish(&[ed_jwk("a", ED_B_X)], None);
    tokio::time::sleep(Duration::from_secs(601)).await;
    assert_eq!((idp.gets(JWKS), cached_tokens(&verifier)), (3, 0));
    assert_refused(
        &check(&verifier, &ed_token("a", ED_A)).await,
        &Reason::BadSignature,
    );
}

#[tokio::test(start_paused = true)]
async fn a_refresh_that_keeps_a_key_without_kid_keeps_the_tokens_it_signed() {
    let unnamed = json!({"kty": "OKP", "crv": "Ed25519", "x": ED_A_X.trim(), "use": "sig"});
    let idp = FakeIdp::new(std::slice::from_ref(&unnamed));
    let verifier = caching_verifier(&idp).await;
    let token = sign(Algorithm::EdDSA, None, &ed(ED_A), &claims(|_| {}));
    assert!(check(&verifier, &token).await.is_ok());
    idp.publish(&[unnamed], None);
    tokio::time::sleep(Duration::from_secs(601)).await;
    assert_eq!((idp.gets(JWKS), cached_tokens(&verifier)), (2, 1));
}
