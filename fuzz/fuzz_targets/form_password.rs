#![no_main]
//! Both password request forms over any body and any `Content-Type`: every input is either a
//! form with its required fields or a 422 whose body is JSON, and neither panics.

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    use authscheme::form::{OAuth2PasswordRequestForm, OAuth2PasswordRequestFormStrict};

    // Bytes up to the first 0xFF are the content type (when they make a header value), the
    // rest is the body; without a 0xFF the whole input is a body without a content type.
    let (content_type, body) = match data.iter().position(|&b| b == 0xff) {
        Some(at) => (
            http::HeaderValue::from_bytes(&data[..at]).ok(),
            &data[at + 1..],
        ),
        None => (None, data),
    };
    let content_type = content_type.as_ref();

    match OAuth2PasswordRequestForm::from_body(content_type, body) {
        Ok(form) => {
            assert!(!form.username.is_empty() && !form.password.is_empty());
            assert!(
                form.grant_type
                    .as_deref()
                    .is_none_or(|grant| grant == "password")
            );
        }
        Err(error) => check_error(&error),
    }
    match OAuth2PasswordRequestFormStrict::from_body(content_type, body) {
        Ok(form) => {
            assert_eq!(form.grant_type, "password");
            assert!(!form.username.is_empty() && !form.password.is_empty());
        }
        Err(error) => check_error(&error),
    }
});

fn check_error(error: &authscheme::form::FormError) {
    assert_eq!(error.status(), http::StatusCode::UNPROCESSABLE_ENTITY);
    assert!(!error.errors().is_empty());
    let body: serde_json::Value =
        serde_json::from_str(&error.body()).expect("the 422 body is JSON");
    assert_eq!(
        body["detail"].as_array().map(Vec::len),
        Some(error.errors().len())
    );
    let _ = error.to_string();
}
