//! `OAuth2PasswordRequestForm` and `OAuth2PasswordRequestFormStrict`: FastAPI's parsing rules
//! and its 422 error bodies, field by field.

use authscheme::form::{
    FieldErrorKind, FormError, OAuth2PasswordRequestForm, OAuth2PasswordRequestFormStrict,
};
use http::HeaderValue;
use serde_json::{Value, json};

fn missing(field: &str) -> Value {
    json!({"type": "missing", "loc": ["body", field], "msg": "Field required", "input": null})
}

fn pattern(input: &str) -> Value {
    json!({
        "type": "string_pattern_mismatch",
        "loc": ["body", "grant_type"],
        "msg": "String should match pattern '^password$'",
        "input": input,
        "ctx": {"pattern": "^password$"},
    })
}

fn detail(error: &FormError) -> Value {
    let body: Value = serde_json::from_str(&error.body()).expect("the body is JSON");
    body["detail"].clone()
}

#[test]
fn lenient_form_accepts_what_fastapi_accepts() {
    let form = OAuth2PasswordRequestForm::from_urlencoded(
        b"username=johndoe&password=secret&scope=items:read%20me++users:write&client_id=app&client_secret=s3",
    )
    .expect("valid");
    assert_eq!(form.grant_type, None);
    assert_eq!(form.username, "johndoe");
    assert_eq!(form.password, "secret");
    assert_eq!(form.scopes, ["items:read", "me", "users:write"]);
    assert_eq!(form.client_id.as_deref(), Some("app"));
    assert_eq!(form.client_secret.as_deref(), Some("s3"));

    let form =
        OAuth2PasswordRequestForm::from_urlencoded(b"grant_type=password&username=a&password=b")
            .expect("valid");
    assert_eq!(form.grant_type.as_deref(), Some("password"));
    assert!(form.scopes.is_empty());
    assert_eq!(form.client_id, None);
}

#[test]
fn empty_values_are_missing_and_the_last_repeat_counts() {
    // `grant_type=` is no grant type; `client_id=` is no client id.
    let form = OAuth2PasswordRequestForm::from_urlencoded(
        b"grant_type=&username=first&username=last&password=p&client_id=&scope=",
    )
    .expect("valid");
    assert_eq!(form.grant_type, None);
    assert_eq!(form.username, "last");
    assert_eq!(form.client_id, None);
    assert!(form.scopes.is_empty());

    // A later empty value wins too: the field is then missing.
    let error = OAuth2PasswordRequestForm::from_urlencoded(b"username=a&username=&password=p")
        .expect_err("username is missing");
    assert_eq!(detail(&error), json!([missing("username")]));

    // Whitespace is a value (FastAPI does not strip).
    let form =
        OAuth2PasswordRequestForm::from_urlencoded(b"username=+&password=%20").expect("valid");
    assert_eq!((form.username.as_str(), form.password.as_str()), (" ", " "));
}

#[test]
fn errors_are_listed_in_field_order_with_fastapi_shapes() {
    let cases: [(&[u8], Value); 5] = [
        (b"", json!([missing("username"), missing("password")])),
        (b"username=a", json!([missing("password")])),
        (b"password=p&unrelated=1", json!([missing("username")])),
        (
            b"grant_type=client_credentials&username=a&password=p",
            json!([pattern("client_credentials")]),
        ),
        // Case-sensitive, whole-value match: `Password` and `password\n` do not match.
        (
            b"grant_type=Password",
            json!([
                pattern("Password"),
                missing("username"),
                missing("password")
            ]),
        ),
    ];
    for (body, expected) in cases {
        let error = OAuth2PasswordRequestForm::from_urlencoded(body).expect_err("invalid");
        assert_eq!(
            detail(&error),
            expected,
            "{}",
            String::from_utf8_lossy(body)
        );
        assert_eq!(error.status(), 422);
    }
    let error =
        OAuth2PasswordRequestForm::from_urlencoded(b"grant_type=password%0A&username=a&password=p")
            .expect_err("a trailing newline does not match");
    assert_eq!(detail(&error), json!([pattern("password\n")]));
}

