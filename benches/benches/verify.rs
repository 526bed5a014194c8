//! JWT verification, side by side in one run: what a handler pays for authscheme's verified
//! extractor against a bare `jsonwebtoken::decode`, jsonwebtoken's two crypto backends, the
//! JWKS verifier against the single-key one, and the JWKS verifier on two threads. Every
//! request head carries 12 realistic headers (the 11 of `extract.rs` and `Authorization:
//! Bearer <token>`), and every workload reads the claims a handler would (`sub` and `scope`,
//! through `black_box`).
//!
//! The tokens, one per algorithm, are signed at start-up: RS256 and `EdDSA` with the JWKS tests'
//! keys (`runtime/src/verify/jwks/testdata/`: RSA 2048, Ed25519), ES256 with the test-only
//! P-256 key of `benches/testdata/`, HS256 with a 49-byte secret. Their claims are `sub`, `iss`,
//! `aud`, `exp` (a year ahead), `iat`, `nbf` and `scope` (the scheme's 2 declared scopes); the
//! asymmetric ones name their key in a `kid`. Every verifier and every `Validation` accepts the
//! token's algorithm only, expects the issuer and the audience, requires `exp`, `iss` and
//! `aud`, checks `nbf`, with a leeway of 60 s (what the JWKS verifier configures).
//! By default every row runs on jsonwebtoken's pure-Rust backend (`rust_crypto`). With this
//! crate's `aws_lc_rs` feature, jsonwebtoken is built with both of its backends, `main`
//! installs aws-lc-rs as its process default first (`install_crypto_backend`), every row but
//! `backend/*/rust_crypto` runs on aws-lc-rs, and the `backend` group runs.
//!
//! | group | ours | peer |
//! |---|---|---|
//! | `verified/{hs256,rs256,es256,eddsa}` | `authscheme`: `Verified<ItemsAuth, JwtVerifier<Claims>>` through axum's `FromRequestParts`, polled to completion | `jsonwebtoken`: `jsonwebtoken::decode::<Claims>` of the same token string, with the same key and `Validation` |
//! | `backend/{rs256,es256,eddsa,hs256}` | `aws_lc_rs`: what `decode` asks of its crypto provider, aws-lc-rs's | `rust_crypto`: the same, `RustCrypto`'s |
//! | `jwks/{rs256,es256,eddsa}` | `jwks_verifier`: `Verified<ItemsAuth, JwksVerifier<Claims>>`, the token's key in the set (no fetch) | `jwt_verifier`: `Verified<ItemsAuth, JwtVerifier<Claims>>` with the same key |
//! | `jwks_threads` | `2_threads`: RS256 verifications through the JWKS verifier, split across 2 threads | `1_thread`: the same number on one thread |
//!
//! The issue's targets: `verified` ours / peer ≤ 1.05, or ours − peer ≤ 100 ns, whichever
//! allows more; `jwks` ≤ 1.05; `jwks_threads` ≥ 1.8 (a throughput ratio: higher is better).
//! `cached/rs256` is left to come (see `cached_rs256`).
//!
//! - **`verified`** compares the whole extractor (the bearer token found among the headers,
//!   the verifier cloned out of the router state, the JOSE header checked, `decode`, the
//!   registered claims and the scopes read) with `decode` alone: the difference is everything
//!   authscheme adds. The router state is the verifier itself (axum's `FromRef<T> for T`
//!   clones it, as `#[derive(FromRef)]` on a state struct would).
//! - **`backend`**: jsonwebtoken 11 picks its provider once per process
//!   (`CryptoProvider::install_default`, a `OnceLock`), and `decode` takes no provider, so the
//!   two cannot both run `decode` in one process. The rows call each provider by name
//!   instead, doing what `decode` does with the default one on every token:
//!   `(provider.verifier_factory)(&alg, &key)` (which clones the key), then `verify(message,
//!   signature)` on the token's signing input and its decoded signature. The header, the
//!   base64 of the signature, the claims and their validation, which do not depend on the
//!   backend, are not in these rows.
//! - **Keys.** `verified` and `backend` use the public keys as an application would configure
//!   a `JwtVerifier`: PEM for RSA and P-256, the `x` of the Ed25519 key (the testdata has no
//!   public PEM of it), the secret for HS256. In `jwks`, both sides hold the key that
//!   `DecodingKey::from_jwk` makes of the JWK the JWKS verifier fetched (RSA as `n` and `e`
//!   rather than DER), so the rows differ by the JWKS verifier's own work only.
//! - **The JWKS verifier** is built with `JwksVerifier::from_jwks_uri("http://127.0.0.1/jwks",
//!   issuer)` and `StaticJwks`, a fetcher serving the three public keys from memory, on a
//!   current-thread tokio runtime that is not driven after `build`: the refresh task it
//!   spawned never runs while anything is timed.
//! - **`jwks_threads`** does the same number of verifications on 1 scoped thread and split
//!   between 2, each thread with its own request head and its own clone of the verifier, and
//!   times each from the first spawn to the last join. Under criterion, an iteration is one
//!   verification (throughput in verifications per second; the slope of criterion's fit leaves
//!   the spawns out); with `--paired`, 31 alternating rounds of 2 000 verifications per side.
//!   It needs two free cores: pinned to one (`taskset -c 1`), both threads share it and the
//!   ratio says nothing.
//!
//! Before anything is timed, every row's answer is checked (the claims read, both backends
//! accepting the signature and refusing a corrupted one), and the heap allocations per call of
//! the `verified` rows are printed (`allocations per call` table).
//!
//! Run: `cargo bench -p authscheme-benches --bench verify -- --warm-up-time 1
//! --measurement-time 3` (criterion). With `-- --paired` instead, each ours and its peer are
//! timed in interleaved batches (101 rounds of 1 000 calls per side for HS256, 100 for the
//! others) and criterion does not run; `-- --paired <text>` runs only the rows whose name
//! contains `<text>` (`hs256`, `backend/`, `jwks_threads`...).

