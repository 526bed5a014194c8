//! Table tests of the runtime checks: which requirement answers, with which status,
//! `WWW-Authenticate` lines and body, for every way of composing schemes. Extraction is the
//! real one; verifiers are the test ones of `compose_support`.

#[path = "compose_support/mod.rs"]
mod support;

use authscheme::compose::{AllOf, AnyOf, AnyOf2, AnyOf3, Auth, Check, Requirement, Verified};
use authscheme::openapi::SecurityRequirement;
use support::{
    Admin, Answer, AppState, Items, ItemsRead, ItemsReadWrite, Jwt, Key, Keys, Ops, Reports, STATE,
    Tenant, Tokens, Users, answer, basic, not_authenticated, parts,
};

const BEARER: &str = "Bearer";
const BASIC_ADMIN: &str = r#"Basic realm="admin""#;
const API_KEY: &str = "APIKey";
const INVALID_TOKEN: &str = r#"Bearer error="invalid_token""#;

/// One request and what it must get: `Ok(description of the value)` or the rejection.
struct Row {
    uri: &'static str,
    headers: Vec<(&'static str, String)>,
    expect: Result<String, Answer>,
}

fn row(headers: &[(&'static str, &str)], expect: Result<&str, Answer>) -> Row {
    Row {
        uri: "/",
        headers: headers
            .iter()
            .map(|(name, value)| (*name, (*value).to_owned()))
            .collect(),
        expect: expect.map(str::to_owned),
    }
}

fn row_at(
    uri: &'static str,
    headers: &[(&'static str, &str)],
    expect: Result<&str, Answer>,
) -> Row {
    Row {
        uri,
        ..row(headers, expect)
    }
}

/// Runs every row through `R::check` and compares.
async fn table<R: Check<AppState>>(describe: impl Fn(&R) -> String, rows: Vec<Row>) {
    for (index, row) in rows.into_iter().enumerate() {
        let headers: Vec<(&str, &str)> = row
            .headers
            .iter()
            .map(|(name, value)| (*name, value.as_str()))
            .collect();
        let head = parts(row.uri, &headers);
        let got = R::check(&head, &STATE)
            .await
            .map(|value| describe(&value))
            .map_err(Answer::of);
        assert_eq!(got, row.expect, "row {index}: {} {headers:?}", row.uri);
    }
}

fn auth(value: &str) -> (&'static str, &str) {
    ("authorization", value)
}

fn key(value: &str) -> (&'static str, &str) {
    ("x-api-key", value)
}

#[tokio::test]
async fn required_auth_extracts_without_verifying() {
    table::<Auth<Items>>(
        |auth| auth.credentials().token().to_owned(),
        vec![
            row(&[], Err(not_authenticated(&[BEARER]))),
            // No verifier: any well-formed token passes, as with FastAPI's OAuth2PasswordBearer.
            row(&[auth("Bearer anything")], Ok("anything")),
            row(&[auth("bearer reader")], Ok("reader")),
            // Malformed and other-scheme credentials: the scheme's 401.
            row(&[auth("Bearer a b")], Err(not_authenticated(&[BEARER]))),
            row(
                &[auth("Basic dXNlcjpwYXNz")],
                Err(not_authenticated(&[BEARER])),
            ),
        ],
    )
    .await;
}

#[tokio::test]
async fn optional_auth_is_none_only_without_credentials() {
    table::<Option<Auth<Items>>>(
        |auth| match auth {
            Some(auth) => auth.credentials().token().to_owned(),
            None => "anonymous".to_owned(),
        },
        vec![
            row(&[], Ok("anonymous")),
            // Another scheme's credentials are not ours: anonymous.
            row(&[auth("Basic dXNlcjpwYXNz")], Ok("anonymous")),
            row(&[auth("Bearer t0k")], Ok("t0k")),
            // Present but malformed: still rejected (auto_error=False does not hide errors).
            row(&[auth("Bearer a b")], Err(not_authenticated(&[BEARER]))),
            row(&[auth("Bearer")], Err(not_authenticated(&[BEARER]))),
        ],
    )
    .await;
    table::<Option<Auth<Admin>>>(
        |auth| match auth {
            Some(auth) => auth.credentials().username().to_owned(),
            None => "anonymous".to_owned(),
        },
        vec![
            row(&[], Ok("anonymous")),
            row(&[auth(&basic("boss:pw"))], Ok("boss")),
            row(&[auth("Basic !!!")], Err(not_authenticated(&[BASIC_ADMIN]))),
            row(
                &[auth("Basic dXNlcg")],
                Err(not_authenticated(&[BASIC_ADMIN])),
            ),
        ],
    )
    .await;
}

fn principal<R, V>(verified: &Verified<R, V>) -> String
where
    R: authscheme::RequiredScopes,
    V: authscheme::verify::Verifier<R::Scheme>,
    V::Principal: std::fmt::Display,
{
    format!(
        "{} {:?}",
        verified.principal(),
        verified.scopes().names().collect::<Vec<_>>()
    )
}

#[tokio::test]
async fn verified_bearer_runs_the_verifier_then_checks_scopes() {
    table::<Verified<ItemsReadWrite, Tokens>>(
        principal,
        vec![
            row(&[], Err(not_authenticated(&[BEARER]))),
            row(&[auth("Bearer a b")], Err(not_authenticated(&[BEARER]))),
            row(
                &[auth("Bearer unknown")],
                Err(answer(
                    401,
                    &[INVALID_TOKEN],
                    "Could not validate credentials",
                )),
            ),
            row(
                &[auth("Bearer expired")],
                Err(answer(401, &[INVALID_TOKEN], "Token expired")),
            ),
            // The verifier's own rejection passes through unchanged.
            row(
                &[auth("Bearer inactive")],
                Err(answer(400, &[], "Inactive user")),
            ),
            // RFC 6750 §3.1: the scope attribute lists the scopes the resource needs.
            row(
                &[auth("Bearer reader")],
                Err(answer(
                    403,
                    &[r#"Bearer error="insufficient_scope", scope="items:read items:write""#],
                    "Not enough permissions",
                )),
            ),
            row(
                &[auth("Bearer writer")],
                Ok(r#"writer ["items:read", "items:write"]"#),
            ),
            row(
                &[auth("Bearer root")],
                Ok(r#"root ["items:read", "items:write", "admin"]"#),
            ),
        ],
    )
    .await;
}

/// `Debug` shows the scheme, the principal and the granted scopes.
#[tokio::test]
async fn verified_debug_names_the_scheme_the_principal_and_the_scopes() {
    table::<Verified<ItemsReadWrite, Tokens>>(
        |verified| format!("{verified:?}"),
        vec![row(
            &[auth("Bearer writer")],
            Ok(r#"Verified { scheme: "Items", principal: "writer", scopes: {"items:read", "items:write"}, .. }"#),
        )],
    )
    .await;
}

#[tokio::test]
async fn verified_without_scopes_needs_only_a_valid_token() {
    table::<Verified<Items, Tokens>>(
        principal,
        vec![
            row(&[auth("Bearer reader")], Ok(r#"reader ["items:read"]"#)),
            row(
                &[auth("Bearer nobody")],
                Err(answer(
                    401,
                    &[INVALID_TOKEN],
                    "Could not validate credentials",
                )),
            ),
        ],
    )
    .await;
}

#[tokio::test]
async fn verified_non_bearer_schemes_keep_their_challenge_and_get_no_scope_challenge() {
    table::<Verified<Reports, Users>>(
        principal,
        vec![
            row(&[], Err(not_authenticated(&[BASIC_ADMIN]))),
            row(
                &[auth(&basic("boss:wrong"))],
                Err(answer(
                    401,
                    &[BASIC_ADMIN],
                    "Incorrect username or password",
                )),
            ),
            row(
                &[auth(&basic("clerk:pw"))],
                Err(answer(403, &[], "Not enough permissions")),
            ),
            row(&[auth(&basic("boss:pw"))], Ok(r#"boss ["reports"]"#)),
        ],
    )
    .await;
    table::<Verified<Ops, Keys>>(
        principal,
        vec![
            row(&[], Err(not_authenticated(&[API_KEY]))),
            row(
                &[key("nope")],
                Err(answer(401, &[API_KEY], "Unknown API key")),
            ),
            row(
                &[key("plain-key")],
                Err(answer(403, &[], "Not enough permissions")),
            ),
            row(&[key("ops-key")], Ok(r#"ops ["ops"]"#)),
        ],
    )
    .await;
}

type Either = AnyOf<(
    Verified<ItemsRead, Tokens>,
    Verified<Key, Keys>,
    Auth<Admin>,
)>;

fn which(either: &Either) -> String {
    match either {
        AnyOf3::A(bearer) => format!("bearer {}", bearer.principal()),
        AnyOf3::B(key) => format!("key {}", key.principal()),
        AnyOf3::C(admin) => format!("basic {}", admin.credentials().username()),
    }
}

#[tokio::test]
async fn any_of_the_first_alternative_with_credentials_decides() {
    table::<Either>(
        which,
        vec![
            // Nothing presented: every alternative's challenge, one line each, in order.
            row(&[], Err(not_authenticated(&[BEARER, API_KEY, BASIC_ADMIN]))),
            row(&[auth("Bearer reader")], Ok("bearer reader")),
            row(&[key("plain-key")], Ok("key plain")),
            row(&[auth(&basic("boss:pw"))], Ok("basic boss")),
            // Both present: the first decides, even when it fails and the second would pass.
            row(
                &[auth("Bearer reader"), key("plain-key")],
                Ok("bearer reader"),
            ),
            row(
                &[auth("Bearer unknown"), key("plain-key")],
                Err(answer(
                    401,
                    &[INVALID_TOKEN],
                    "Could not validate credentials",
                )),
            ),
            row(
                &[auth("Bearer a b"), key("plain-key")],
                Err(not_authenticated(&[BEARER])),
            ),
            // The decider's own errors.
            row(
                &[key("nope")],
                Err(answer(401, &[API_KEY], "Unknown API key")),
            ),
            // Basic credentials are "absent" for the bearer scheme, malformed for Basic.
            row(&[auth("Basic !!!")], Err(not_authenticated(&[BASIC_ADMIN]))),
            row(&[auth("Basic !!!"), key("plain-key")], Ok("key plain")),
        ],
    )
    .await;
    // Insufficient scope in the deciding alternative: 403, later alternatives not tried.
    table::<AnyOf<(Verified<ItemsReadWrite, Tokens>, Verified<Key, Keys>)>>(
        |_| "passed".to_owned(),
        vec![row(
            &[auth("Bearer reader"), key("plain-key")],
            Err(answer(
                403,
                &[r#"Bearer error="insufficient_scope", scope="items:read items:write""#],
                "Not enough permissions",
            )),
        )],
    )
    .await;
}

type Everything = AllOf<(Verified<ItemsRead, Tokens>, Auth<Key>, Auth<Tenant>)>;

#[tokio::test]
async fn all_of_every_member_must_pass_and_the_first_failure_answers() {
    table::<Everything>(
        |all| {
            let (bearer, key, tenant) = &all.0;
            format!(
                "{} {} {}",
                bearer.principal(),
                key.credentials().as_str(),
                tenant.credentials().as_str()
            )
        },
        vec![
            // Nothing: every member's challenge (the two API keys share `APIKey`).
            row(&[], Err(not_authenticated(&[BEARER, API_KEY]))),
            row_at(
                "/?tenant=acme",
                &[auth("Bearer reader"), key("k1")],
                Ok("reader k1 acme"),
            ),
            // A missing member fails with its own 401 once anything is presented.
            row(&[auth("Bearer reader")], Err(not_authenticated(&[API_KEY]))),
            row_at(
                "/?tenant=acme",
                &[key("k1")],
                Err(not_authenticated(&[BEARER])),
            ),
            // An empty query key is a missing one.
            row_at(
                "/?tenant=",
                &[auth("Bearer reader"), key("k1")],
                Err(not_authenticated(&[API_KEY])),
            ),
            // Members are checked in order: the verifier's refusal comes first.
            row_at(
                "/?tenant=acme",
                &[auth("Bearer unknown"), key("k1")],
                Err(answer(
                    401,
                    &[INVALID_TOKEN],
                    "Could not validate credentials",
                )),
            ),
            row_at(
                "/?tenant=acme",
                &[auth("Bearer a b"), key("k1")],
                Err(not_authenticated(&[BEARER])),
            ),
        ],
    )
    .await;
}

#[tokio::test]
async fn optional_members_and_optional_composites() {
    table::<AllOf<(Auth<Key>, Option<Auth<Jwt>>)>>(
        |all| match &all.0 {
            (key, Some(jwt)) => format!(
                "{} {}",
                key.credentials().as_str(),
                jwt.credentials().token()
            ),
            (key, None) => format!("{} anonymous", key.credentials().as_str()),
        },
        vec![
            row(&[], Err(not_authenticated(&[API_KEY, BEARER]))),
            row(&[key("k1")], Ok("k1 anonymous")),
            row(&[key("k1"), auth("Bearer t")], Ok("k1 t")),
            row(&[auth("Bearer t")], Err(not_authenticated(&[API_KEY]))),
            row(
                &[key("k1"), auth("Bearer a b")],
                Err(not_authenticated(&[BEARER])),
            ),
        ],
    )
    .await;
    table::<Option<AnyOf<(Auth<Jwt>, Auth<Key>)>>>(
        |any| match any {
            None => "anonymous".to_owned(),
            Some(AnyOf2::A(_)) => "jwt".to_owned(),
            Some(AnyOf2::B(_)) => "key".to_owned(),
        },
        vec![
            row(&[], Ok("anonymous")),
            row(&[key("k1")], Ok("key")),
            row(&[auth("Bearer t"), key("k1")], Ok("jwt")),
            row(&[auth("Bearer a b")], Err(not_authenticated(&[BEARER]))),
        ],
    )
    .await;
    // An anonymous alternative does not shadow a later one whose credentials are present.
    table::<AnyOf<(Option<Auth<Jwt>>, Auth<Key>)>>(
        |any| match any {
            AnyOf2::A(None) => "anonymous".to_owned(),
            AnyOf2::A(Some(_)) => "jwt".to_owned(),
            AnyOf2::B(_) => "key".to_owned(),
        },
        vec![
            row(&[], Ok("anonymous")),
            row(&[key("k1")], Ok("key")),
            row(&[auth("Bearer t")], Ok("jwt")),
        ],
    )
    .await;
}

/// Valid credentials (with every scope) for the scheme named `name`.
fn credentials_for(name: &str) -> (&'static str, String) {
    match name {
        "Items" | "Jwt" => ("authorization", "Bearer root".to_owned()),
        "Admin" => ("authorization", basic("boss:pw")),
        "Key" => ("x-api-key", "ops-key".to_owned()),
        other => panic!("no credentials for {other}"),
    }
}

/// For every Security Requirement Object the type documents, a request carrying exactly
/// those schemes' credentials passes the type's check; a request carrying nothing passes
/// exactly when `{}` is documented.
async fn document_and_check_agree<R: Check<AppState>>() {
    for requirement in R::security() {
        let headers: Vec<(&'static str, String)> = requirement
            .iter()
            .map(|(name, _)| credentials_for(name))
            .collect();
        let headers: Vec<(&str, &str)> = headers
            .iter()
            .map(|(name, value)| (*name, value.as_str()))
            .collect();
        let result = R::check(&parts("/", &headers), &STATE).await;
        assert!(
            result.is_ok(),
            "{} documents {requirement:?} but refuses it: {:?}",
            std::any::type_name::<R>(),
            result.err().map(Answer::of)
        );
    }
    let anonymous = R::security().contains(&SecurityRequirement::ANONYMOUS);
    let empty = R::check(&parts("/", &[]), &STATE).await;
    assert_eq!(empty.is_ok(), anonymous, "{}", std::any::type_name::<R>());
}

#[tokio::test]
async fn the_document_and_the_check_agree() {
    document_and_check_agree::<Auth<Items>>().await;
    document_and_check_agree::<Option<Auth<Items>>>().await;
    document_and_check_agree::<Verified<ItemsReadWrite, Tokens>>().await;
    document_and_check_agree::<Verified<Reports, Users>>().await;
    document_and_check_agree::<AnyOf<(Verified<Items, Tokens>, Auth<Key>, Auth<Admin>)>>().await;
    document_and_check_agree::<AllOf<(Verified<ItemsRead, Tokens>, Verified<Ops, Keys>)>>().await;
    document_and_check_agree::<AllOf<(Auth<Key>, AnyOf<(Auth<Jwt>, Auth<Admin>)>)>>().await;
    document_and_check_agree::<AllOf<(Auth<Key>, Option<Auth<Jwt>>)>>().await;
    document_and_check_agree::<Option<AllOf<(Auth<Jwt>, Auth<Key>)>>>().await;
    document_and_check_agree::<AnyOf<(Option<Auth<Jwt>>, Auth<Key>)>>().await;
}

#[test]
fn missing_answers_list_every_applicable_challenge() {
    assert_eq!(
        Answer::of(Either::missing()),
        not_authenticated(&[BEARER, API_KEY, BASIC_ADMIN])
    );
    assert_eq!(
        Answer::of(Everything::missing()),
        not_authenticated(&[BEARER, API_KEY])
    );
}