#[test]
fn the_error_body_is_byte_for_byte_fastapis() {
    let error = OAuth2PasswordRequestForm::from_urlencoded(b"grant_type=implicit&password=p")
        .expect_err("invalid");
    assert_eq!(
        error.body(),
        concat!(
            r#"{"detail":[{"type":"string_pattern_mismatch","loc":["body","grant_type"],"#,
            r#""msg":"String should match pattern '^password$'","input":"implicit","ctx":{"pattern":"^password$"}},"#,
            r#"{"type":"missing","loc":["body","username"],"msg":"Field required","input":null}]}"#
        )
    );
    assert_eq!(error.errors().len(), 2);
    assert_eq!(error.errors()[0].field(), "grant_type");
    assert_eq!(
        error.errors()[0].kind(),
        &FieldErrorKind::PatternMismatch {
            input: "implicit".to_owned()
        }
    );
    let response = error.into_response();
    assert_eq!(response.status(), 422);
    assert_eq!(response.headers()["content-type"], "application/json");
}

/// A deviation from FastAPI, which echoes the whole value: the body echoes at most 64
/// characters of it, then `…`; the error itself keeps the whole value.
#[test]
fn the_error_body_echoes_at_most_64_characters() {
    let long = "implicit".repeat(1000);
    for strict in [false, true] {
        let body = format!("grant_type={long}&username=a&password=p");
        let error = if strict {
            OAuth2PasswordRequestFormStrict::from_urlencoded(body.as_bytes()).map(drop)
        } else {
            OAuth2PasswordRequestForm::from_urlencoded(body.as_bytes()).map(drop)
        }
        .expect_err("invalid");
        let cut: String = long.chars().take(64).collect();
        assert_eq!(detail(&error), json!([pattern(&format!("{cut}…"))]));
        assert!(error.body().len() < 300, "{}", error.body());
        assert_eq!(
            error.errors()[0].kind(),
            &FieldErrorKind::PatternMismatch {
                input: long.clone()
            }
        );
    }

    // 64 characters are echoed whole; a cut never splits a character (`%C3%A9` is `é`).
    let error = OAuth2PasswordRequestForm::from_urlencoded(
        format!("grant_type={}&username=a&password=p", "%C3%A9".repeat(64)).as_bytes(),
    )
    .expect_err("invalid");
    assert_eq!(detail(&error), json!([pattern(&"é".repeat(64))]));
    let error = OAuth2PasswordRequestForm::from_urlencoded(
        format!("grant_type={}&username=a&password=p", "%C3%A9".repeat(65)).as_bytes(),
    )
    .expect_err("invalid");
    assert_eq!(
        detail(&error),
        json!([pattern(&format!("{}…", "é".repeat(64)))])
    );
}

/// Only `grant_type` is ever echoed: a password or client secret never appears in a 422 body
/// or in the error's `Display`, whichever fields are wrong.
#[test]
fn the_error_never_echoes_a_password_or_client_secret() {
    for body in [
        &b"grant_type=implicit&password=hunter2&client_secret=topsecret"[..],
        b"grant_type=implicit&username=a&password=hunter2&client_secret=topsecret",
        b"username=a&password=&client_secret=topsecret",
    ] {
        for result in [
            OAuth2PasswordRequestForm::from_urlencoded(body).map(drop),
            OAuth2PasswordRequestFormStrict::from_urlencoded(body).map(drop),
        ] {
            let error = result.expect_err("invalid");
            let json = error.body();
            assert!(
                !json.contains("hunter2") && !json.contains("topsecret"),
                "{json}"
            );
            let text = error.to_string();
            assert!(
                !text.contains("hunter2") && !text.contains("topsecret"),
                "{text}"
            );
            for entry in detail(&error).as_array().expect("a list") {
                if entry["loc"][1] != "grant_type" {
                    assert!(entry["input"].is_null(), "{entry}");
                }
            }
        }
    }
}