use std::hint::black_box;
use std::thread;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use authscheme::verify::jwks::{FetchError, HttpFetch, JwksVerifier};
use authscheme::verify::{JwtVerifier, TokenCache, Verifier, install_crypto_backend};
use authscheme::{Auth, SecurityScheme, Verified};
use authscheme_benches::{
    CountingAllocator, allocations_per_call, headers, median, paired_filter, paired_with, parts,
    ready,
};
use axum::extract::FromRequestParts;
#[cfg(feature = "aws_lc_rs")]
use base64::Engine as _;
#[cfg(feature = "aws_lc_rs")]
use base64::engine::general_purpose::URL_SAFE_NO_PAD;
use bytes::Bytes;
use criterion::{Criterion, Throughput};
use http::request::Parts;
#[cfg(feature = "aws_lc_rs")]
use jsonwebtoken::crypto::{CryptoProvider, aws_lc, rust_crypto};
use jsonwebtoken::jwk::Jwk;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};

// ---------------------------------------------------------------------------------------
// Counting allocator.

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

// ---------------------------------------------------------------------------------------
// Keys, claims and tokens.

const RSA_PRIVATE: &str = include_str!("../../runtime/src/verify/jwks/testdata/rsa.pem");
const RSA_PUBLIC: &str = include_str!("../../runtime/src/verify/jwks/testdata/rsa.pub.pem");
const RSA_N: &str = include_str!("../../runtime/src/verify/jwks/testdata/rsa.n");
const ED_PRIVATE: &str = include_str!("../../runtime/src/verify/jwks/testdata/ed-a.pem");
const ED_X: &str = include_str!("../../runtime/src/verify/jwks/testdata/ed-a.x");
/// Test-only: see `benches/testdata/README.md`.
const EC_PRIVATE: &str = include_str!("../testdata/ec-p256.pem");
const EC_PUBLIC: &str = include_str!("../testdata/ec-p256.pub.pem");
const EC_X: &str = include_str!("../testdata/ec-p256.x");
const EC_Y: &str = include_str!("../testdata/ec-p256.y");
const HMAC_SECRET: &[u8] = b"a benchmark secret of 32 bytes or more, for HS256";

