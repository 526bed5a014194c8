//! JWT verification side by side with jwt-authorizer 0.15, in one criterion run: the same
//! HS256 token and the same RS256 token (the key pair of
//! `runtime/src/verify/jwks/testdata/rsa.pem` / `rsa.pub.pem`), each with `sub`, `iss`,
//! `aud`, `exp` (year 2100), `iat` and `scope`, verified on both sides against the same
//! issuer and audience and read as the same `Claims` type.
//!
//! Rows, per algorithm (`jwt_authorizer/hs256/..`, `jwt_authorizer/rs256/..`):
//!
//! | row | what is timed |
//! |---|---|
//! | `authscheme` | `Verified<ItemsAuth, JwtVerifier<Claims>>` through axum 0.8's `FromRequestParts`, from a request head carrying `Authorization: Bearer <token>` among 12 headers, polled to completion: what a handler pays |
//! | `authscheme_verifier` | `JwtVerifier::verify` alone, on the token already parsed out of the head |
//! | `jwt_authorizer` | `Authorizer::check_auth(token)` polled to completion, on the token as a `&str`: its most direct verification call |
//! | `jwt_authorizer_layer` | its `AuthorizationService` (the layer) on a request with the same head, around a service that extracts `JwtClaims<Claims>` through axum 0.7's `FromRequestParts`: what a handler behind its layer pays |
//!
//! Compare `authscheme` with `jwt_authorizer_layer` (header to claims, each through its own
//! axum), and `authscheme_verifier` with `jwt_authorizer` (token to claims). Each side reads
//! the claims the way a handler would (every field), so that nothing is optimised away. The
//! layer's request is built, and its head dropped, outside the timing (`iter_batched`); ours
//! reuses one head.
//!
//! What each side checks is not the same; ours checks more:
//! - both check the signature, `exp` (60 s leeway) and that `iss` and `aud` are the
//!   expected ones;
//! - ours *requires* `iss` and `aud` (the scheme declares them), jwt-authorizer compares
//!   them only when present (jsonwebtoken's `Validation` with only `exp` required);
//! - ours also checks `nbf` when present, refuses a `crit` header, checks the shape of
//!   `aud`, `iss`, `sub`, `scope` and `scp`, and reads the declared scopes out of `scope`;
//! - ours accepts the one algorithm of its `Validation`; jwt-authorizer, with no `algs`,
//!   every algorithm of the key's family (HS256/384/512; RS256/384/512 and PS256/384/512).
//!
//! jwt-authorizer's own design is timed as it is: it builds a `jsonwebtoken::Validation` on
//! every call (its own `TODO`), and its layer copies the token into a `String`, boxes its
//! future, stores the claims in the request's extensions and `JwtClaims` clones them out.
//!
//! Crypto backends: jwt-authorizer's jsonwebtoken 9 verifies with `ring`. Ours (jsonwebtoken
//! 11) uses the pure-Rust `RustCrypto` backend by default, or aws-lc-rs with this crate's
//! `aws_lc_rs` feature (`authscheme/aws_lc_rs`). ring and aws-lc are both native code from
//! `BoringSSL`'s lineage (assembly SHA-256 and RSA), so `--features aws_lc_rs` is the
//! apples-to-apples run: what differs is mostly the two crates' own work. The default build
//! compares our default with theirs, and its RS256 rows mostly measure `RustCrypto`'s RSA
//! against ring's.
//!
//! This crate stands alone (its own `[workspace]`, excluded from the main one) because
//! jwt-authorizer brings a second web stack (axum 0.7, jsonwebtoken 9, reqwest 0.12,
//! tower-http 0.5) that the workspace's build and CI should not compile.
//!
//! Run, from the repository root:
//!
//! ```text
//! cargo bench --manifest-path benches/peers/jwt-authorizer/Cargo.toml
//! cargo bench --manifest-path benches/peers/jwt-authorizer/Cargo.toml --features aws_lc_rs
//! ```
//!
//! Criterion times one row after the other: compare the rows of one run, never rows of two.

use std::convert::Infallible;
use std::future::poll_fn;
use std::hint::black_box;
use std::pin::pin;
use std::sync::Arc;
use std::task::{Context, Poll, Waker};
use std::time::{SystemTime, UNIX_EPOCH};

use authscheme::credentials::{BearerToken, Credentials};
use authscheme::verify::{JwtVerifier, Verifier};
use authscheme::{SecurityScheme, Verified};
use axum::extract::FromRequestParts;
use axum07::extract::FromRequestParts as _;
use criterion::{BatchSize, Criterion};
use http::request::Parts;
use http::{HeaderMap, Request};
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use jwt_authorizer::{AuthError, Authorizer, IntoLayer, JwtAuthorizer, JwtClaims};
use serde::Deserialize;
use tower::{Layer, Service, service_fn};

// ---------------------------------------------------------------------------------------
// Tokens and keys.