#[test]
fn strict_form_requires_grant_type_password() {
    let error = OAuth2PasswordRequestFormStrict::from_urlencoded(b"username=a&password=p")
        .expect_err("grant_type is required");
    assert_eq!(detail(&error), json!([missing("grant_type")]));

    let error =
        OAuth2PasswordRequestFormStrict::from_urlencoded(b"grant_type=&username=a&password=p")
            .expect_err("an empty grant_type is missing");
    assert_eq!(detail(&error), json!([missing("grant_type")]));

    let error = OAuth2PasswordRequestFormStrict::from_urlencoded(b"grant_type=refresh_token")
        .expect_err("invalid");
    assert_eq!(
        detail(&error),
        json!([
            pattern("refresh_token"),
            missing("username"),
            missing("password")
        ])
    );

    let form = OAuth2PasswordRequestFormStrict::from_urlencoded(
        b"grant_type=password&username=a&password=p&scope=x",
    )
    .expect("valid");
    assert_eq!(form.grant_type, "password");
    assert_eq!(form.scopes, ["x"]);
}

#[test]
fn decoding_follows_starlette() {
    let form = OAuth2PasswordRequestForm::from_urlencoded(
        b"user%6Eame=J%C3%BCrgen+M&password=%E2%82%AC%zz&scope=a%09b",
    )
    .expect("valid");
    // Names are percent-decoded too; `+` is a space; a bad escape stays literal.
    assert_eq!(form.username, "Jürgen M");
    assert_eq!(form.password, "€%zz");
    assert_eq!(form.scopes, ["a", "b"]);
    // Invalid UTF-8 in an escape becomes U+FFFD; raw non-ASCII bytes are Latin-1.
    let form =
        OAuth2PasswordRequestForm::from_urlencoded(b"username=%FF&password=\xe9").expect("valid");
    assert_eq!(form.username, "\u{fffd}");
    assert_eq!(form.password, "é");
}

#[test]
fn other_content_types_have_no_fields() {
    let body = br#"{"username":"a","password":"p"}"#;
    for content_type in [
        None,
        Some(HeaderValue::from_static("application/json")),
        Some(HeaderValue::from_static("multipart/form-data; boundary=x")),
    ] {
        let error = OAuth2PasswordRequestForm::from_body(content_type.as_ref(), body)
            .expect_err("no fields");
        assert_eq!(
            detail(&error),
            json!([missing("username"), missing("password")])
        );
    }
    let form = OAuth2PasswordRequestForm::from_body(
        Some(&HeaderValue::from_static(
            "application/x-www-form-urlencoded; charset=utf-8",
        )),
        b"username=a&password=p",
    )
    .expect("valid");
    assert_eq!(form.username, "a");
}

#[test]
fn secrets_are_redacted_in_debug() {
    let form = OAuth2PasswordRequestForm::from_urlencoded(
        b"username=alice&password=hunter2&client_id=app&client_secret=topsecret",
    )
    .expect("valid");
    let debug = format!("{form:?}");
    assert!(debug.contains("alice") && debug.contains("app"), "{debug}");
    assert!(
        !debug.contains("hunter2") && !debug.contains("topsecret"),
        "{debug}"
    );
    let strict = OAuth2PasswordRequestFormStrict::from_urlencoded(
        b"grant_type=password&username=alice&password=hunter2",
    )
    .expect("valid");
    assert!(!format!("{strict:?}").contains("hunter2"));
    // Error bodies never carry the password either.
    let error = OAuth2PasswordRequestForm::from_urlencoded(b"grant_type=x&password=hunter2")
        .expect_err("invalid");
    assert!(!error.body().contains("hunter2") && !error.to_string().contains("hunter2"));
}