const ISSUER: &str = "https://idp.example.com";
const AUDIENCE: &str = "https://api.example.com";
const JWKS_URI: &str = "http://127.0.0.1/jwks";

/// The API's scheme: an `OAuth2` password flow with the two scopes the tokens grant.
#[derive(SecurityScheme)]
#[oauth2(
    token_url = "/token",
    scopes("items:read" = "Read items", "items:write" = "Write items")
)]
struct ItemsAuth;

/// The claims of an access token, as the application reads them.
#[derive(Clone, Debug, Deserialize, Serialize)]
struct Claims {
    sub: String,
    iss: String,
    aud: String,
    scope: String,
    exp: u64,
    iat: u64,
    nbf: u64,
}

fn claims() -> Claims {
    let now = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("the clock is past 1970")
        .as_secs();
    Claims {
        sub: "248289761001".to_owned(),
        iss: ISSUER.to_owned(),
        aud: AUDIENCE.to_owned(),
        scope: "items:read items:write".to_owned(),
        exp: now + 365 * 24 * 3600,
        iat: now,
        nbf: now,
    }
}

/// What a handler reads of the claims.
fn read(claims: &Claims) -> usize {
    claims.sub.len() + claims.scope.len()
}

/// The checks of every row, ours and peers: what `JwksBuilder::build` configures (the
/// algorithm, issuer and audience expected, `exp`, `iss` and `aud` required, `nbf` checked,
/// `Validation`'s leeway of 60 s).
fn validation(alg: Algorithm) -> Validation {
    let mut validation = Validation::new(alg);
    validation.validate_nbf = true;
    validation.set_issuer(&[ISSUER]);
    validation.set_audience(&[AUDIENCE]);
    validation.set_required_spec_claims(&["exp", "iss", "aud"]);
    validation
}

/// The JWK Set the JWKS verifier fetches: the public halves of the three asymmetric keys.
fn rsa_jwk() -> Value {
    json!({"kty": "RSA", "kid": "rsa-1", "use": "sig", "alg": "RS256", "n": RSA_N.trim(), "e": "AQAB"})
}

fn p256_jwk() -> Value {
    json!({
        "kty": "EC", "kid": "ec-1", "use": "sig", "alg": "ES256", "crv": "P-256",
        "x": EC_X.trim(), "y": EC_Y.trim(),
    })
}

fn ed25519_jwk() -> Value {
    json!({"kty": "OKP", "kid": "ed-1", "use": "sig", "alg": "EdDSA", "crv": "Ed25519", "x": ED_X.trim()})
}

/// An [`HttpFetch`] that answers every `GET` with one fixed document: the JWK Set, from
/// memory.
struct StaticJwks(Bytes);

impl HttpFetch for StaticJwks {
    async fn get(&self, _url: &str, max_bytes: usize) -> Result<http::Response<Bytes>, FetchError> {
        if self.0.len() > max_bytes {
            return Err(FetchError::too_large());
        }
        Ok(http::Response::new(self.0.clone()))
    }
}

/// A token's signing input (`header.payload`) and its signature, decoded: what a backend
/// verifies.
#[cfg(feature = "aws_lc_rs")]
struct Signed {
    message: Vec<u8>,
    signature: Vec<u8>,
}

/// One signature algorithm: its token, its keys, and what each group verifies it with.
struct Case {
    /// The row's name: `hs256`, `rs256`, `es256`, `eddsa`.
    name: &'static str,
    /// `backend/*`'s algorithm.
    #[cfg(feature = "aws_lc_rs")]
    alg: Algorithm,
    token: String,
    /// The key as an application configures a `JwtVerifier` (see the module docs).
    key: DecodingKey,
    validation: Validation,
    /// `verified/*`'s ours: `key` and `validation`.
    verifier: JwtVerifier<Claims>,
    /// The request head ours reads: 11 headers and `Authorization: Bearer <token>`.
    request: Parts,
    /// `jwks/*`'s peer: a `JwtVerifier` holding the key made of the case's JWK (none for
    /// HS256, which a JWK Set does not publish).
    from_jwk: Option<JwtVerifier<Claims>>,
    /// `backend/*`'s input.
    #[cfg(feature = "aws_lc_rs")]
    signed: Signed,
    /// Calls per batch in `--paired` mode.
    calls: u32,
}

