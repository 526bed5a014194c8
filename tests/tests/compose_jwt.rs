//! `JwtVerifier` (feature `jwt`) behind `Verified`: signature, expiry, claims and the
//! `scope` / `scp` claims turned into granted scopes.

#[path = "compose_support/mod.rs"]
mod support;

use std::time::{SystemTime, UNIX_EPOCH};

use authscheme::RequiredScopes;
use authscheme::compose::{Check, Verified};
use authscheme::verify::JwtVerifier;
use jsonwebtoken::{Algorithm, DecodingKey, EncodingKey, Header, Validation};
use serde_json::{Value, json};
use support::{Answer, Items, ItemsRead, ItemsReadWrite, answer, not_authenticated, parts};

const SECRET: &[u8] = b"test-secret-of-at-least-32-bytes!!";
const INVALID_TOKEN: &str = r#"Bearer error="invalid_token""#;

#[derive(Clone, Debug, serde::Deserialize)]
struct Claims {
    sub: String,
}

fn verifier<T>() -> JwtVerifier<T> {
    JwtVerifier::new(
        DecodingKey::from_secret(SECRET),
        Validation::new(Algorithm::HS256),
    )
}

fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .expect("after 1970")
        .as_secs()
}

fn token(claims: &Value, secret: &[u8]) -> String {
    jsonwebtoken::encode(
        &Header::new(Algorithm::HS256),
        claims,
        &EncodingKey::from_secret(secret),
    )
    .expect("encodes")
}

fn valid(extra: Value) -> String {
    let mut claims = json!({"sub": "alice", "exp": now() + 3600});
    if let (Some(claims), Value::Object(extra)) = (claims.as_object_mut(), extra) {
        claims.extend(extra);
    }
    token(&claims, SECRET)
}

async fn check<R: RequiredScopes<Scheme = Items>>(
    bearer: &str,
) -> Result<(String, Vec<&'static str>), Answer> {
    let authorization = format!("Bearer {bearer}");
    let head = parts("/", &[("authorization", authorization.as_str())]);
    Verified::<R, JwtVerifier<Claims>>::check(&head, &verifier::<Claims>())
        .await
        .map(|user| {
            (
                user.principal().sub.clone(),
                user.scopes().names().collect(),
            )
        })
        .map_err(Answer::of)
}

#[tokio::test]
async fn scope_and_scp_claims_grant_the_declared_scopes() {
    let cases = [
        (json!({"scope": "items:read"}), vec!["items:read"]),
        (
            json!({"scope": "items:write items:read unknown"}),
            vec!["items:read", "items:write"],
        ),
        (
            json!({"scp": "items:read admin"}),
            vec!["items:read", "admin"],
        ),
        (
            json!({"scp": ["items:write", "items:read"]}),
            vec!["items:read", "items:write"],
        ),
        (
            json!({"scope": "items:read", "scp": ["admin"]}),
            vec!["items:read", "admin"],
        ),
        (
            json!({"scope": ["items:write", "items:read"]}),
            vec!["items:read", "items:write"],
        ),
        (json!({}), vec![]),
    ];
    for (extra, granted) in cases {
        let expected = Ok(("alice".to_owned(), granted));
        assert_eq!(
            check::<Items>(&valid(extra.clone())).await,
            expected,
            "{extra}"
        );
    }
}

#[tokio::test]
async fn scope_claims_of_another_shape_are_401_invalid_token() {
    for extra in [
        json!({"scope": 7}),
        json!({"scp": {"not": "names"}}),
        json!({"scope": ["items:read", 7]}),
        json!({"scope": "items:read", "scp": null}),
    ] {
        assert_eq!(
            check::<Items>(&valid(extra.clone())).await,
            Err(answer(
                401,
                &[INVALID_TOKEN],
                "Could not validate credentials"
            )),
            "{extra}"
        );
    }
}

#[tokio::test]
async fn required_scopes_are_checked_against_the_claims() {
    assert_eq!(
        check::<ItemsRead>(&valid(json!({"scope": "items:read"}))).await,
        Ok(("alice".to_owned(), vec!["items:read"]))
    );
    assert_eq!(
        check::<ItemsReadWrite>(&valid(json!({"scope": "items:read"}))).await,
        Err(answer(
            403,
            &[r#"Bearer error="insufficient_scope", scope="items:read items:write""#],
            "Not enough permissions"
        ))
    );
}

#[tokio::test]
async fn invalid_tokens_are_401_invalid_token() {
    let expired = token(&json!({"sub": "alice", "exp": now() - 3600}), SECRET);
    assert_eq!(
        check::<Items>(&expired).await,
        Err(answer(401, &[INVALID_TOKEN], "Token has expired"))
    );
    let forged = token(
        &json!({"sub": "mallory", "exp": now() + 3600}),
        b"another-secret-of-at-least-32-bytes",
    );
    let not_a_jwt = "abc.def.ghi".to_owned();
    let no_exp = token(&json!({"sub": "alice"}), SECRET);
    let no_sub = token(&json!({"exp": now() + 3600}), SECRET);
    // `Validation::new` does not check `nbf`; `JwtVerifier::new` does.
    let not_yet_valid = token(
        &json!({"sub": "alice", "exp": now() + 7200, "nbf": now() + 3600}),
        SECRET,
    );
    // RFC 7515 §4.1.11: an extension marked critical that the recipient does not understand.
    let mut critical = Header::new(Algorithm::HS256);
    critical.crit = Some(vec!["urn:example:must-understand".to_owned()]);
    critical.extras.insert("urn:example:must-understand", true);
    let critical_extension = jsonwebtoken::encode(
        &critical,
        &json!({"sub": "alice", "exp": now() + 3600}),
        &EncodingKey::from_secret(SECRET),
    )
    .expect("encodes");
    // jsonwebtoken skips an `aud` it cannot read instead of refusing it as it refuses any
    // `aud` when no audience is expected.
    let unreadable_audience = token(
        &json!({"sub": "alice", "exp": now() + 3600, "aud": 7}),
        SECRET,
    );
    for bad in [
        forged,
        not_a_jwt,
        no_exp,
        no_sub,
        not_yet_valid,
        critical_extension,
        unreadable_audience,
    ] {
        assert_eq!(
            check::<Items>(&bad).await,
            Err(answer(
                401,
                &[INVALID_TOKEN],
                "Could not validate credentials"
            )),
            "{bad}"
        );
    }
}

#[tokio::test]
async fn malformed_and_missing_tokens_never_reach_the_verifier() {
    let head = parts("/", &[]);
    let missing = Verified::<Items, JwtVerifier>::check(&head, &verifier::<Value>())
        .await
        .map(|_| ())
        .map_err(Answer::of);
    assert_eq!(missing, Err(not_authenticated(&["Bearer"])));
    assert_eq!(
        check::<Items>("a b").await,
        Err(not_authenticated(&["Bearer"]))
    );
}

#[tokio::test]
async fn the_default_principal_is_the_claims_as_json() {
    let bearer = valid(json!({"scope": "items:read", "tenant": "acme"}));
    let authorization = format!("Bearer {bearer}");
    let head = parts("/", &[("authorization", authorization.as_str())]);
    let user = Verified::<Items, JwtVerifier>::check(&head, &verifier::<Value>())
        .await
        .map_err(Answer::of)
        .expect("valid");
    assert_eq!(user.principal()["tenant"], "acme");
    assert_eq!(user.principal()["sub"], "alice");
}