const ISSUER: &str = "https://idp.example.com";
const AUDIENCE: &str = "https://api.example.com";
/// 2100-01-01T00:00:00Z.
const EXP: u64 = 4_102_444_800;
/// An HS256 secret of 256 bits, as RFC 7518 §3.2 asks.
const SECRET: &str = "bench-secret-0123456789abcdef-0123456789abcdef";
const RSA_PRIVATE: &[u8] = include_bytes!("../../../../runtime/src/verify/jwks/testdata/rsa.pem");
const RSA_PUBLIC: &[u8] =
    include_bytes!("../../../../runtime/src/verify/jwks/testdata/rsa.pub.pem");
/// The same public key, for `JwtAuthorizer::from_rsa_pem`, which reads a file.
const RSA_PUBLIC_PATH: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/../../../runtime/src/verify/jwks/testdata/rsa.pub.pem"
);

/// The scheme, declared as an application bound to one identity provider declares it: the
/// issuer and audience are part of the declaration, and every token must name both.
#[derive(SecurityScheme)]
#[oauth2(
    token_url = "https://idp.example.com/token",
    scopes("items:read" = "Read items", "items:write" = "Create items"),
    issuer = "https://idp.example.com",
    audience = "https://api.example.com"
)]
struct ItemsAuth;

/// What the handlers of both sides read of a token.
#[derive(Clone, Debug, Deserialize)]
struct Claims {
    sub: String,
    iss: String,
    aud: String,
    exp: u64,
    iat: u64,
    scope: String,
}

/// A handler's reading of the claims: every field, so that none is optimised away.
fn read(claims: &Claims) -> usize {
    claims.sub.len()
        + claims.iss.len()
        + claims.aud.len()
        + claims.scope.len()
        + usize::from(claims.exp > claims.iat)
}

/// The token both sides verify, signed with jsonwebtoken 11.
fn token(algorithm: Algorithm, key: &EncodingKey) -> String {
    let iat = SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("after 1970")
        .as_secs();
    let claims = serde_json::json!({
        "sub": "user-7f3a9c2e",
        "iss": ISSUER,
        "aud": AUDIENCE,
        "exp": EXP,
        "iat": iat,
        "scope": "items:read items:write",
    });
    jsonwebtoken::encode(&Header::new(algorithm), &claims, key).expect("signs")
}

// ---------------------------------------------------------------------------------------
// Requests.

/// A request head with the 11 ordinary headers of the repository's benchmarks and
/// `Authorization: Bearer <token>`.
fn headers(token: &str) -> HeaderMap {
    authscheme_benches::headers(Some(("authorization", &format!("Bearer {token}"))))
}

fn request(headers: HeaderMap) -> Request<()> {
    let mut request = Request::get("/items/42").body(()).expect("valid request");
    *request.headers_mut() = headers;
    request
}

/// Polls a future that is ready at once: neither side waits when its key is in memory.
fn ready<F: Future>(future: F) -> F::Output {
    match pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("the verification waited"),
    }
}

// ---------------------------------------------------------------------------------------
// Ours.

type Jwt = JwtVerifier<Claims>;

/// `Verified<S, V>` as a handler argument: through axum 0.8's `FromRequestParts`, with the
/// verifier as the router state.
#[inline(never)]
fn ours_extractor(parts: &mut Parts, verifier: &Jwt) -> usize {
    match ready(Verified::<ItemsAuth, Jwt>::from_request_parts(
        parts, verifier,
    )) {
        Ok(user) => read(user.principal()),
        Err(_) => 0,
    }
}

/// The verifier alone, on a token already parsed out of the head.
#[inline(never)]
fn ours_verifier(verifier: &Jwt, token: &BearerToken, parts: &Parts) -> usize {
    match ready(Verifier::<ItemsAuth>::verify(verifier, token, parts)) {
        Ok(grant) => read(grant.principal()),
        Err(_) => 0,
    }
}

// ---------------------------------------------------------------------------------------
// jwt-authorizer.

/// `Authorizer::check_auth`, its most direct verification call.
#[inline(never)]
fn peer_check_auth(authorizer: &Authorizer<Claims>, token: &str) -> usize {
    match ready(authorizer.check_auth(token)) {
        Ok(data) => read(&data.claims),
        Err(_) => 0,
    }
}

/// What the service behind jwt-authorizer's layer answers: the handler's reading of the
/// claims, with the request head handed back so that it is dropped outside the timing (as
/// ours is reused), or the layer's refusal.
enum Answer {
    Handled { read: usize, _parts: Parts },
    Refused(AuthError),
}

impl From<AuthError> for Answer {
    fn from(error: AuthError) -> Self {
        Self::Refused(error)
    }
}

/// The service behind the layer: a handler taking `JwtClaims<Claims>`, extracted through
/// axum 0.7's `FromRequestParts` as axum 0.7 extracts it for a handler.
async fn handler(request: Request<()>) -> Result<Answer, Infallible> {
    let (mut parts, ()) = request.into_parts();
    Ok(
        match JwtClaims::<Claims>::from_request_parts(&mut parts, &()).await {
            Ok(JwtClaims(claims)) => Answer::Handled {
                read: read(&claims),
                _parts: parts,
            },
            Err(error) => Answer::Refused(error),
        },
    )
}