impl Case {
    /// The case of `alg`: a token of `claims` signed with `signing`, with the `kid` of `jwk`
    /// if there is one, verified with `key` (and with the key of `jwk`).
    fn new(
        name: &'static str,
        alg: Algorithm,
        jwk: Option<&Value>,
        signing: &EncodingKey,
        key: DecodingKey,
        calls: u32,
        claims: &Claims,
    ) -> Self {
        let mut header = Header::new(alg);
        header.kid = jwk.map(|jwk| jwk["kid"].as_str().expect("a kid").to_owned());
        let token = jsonwebtoken::encode(&header, claims, signing).expect("the token is signed");
        let validation = validation(alg);
        let verifier = JwtVerifier::new(key.clone(), validation.clone());
        let from_jwk = jwk.map(|jwk| {
            let jwk: Jwk = serde_json::from_value(jwk.clone()).expect("a JWK");
            let key = DecodingKey::from_jwk(&jwk).expect("a usable JWK");
            JwtVerifier::new(key, validation.clone())
        });
        let request = parts(headers(Some(("authorization", &format!("Bearer {token}")))));
        #[cfg(feature = "aws_lc_rs")]
        let signed = {
            let (message, signature) = token.rsplit_once('.').expect("a JWS in compact form");
            Signed {
                message: message.as_bytes().to_vec(),
                signature: URL_SAFE_NO_PAD
                    .decode(signature)
                    .expect("the signature is base64url"),
            }
        };
        Self {
            name,
            #[cfg(feature = "aws_lc_rs")]
            alg,
            token,
            key,
            validation,
            verifier,
            request,
            from_jwk,
            #[cfg(feature = "aws_lc_rs")]
            signed,
            calls,
        }
    }
}

struct Fixtures {
    /// `hs256`, `rs256`, `es256`, `eddsa`, in this order.
    cases: Vec<Case>,
    /// Holds the keys of `rsa-1`, `ec-1` and `ed-1`.
    jwks: JwksVerifier<Claims>,
    /// The runtime `jwks` was built on, kept alive with it (declared after it: dropped last).
    _runtime: tokio::runtime::Runtime,
}

impl Fixtures {
    fn new() -> Self {
        let claims = claims();
        let (rsa, p256, ed25519) = (rsa_jwk(), p256_jwk(), ed25519_jwk());
        let cases = vec![
            Case::new(
                "hs256",
                Algorithm::HS256,
                None,
                &EncodingKey::from_secret(HMAC_SECRET),
                DecodingKey::from_secret(HMAC_SECRET),
                1_000,
                &claims,
            ),
            Case::new(
                "rs256",
                Algorithm::RS256,
                Some(&rsa),
                &EncodingKey::from_rsa_pem(RSA_PRIVATE.as_bytes()).expect("an RSA key"),
                DecodingKey::from_rsa_pem(RSA_PUBLIC.as_bytes()).expect("an RSA public key"),
                100,
                &claims,
            ),
            Case::new(
                "es256",
                Algorithm::ES256,
                Some(&p256),
                &EncodingKey::from_ec_pem(EC_PRIVATE.as_bytes()).expect("a P-256 key"),
                DecodingKey::from_ec_pem(EC_PUBLIC.as_bytes()).expect("a P-256 public key"),
                100,
                &claims,
            ),
            Case::new(
                "eddsa",
                Algorithm::EdDSA,
                Some(&ed25519),
                &EncodingKey::from_ed_pem(ED_PRIVATE.as_bytes()).expect("an Ed25519 key"),
                DecodingKey::from_ed_components(ED_X.trim()).expect("an Ed25519 public key"),
                100,
                &claims,
            ),
        ];
        let document = serde_json::to_vec(&json!({ "keys": [rsa, p256, ed25519] }))
            .expect("the JWK Set serializes");
        // `build` fetches the keys and spawns the refresh on tokio; after it, nothing drives
        // this runtime, so the refresh never runs during the measurements.
        let runtime = tokio::runtime::Builder::new_current_thread()
            .enable_time()
            .build()
            .expect("a tokio runtime");
        let jwks = runtime
            .block_on(
                JwksVerifier::<Claims>::from_jwks_uri(JWKS_URI, ISSUER)
                    .audience(AUDIENCE)
                    .fetch(StaticJwks(Bytes::from(document)))
                    .build(),
            )
            .expect("the JWKS verifier starts");
        Self {
            cases,
            jwks,
            _runtime: runtime,
        }
    }

