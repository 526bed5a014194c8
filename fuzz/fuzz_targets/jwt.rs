#![no_main]
//! `JwtVerifier` over any token and any claims: a token is either accepted with scopes the
//! scheme declares, or refused with RFC 6750's `invalid_token` 401; nothing panics.
//!
//! The first byte picks the mode. Even: the rest is the token as the client sent it. Odd: the
//! rest is a claims document, signed with the verifier's key, so that the claim and scope
//! reading behind the signature check is reached too.

use std::sync::LazyLock;

use authscheme::SecurityScheme;
use authscheme::credentials::{BearerToken, Credentials};
use authscheme::jsonwebtoken::{self, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use authscheme::verify::{JwtVerifier, Verifier};

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes("items:read" = "Read items", "items:write" = "Write items"))]
struct ItemsAuth;

const SECRET: &[u8] = b"fuzzing-secret-fuzzing-secret-32";

static VERIFIER: LazyLock<JwtVerifier> = LazyLock::new(|| {
    JwtVerifier::new(
        DecodingKey::from_secret(SECRET),
        Validation::new(Algorithm::HS256),
    )
});

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&mode, rest)) = data.split_first() else {
        return;
    };
    let token = if mode % 2 == 0 {
        match std::str::from_utf8(rest) {
            Ok(token) => token.to_owned(),
            Err(_) => return,
        }
    } else {
        let Ok(mut claims) = serde_json::from_slice::<serde_json::Value>(rest) else {
            return;
        };
        // A lifetime that has not run out, unless the input sets its own.
        if let Some(object) = claims.as_object_mut() {
            object
                .entry("exp")
                .or_insert(serde_json::json!(4_102_444_800_u64));
        }
        let key = EncodingKey::from_secret(SECRET);
        match jsonwebtoken::encode(&Header::new(Algorithm::HS256), &claims, &key) {
            Ok(token) => token,
            Err(_) => return,
        }
    };
    let Ok(value) = http::HeaderValue::from_str(&format!("Bearer {token}")) else {
        return;
    };
    let mut request = http::Request::new(());
    request
        .headers_mut()
        .insert(http::header::AUTHORIZATION, value);
    let (parts, ()) = request.into_parts();
    let Ok(Some(bearer)) = BearerToken::extract(&parts, &()) else {
        return;
    };
    let verdict = ready(<JwtVerifier as Verifier<ItemsAuth>>::verify(
        &VERIFIER, &bearer, &parts,
    ));
    match verdict {
        Ok(grant) => {
            for name in grant.scopes().names() {
                assert!(ItemsAuth::DECLARATION.scopes.contains(&name), "{name}");
            }
        }
        Err(error) => {
            let rejection = error.into_rejection::<ItemsAuth>();
            assert_eq!(rejection.status(), http::StatusCode::UNAUTHORIZED);
            let challenge = rejection.challenges()[0]
                .to_str()
                .expect("an ASCII challenge");
            assert!(
                challenge.starts_with("Bearer error=\"invalid_token\""),
                "{challenge}"
            );
            // One of the two fixed details: nothing of the token or its claims is echoed.
            let body = rejection.body();
            assert!(
                body == r#"{"detail":"Could not validate credentials"}"#
                    || body == r#"{"detail":"Token has expired"}"#,
                "{body}"
            );
        }
    }
});

/// Polls a future that must not wait (the verifier does no I/O).
fn ready<F: Future>(future: F) -> F::Output {
    let mut future = std::pin::pin!(future);
    match future
        .as_mut()
        .poll(&mut std::task::Context::from_waker(std::task::Waker::noop()))
    {
        std::task::Poll::Ready(output) => output,
        std::task::Poll::Pending => panic!("JwtVerifier waited"),
    }
}