/// A request through jwt-authorizer's layer to the handler.
#[inline(never)]
fn peer_layer<S>(service: &mut S, request: Request<()>) -> Answer
where
    S: Service<Request<()>, Response = Answer, Error = Infallible>,
{
    ready(poll_fn(|cx| service.poll_ready(cx))).expect("infallible");
    ready(service.call(request)).expect("infallible")
}

fn answered(answer: &Answer) -> usize {
    match answer {
        Answer::Handled { read, .. } => *read,
        Answer::Refused(error) => panic!("jwt-authorizer refused the token: {error}"),
    }
}

// ---------------------------------------------------------------------------------------
// The run.

/// One algorithm's token and both sides' verifiers.
struct Case {
    name: &'static str,
    token: String,
    verifier: Jwt,
    /// Shared by `check_auth` and the layer.
    authorizer: Arc<Authorizer<Claims>>,
}

fn cases(runtime: &tokio::runtime::Runtime) -> Vec<Case> {
    let validation = || {
        jwt_authorizer::Validation::new()
            .iss(&[ISSUER])
            .aud(&[AUDIENCE])
    };
    let hs256 = runtime
        .block_on(
            JwtAuthorizer::<Claims>::from_secret(SECRET)
                .validation(validation())
                .build(),
        )
        .expect("an HS256 authorizer");
    let rs256 = runtime
        .block_on(
            JwtAuthorizer::<Claims>::from_rsa_pem(RSA_PUBLIC_PATH)
                .validation(validation())
                .build(),
        )
        .expect("an RS256 authorizer");
    vec![
        Case {
            name: "hs256",
            token: token(
                Algorithm::HS256,
                &EncodingKey::from_secret(SECRET.as_bytes()),
            ),
            verifier: JwtVerifier::new(
                DecodingKey::from_secret(SECRET.as_bytes()),
                Validation::new(Algorithm::HS256),
            ),
            authorizer: Arc::new(hs256),
        },
        Case {
            name: "rs256",
            token: token(
                Algorithm::RS256,
                &EncodingKey::from_rsa_pem(RSA_PRIVATE).expect("the test RSA key"),
            ),
            verifier: JwtVerifier::new(
                DecodingKey::from_rsa_pem(RSA_PUBLIC).expect("the test RSA public key"),
                Validation::new(Algorithm::RS256),
            ),
            authorizer: Arc::new(rs256),
        },
    ]
}

fn bench(c: &mut Criterion, case: &Case) {
    let head = headers(&case.token);
    let mut parts = request(head.clone()).into_parts().0;
    let bearer = BearerToken::extract(&parts, &())
        .expect("well-formed")
        .expect("present");
    let mut service = Arc::clone(&case.authorizer)
        .into_layer()
        .layer(service_fn(handler));
    // Sanity: every row accepts the token and reads the same claims.
    let expected = ours_extractor(&mut parts, &case.verifier);
    assert_ne!(expected, 0, "{}: authscheme refused the token", case.name);
    assert_eq!(ours_verifier(&case.verifier, &bearer, &parts), expected);
    assert_eq!(peer_check_auth(&case.authorizer, &case.token), expected);
    assert_eq!(
        answered(&peer_layer(&mut service, request(head.clone()))),
        expected
    );

    let mut group = c.benchmark_group(format!("jwt_authorizer/{}", case.name));
    group.bench_function("authscheme", |b| {
        b.iter(|| ours_extractor(black_box(&mut parts), &case.verifier));
    });
    group.bench_function("authscheme_verifier", |b| {
        b.iter(|| ours_verifier(&case.verifier, black_box(&bearer), &parts));
    });
    group.bench_function("jwt_authorizer", |b| {
        b.iter(|| peer_check_auth(&case.authorizer, black_box(&case.token)));
    });
    group.bench_function("jwt_authorizer_layer", |b| {
        b.iter_batched(
            || request(head.clone()),
            |request| peer_layer(&mut service, request),
            BatchSize::SmallInput,
        );
    });
    group.finish();
}

fn main() {
    // With `aws_lc_rs`, jsonwebtoken 11 has two backends and picks neither by itself: sign
    // the tokens with the one our verifiers will use.
    authscheme::verify::install_crypto_backend();
    println!(
        "authscheme: jsonwebtoken 11 with {}; jwt-authorizer: jsonwebtoken 9 with ring",
        if cfg!(feature = "aws_lc_rs") {
            "aws-lc-rs"
        } else {
            "RustCrypto"
        }
    );
    let runtime = tokio::runtime::Builder::new_current_thread()
        .build()
        .expect("a tokio runtime");
    let mut criterion = Criterion::default().configure_from_args();
    for case in cases(&runtime) {
        bench(&mut criterion, &case);
    }
    criterion.final_summary();
}