    fn case_mut(&mut self, name: &str) -> &mut Case {
        self.cases
            .iter_mut()
            .find(|case| case.name == name)
            .expect("a case of that name")
    }

    fn case(&self, name: &str) -> &Case {
        self.cases
            .iter()
            .find(|case| case.name == name)
            .expect("a known case")
    }
}

// ---------------------------------------------------------------------------------------
// Workloads: each returns what it read of the claims (or whether the signature verified), so
// that nothing is optimised away.

/// Ours: `Verified<ItemsAuth, V>` as a handler argument, through axum's `FromRequestParts`
/// with the verifier as the router state, polled to completion.
#[inline(never)]
fn extract_verified<V>(parts: &mut Parts, state: &V) -> usize
where
    V: Verifier<ItemsAuth, Principal = Claims>,
    Verified<ItemsAuth, V>: FromRequestParts<V>,
{
    match ready(Verified::<ItemsAuth, V>::from_request_parts(parts, state)) {
        Ok(user) => read(user.principal()),
        Err(_) => 0,
    }
}

/// The peer of `verified/*`: jsonwebtoken alone.
#[inline(never)]
fn decode(token: &str, key: &DecodingKey, validation: &Validation) -> usize {
    match jsonwebtoken::decode::<Claims>(token, key, validation) {
        Ok(data) => read(&data.claims),
        Err(_) => 0,
    }
}

/// What `jsonwebtoken::decode` asks of its crypto provider for each token, asked of
/// `provider` by name: a verifier of the algorithm for the key, then the signature check.
#[cfg(feature = "aws_lc_rs")]
#[inline(never)]
fn backend_verifies(provider: &CryptoProvider, case: &Case, signed: &Signed) -> bool {
    match (provider.verifier_factory)(&case.alg, &case.key) {
        Ok(verifier) => verifier.verify(&signed.message, &signed.signature).is_ok(),
        Err(_) => false,
    }
}

// ---------------------------------------------------------------------------------------
// Harness.

/// How the groups are timed: by criterion, or by the paired harness (`-- --paired [filter]`).
enum Harness<'a> {
    Criterion(&'a mut Criterion),
    Paired { filter: &'a str },
}

/// Rounds of a paired row: a verification costs 10 to 1 000 times an extraction, so fewer
/// rounds than `extract.rs`'s 201, of the case's calls per batch (1 000 or 100, not 5 000).
const ROUNDS: usize = 101;

impl Harness<'_> {
    /// `ours` against `peer` as `group`: a criterion group of the two, or the paired row
    /// `group: ours / peer` with `calls` calls per batch.
    fn pair(
        &mut self,
        group: &str,
        calls: u32,
        (ours_name, mut ours): (&str, impl FnMut()),
        (peer_name, mut peer): (&str, impl FnMut()),
    ) {
        match self {
            Self::Criterion(criterion) => {
                let mut criterion_group = criterion.benchmark_group(group);
                criterion_group.bench_function(ours_name, |b| b.iter(&mut ours));
                criterion_group.bench_function(peer_name, |b| b.iter(&mut peer));
                criterion_group.finish();
            }
            Self::Paired { filter } => paired_with(
                ROUNDS,
                calls,
                filter,
                &format!("{group}: {ours_name} / {peer_name}"),
                ours,
                peer,
            ),
        }
    }
}

// ---------------------------------------------------------------------------------------
// Groups.

/// `verified/{hs256,rs256,es256,eddsa}`: our extractor against a bare `decode`.
fn verified(harness: &mut Harness<'_>, fx: &mut Fixtures) {
    for case in &mut fx.cases {
        let Case {
            name,
            token,
            key,
            validation,
            verifier,
            request,
            calls,
            ..
        } = case;
        harness.pair(
            &format!("verified/{name}"),
            *calls,
            ("authscheme", || {
                black_box(extract_verified(black_box(&mut *request), verifier));
            }),
            ("jsonwebtoken", || {
                black_box(decode(black_box(token), key, validation));
            }),
        );
    }
}

/// `backend/{rs256,es256,eddsa,hs256}`: aws-lc-rs against `RustCrypto`, each provider named.
#[cfg(feature = "aws_lc_rs")]
fn backend(harness: &mut Harness<'_>, fx: &Fixtures) {
    for name in ["rs256", "es256", "eddsa", "hs256"] {
        let case = fx.case(name);
        harness.pair(
            &format!("backend/{name}"),
            case.calls,
            ("aws_lc_rs", || {
                black_box(backend_verifies(
                    &aws_lc::DEFAULT_PROVIDER,
                    case,
                    black_box(&case.signed),
                ));
            }),
            ("rust_crypto", || {
                black_box(backend_verifies(
                    &rust_crypto::DEFAULT_PROVIDER,
                    case,
                    black_box(&case.signed),
                ));
            }),
        );
    }
}

/// `jwks/{rs256,es256,eddsa}`: the JWKS verifier's hot path against the single-key verifier
/// with the same key.
fn jwks(harness: &mut Harness<'_>, fx: &mut Fixtures) {
    let Fixtures { cases, jwks, .. } = fx;
    let jwks: &JwksVerifier<Claims> = jwks;
    for case in cases.iter_mut() {
        let Some(from_jwk) = &case.from_jwk else {
            continue;
        };
        // Each side its own request head, so that both closures can borrow one mutably.
        let mut jwks_request = parts(case.request.headers.clone());
        let request = &mut case.request;
        harness.pair(
            &format!("jwks/{}", case.name),
            case.calls,
            ("jwks_verifier", || {
                black_box(extract_verified(black_box(&mut jwks_request), jwks));
            }),
            ("jwt_verifier", || {
                black_box(extract_verified(black_box(&mut *request), from_jwk));
            }),
        );
    }
}

/// `total` RS256 verifications through the JWKS verifier, shared out among `threads` scoped
/// threads (the first takes the remainder), each with its own request head (its own buffers,
/// as requests have) and its own clone of `verifier`: the wall time from the first spawn to
/// the last join, and the sum of what the verifications read.
fn spread(
    threads: u64,
    total: u64,
    verifier: &JwksVerifier<Claims>,
    bearer: &str,
) -> (Duration, usize) {
    let mut workers: Vec<(Parts, JwksVerifier<Claims>, u64)> = (0..threads)
        .map(|index| {
            let share = total / threads + if index == 0 { total % threads } else { 0 };
            let request = parts(headers(Some(("authorization", bearer))));
            (request, verifier.clone(), share)
        })
        .collect();
    let start = Instant::now();
    let read = thread::scope(|scope| {
        let handles: Vec<_> = workers
            .iter_mut()
            .map(|(request, verifier, share)| {
                scope.spawn(move || {
                    let mut read = 0;
                    for _ in 0..*share {
                        read += black_box(extract_verified(black_box(&mut *request), &*verifier));
                    }
                    read
                })
            })
            .collect();
        handles
            .into_iter()
            .map(|handle| handle.join().expect("a verifying thread panicked"))
            .sum()
    });
    (start.elapsed(), read)
}

/// Rounds and verifications per side of the paired `jwks_threads` row.
const THREAD_ROUNDS: usize = 31;
const THREAD_CALLS: u32 = 2_000;

/// `jwks_threads`: the JWKS verifier's throughput on 2 threads against 1 (RS256, the
/// algorithm most identity providers sign with).
fn jwks_threads(harness: &mut Harness<'_>, fx: &Fixtures) {
    const NAME: &str = "jwks_threads: 2_threads / 1_thread (rs256)";
    let bearer = format!("Bearer {}", fx.case("rs256").token);
    let verifier = &fx.jwks;
    match harness {
        Harness::Criterion(criterion) => {
            let mut group = criterion.benchmark_group("jwks_threads");
            group.throughput(Throughput::Elements(1));
            group.bench_function("1_thread", |b| {
                b.iter_custom(|iters| spread(1, iters, verifier, &bearer).0);
            });
            group.bench_function("2_threads", |b| {
                b.iter_custom(|iters| spread(2, iters, verifier, &bearer).0);
            });
            group.finish();
        }
        Harness::Paired { filter } => {
            if !NAME.contains(*filter) {
                return;
            }
            let total = u64::from(THREAD_CALLS);
            let per_second = |time: Duration| f64::from(THREAD_CALLS) / time.as_secs_f64();
            let (mut one, mut two, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
            for round in 0..THREAD_ROUNDS {
                let (single, double) = if round % 2 == 0 {
                    let single = spread(1, total, verifier, &bearer).0;
                    (single, spread(2, total, verifier, &bearer).0)
                } else {
                    let double = spread(2, total, verifier, &bearer).0;
                    (spread(1, total, verifier, &bearer).0, double)
                };
                one.push(per_second(single));
                two.push(per_second(double));
                ratios.push(per_second(double) / per_second(single));
            }
            println!(
                "  {NAME:<40} {:>8.0} /s {:>8.0} /s   ratio {:.2} (verifications per second, 2 threads / 1)",
                median(&mut two),
                median(&mut one),
                median(&mut ratios)
            );
            let cores = thread::available_parallelism().map_or(1, usize::from);
            if cores < 2 {
                println!("  (only {cores} core available: 2 threads cannot run at once)");
            }
        }
    }
}

/// `cached/rs256`: `Verified<ItemsAuth, JwtVerifier<Claims>>` whose verifier has a
/// verified-token cache (`JwtVerifier::with_token_cache`) already holding the RS256 token (a
/// hit), against the same verifier without a cache (`verified/rs256`'s ours), and against the
/// bearer extractor alone (`Auth<ItemsAuth>`, the floor of any verifier: the token found
/// among the headers, nothing verified). Targets: ≥ 100× faster than uncached, within 100 ns
/// of the bearer extractor.
fn cached_rs256(harness: &mut Harness<'_>, fx: &mut Fixtures) {
    let case = fx.case_mut("rs256");
    let cached = case
        .verifier
        .clone()
        .with_token_cache(TokenCache::new(1_000));
    // The first call verifies and keeps the token; every timed call is a hit.
    assert_eq!(
        extract_verified(&mut case.request, &cached),
        read(&claims())
    );
    let mut bearer_request = parts(case.request.headers.clone());
    let mut uncached_request = parts(case.request.headers.clone());
    let uncached = &case.verifier;
    let request = &mut case.request;
    harness.pair(
        "cached/rs256",
        case.calls,
        ("cached", || {
            black_box(extract_verified(black_box(&mut *request), &cached));
        }),
        ("uncached", || {
            black_box(extract_verified(black_box(&mut uncached_request), uncached));
        }),
    );
    let request = &mut case.request;
    harness.pair(
        "cached/rs256_hit",
        5_000,
        ("cached", || {
            black_box(extract_verified(black_box(&mut *request), &cached));
        }),
        ("bearer_extractor", || {
            black_box(extract_bearer(black_box(&mut bearer_request)));
        }),
    );
}

/// The bearer extractor alone: `Auth<ItemsAuth>` through `FromRequestParts`, the token's
/// length read.
#[inline(never)]
fn extract_bearer(parts: &mut Parts) -> usize {
    match ready(Auth::<ItemsAuth>::from_request_parts(parts, &())) {
        Ok(auth) => auth.credentials().token().len(),
        Err(_) => 0,
    }
}

/// Every group, in order.
fn run(harness: &mut Harness<'_>, fx: &mut Fixtures) {
    verified(harness, fx);
    #[cfg(feature = "aws_lc_rs")]
    backend(harness, fx);
    jwks(harness, fx);
    jwks_threads(harness, fx);
    cached_rs256(harness, fx);
}

// ---------------------------------------------------------------------------------------

/// Every row's answer, before anything is timed: the rows compare verifications that succeed.
fn check(fx: &mut Fixtures) {
    let expected = read(&claims());
    assert_eq!(fx.jwks.key_count(), 3);
    let Fixtures { cases, jwks, .. } = fx;
    let jwks: &JwksVerifier<Claims> = jwks;
    for case in cases.iter_mut() {
        let name = case.name;
        assert_eq!(
            extract_verified(&mut case.request, &case.verifier),
            expected,
            "{name}: ours"
        );
        assert_eq!(
            decode(&case.token, &case.key, &case.validation),
            expected,
            "{name}: jsonwebtoken"
        );
        #[cfg(feature = "aws_lc_rs")]
        check_backends(case);
        if let Some(from_jwk) = &case.from_jwk {
            assert_eq!(
                extract_verified(&mut case.request, from_jwk),
                expected,
                "{name}: jwt_verifier"
            );
            assert_eq!(
                extract_verified(&mut case.request, jwks),
                expected,
                "{name}: jwks_verifier"
            );
        }
    }
    // `jwks_threads`: both threads verify their share.
    let bearer = format!("Bearer {}", fx.case("rs256").token);
    assert_eq!(spread(2, 5, &fx.jwks, &bearer).1, 5 * expected);
}

/// Both backends accept the case's signature and refuse it corrupted.
#[cfg(feature = "aws_lc_rs")]
fn check_backends(case: &Case) {
    let name = case.name;
    let mut corrupted = Signed {
        message: case.signed.message.clone(),
        signature: case.signed.signature.clone(),
    };
    corrupted.signature[0] ^= 1;
    for (backend, provider) in [
        ("aws_lc_rs", &aws_lc::DEFAULT_PROVIDER),
        ("rust_crypto", &rust_crypto::DEFAULT_PROVIDER),
    ] {
        assert!(
            backend_verifies(provider, case, &case.signed),
            "{name}: {backend}"
        );
        assert!(
            !backend_verifies(provider, case, &corrupted),
            "{name}: {backend} accepts a corrupted signature"
        );
    }
}

fn print_allocations(fx: &mut Fixtures) {
    println!("allocations per call (after warm-up):");
    for case in &mut fx.cases {
        let ours = allocations_per_call(|| {
            black_box(extract_verified(
                black_box(&mut case.request),
                &case.verifier,
            ));
        });
        let peer = allocations_per_call(|| {
            black_box(decode(black_box(&case.token), &case.key, &case.validation));
        });
        for (row, per_call) in [("authscheme", ours), ("jsonwebtoken", peer)] {
            let name = format!("verified/{}/{row}", case.name);
            println!("  {name:<36} {per_call:>6.2}");
        }
    }
}

fn main() {
    // jsonwebtoken has both backends here and picks none by itself: aws-lc-rs becomes its
    // process default before anything signs or verifies.
    install_crypto_backend();
    let mut fx = Fixtures::new();
    check(&mut fx);
    print_allocations(&mut fx);
    // `--paired hs256` runs only the rows whose name contains `hs256`.
    if let Some(filter) = paired_filter() {
        let filter = filter.as_str();
        println!("paired medians (ours, peer) and median per-round ratio ours/peer:");
        run(&mut Harness::Paired { filter }, &mut fx);
        return;
    }
    let mut criterion = Criterion::default().configure_from_args();
    run(&mut Harness::Criterion(&mut criterion), &mut fx);
    criterion.final_summary();
}
