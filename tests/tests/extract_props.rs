//! Property tests of extraction: no request bytes can panic a parser, every rejection is the
//! scheme's 401, well-formed credentials round-trip, and `Debug` never shows a secret.

use authscheme::credentials::{
    ApiKey, ApiKeyConfig, BasicConfig, BasicCredentials, BearerToken, Credentials,
    DigestCredentials, HttpConfig, HttpCredentials,
};
use authscheme::openapi::ApiKeyLocation;
use base64::Engine as _;
use http::request::Parts;
use http::{HeaderValue, StatusCode, Uri};
use proptest::prelude::*;

const HEADER_KEY: ApiKeyConfig = ApiKeyConfig::new(ApiKeyLocation::Header, "X-API-Key");
const QUERY_KEY: ApiKeyConfig = ApiKeyConfig::new(ApiKeyLocation::Query, "api_key");
const COOKIE_KEY: ApiKeyConfig = ApiKeyConfig::new(ApiKeyLocation::Cookie, "session");
const REALM: BasicConfig = BasicConfig::new(Some("a \"realm\""), r#"Basic realm="a \"realm\"""#);
const CUSTOM: HttpConfig = HttpConfig::new("scram-sha-256", "Scram-Sha-256");

fn parts_with(headers: &[(&str, HeaderValue)], uri: Uri) -> Parts {
    let mut request = http::Request::new(());
    *request.uri_mut() = uri;
    for (name, value) in headers {
        request.headers_mut().append(
            http::HeaderName::from_bytes(name.as_bytes()).expect("static header names are valid"),
            value.clone(),
        );
    }
    request.into_parts().0
}

/// Runs one kind's extraction: never panics (the property), and an `Err` is always 401 with
/// exactly the scheme's challenge and FastAPI's body.
fn check<C: Credentials>(parts: &Parts, config: &C::Config) -> Option<C> {
    match C::extract(parts, config) {
        Ok(found) => found,
        Err(rejection) => {
            let missing = C::missing(config);
            assert_eq!(rejection.status(), StatusCode::UNAUTHORIZED);
            assert_eq!(rejection.challenges(), missing.challenges());
            assert_eq!(rejection.body(), r#"{"detail":"Not authenticated"}"#);
            None
        }
    }
}

fn check_every_kind(parts: &Parts) {
    check::<BearerToken>(parts, &());
    check::<BasicCredentials>(parts, &BasicConfig::new(None, "Basic"));
    check::<BasicCredentials>(parts, &REALM);
    check::<DigestCredentials>(parts, &());
    check::<HttpCredentials>(parts, &CUSTOM);
    check::<ApiKey>(parts, &HEADER_KEY);
    check::<ApiKey>(parts, &QUERY_KEY);
    check::<ApiKey>(parts, &COOKIE_KEY);
}

/// Bytes biased towards what the parsers look at.
fn interesting_bytes() -> impl Strategy<Value = Vec<u8>> {
    let byte = prop_oneof![
        4 => any::<u8>(),
        4 => prop::sample::select(
            b" \t=,;\":\\%+&abcXYZ019-._~/".to_vec()
        ),
    ];
    prop::collection::vec(byte, 0..96)
}

fn scheme_prefix() -> impl Strategy<Value = &'static str> {
    prop::sample::select(vec![
        "",
        "Bearer ",
        "bearer  ",
        "Basic ",
        "BASIC ",
        "Digest ",
        "digest username=",
        "scram-sha-256 ",
        "SCRAM-SHA-256 ",
    ])
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(2000))]

    #[test]
    fn authorization_never_panics(prefix in scheme_prefix(), bytes in interesting_bytes()) {
        let mut value = prefix.as_bytes().to_vec();
        value.extend_from_slice(&bytes);
        if let Ok(value) = HeaderValue::from_bytes(&value) {
            let parts = parts_with(&[("authorization", value)], Uri::from_static("/"));
            check_every_kind(&parts);
        }
    }

    #[test]
    fn several_authorization_lines_never_panic(
        first in interesting_bytes(),
        second in interesting_bytes(),
    ) {
        if let (Ok(first), Ok(second)) =
            (HeaderValue::from_bytes(&first), HeaderValue::from_bytes(&second))
        {
            let parts = parts_with(
                &[("authorization", first), ("authorization", second)],
                Uri::from_static("/"),
            );
            check_every_kind(&parts);
        }
    }

    #[test]
    fn api_key_header_never_panics(bytes in interesting_bytes()) {
        if let Ok(value) = HeaderValue::from_bytes(&bytes) {
            let parts = parts_with(&[("x-api-key", value)], Uri::from_static("/"));
            if let Some(key) = check::<ApiKey>(&parts, &HEADER_KEY) {
                prop_assert_eq!(key.as_bytes(), &bytes[..]);
            }
        }
    }

    #[test]
    fn query_never_panics(query in "[a-zA-Z0-9_%+=&;:@/?.~!$'()*,-]{0,64}") {
        let query = format!("/?{query}");
        if let Ok(uri) = Uri::try_from(query.as_str()) {
            check_every_kind(&parts_with(&[], uri));
        }
    }

    #[test]
    fn query_with_the_name_never_panics(value in "[a-zA-Z0-9_%+=&;:@/?.~!$'()*,-]{0,64}") {
        let query = format!("/?api_key={value}");
        if let Ok(uri) = Uri::try_from(query.as_str()) {
            check::<ApiKey>(&parts_with(&[], uri), &QUERY_KEY);
        }
    }

    #[test]
    fn cookies_never_panic(
        first in interesting_bytes(),
        second in interesting_bytes(),
        named in any::<bool>(),
    ) {
        let mut first_line = if named { b"session=".to_vec() } else { Vec::new() };
        first_line.extend_from_slice(&first);
        if let (Ok(first), Ok(second)) =
            (HeaderValue::from_bytes(&first_line), HeaderValue::from_bytes(&second))
        {
            let parts = parts_with(&[("cookie", first), ("cookie", second)], Uri::from_static("/"));
            check_every_kind(&parts);
        }
    }

    #[test]
    fn bearer_round_trips(token in "[A-Za-z0-9._~+/-]{1,80}={0,2}") {
        let value = HeaderValue::from_str(&format!("Bearer {token}")).expect("a b64token is a valid field value");
        let parts = parts_with(&[("authorization", value)], Uri::from_static("/"));
        let extracted = check::<BearerToken>(&parts, &()).expect("a b64token is accepted");
        prop_assert_eq!(extracted.token(), token.as_str());
        prop_assert!(extracted.matches(&token));
        // The same length, one byte different (a b64token is ASCII); one byte more or less.
        let mut other = token.clone().into_bytes();
        let last = other.len() - 1;
        other[last] = if other[last] == b'A' { b'B' } else { b'A' };
        let other = String::from_utf8(other).expect("ASCII");
        prop_assert!(!extracted.matches(&other), "{}", other);
        let extended = format!("{token}A");
        prop_assert!(!extracted.matches(&extended));
        prop_assert!(!extracted.matches(&token[..last]));
        prop_assert_eq!(format!("{extracted:?}"), "BearerToken { token: [redacted] }");
        prop_assert_eq!(extracted.to_string(), "Bearer [redacted]");
    }

    #[test]
    fn basic_round_trips(
        username in "[^:\\x00-\\x1f\\x7f]{0,40}",
        password in "[^\\x00-\\x1f\\x7f]{0,60}",
    ) {
        let encoded = base64::engine::general_purpose::STANDARD.encode(format!("{username}:{password}"));
        let value = HeaderValue::from_str(&format!("Basic {encoded}")).expect("base64 is a valid field value");
        let parts = parts_with(&[("authorization", value)], Uri::from_static("/"));
        let credentials = check::<BasicCredentials>(&parts, &REALM).expect("valid credentials are accepted");
        prop_assert_eq!(credentials.username(), username.as_str());
        prop_assert_eq!(credentials.password(), password.as_str());
        prop_assert!(credentials.password_matches(&password));
        prop_assert!(credentials.matches(&username, &password));
        let longer = format!("{password}x");
        prop_assert!(!credentials.password_matches(&longer));
        prop_assert!(!credentials.matches(&username, &longer));
        let other_username = format!("{username}x");
        prop_assert!(!credentials.matches(&other_username, &password));
        prop_assert_eq!(
            format!("{credentials:?}"),
            format!("BasicCredentials {{ username: {username:?}, password: [redacted] }}")
        );
        prop_assert_eq!(credentials.to_string(), format!("{username}:[redacted]"));
    }

    #[test]
    fn query_key_round_trips(key in "\\PC{1,40}") {
        let encoded: String = key
            .bytes()
            .map(|b| if b.is_ascii_alphanumeric() { char::from(b).to_string() } else { format!("%{b:02X}") })
            .collect();
        let uri = Uri::try_from(format!("/?x=1&api_key={encoded}&api_key=other")).expect("percent-encoded query");
        let extracted = check::<ApiKey>(&parts_with(&[], uri), &QUERY_KEY).expect("a non-empty key");
        prop_assert_eq!(extracted.as_str(), key.as_str());
        prop_assert!(extracted.matches(&key));
        let extended = format!("{key}x");
        prop_assert!(!extracted.matches(&extended));
        prop_assert_eq!(format!("{extracted:?}"), "ApiKey { key: [redacted] }");
        prop_assert_eq!(extracted.to_string(), "[redacted]");
    }

    #[test]
    fn cookie_key_round_trips(
        key in "[\\x21\\x23-\\x2b\\x2d-\\x3a\\x3c-\\x5b\\x5d-\\x7e]{1,40}",
        quoted in any::<bool>(),
    ) {
        let value = if quoted { format!("\"{key}\"") } else { key.clone() };
        let line = HeaderValue::from_str(&format!("a=1; session={value};session=later")).expect("cookie-octets are valid");
        let parts = parts_with(&[("cookie", line)], Uri::from_static("/"));
        let extracted = check::<ApiKey>(&parts, &COOKIE_KEY).expect("a valid cookie");
        prop_assert_eq!(extracted.as_str(), key.as_str());
    }

    #[test]
    fn custom_token68_round_trips(token in "[A-Za-z0-9._~+/-]{1,60}={0,2}") {
        let value = HeaderValue::from_str(&format!("Scram-SHA-256 {token}")).expect("valid field value");
        let parts = parts_with(&[("authorization", value)], Uri::from_static("/"));
        let credentials = check::<HttpCredentials>(&parts, &CUSTOM).expect("a token68 is accepted");
        prop_assert_eq!(credentials.token68(), Some(token.as_str()));
        prop_assert!(credentials.matches(&token));
        let extended = format!("{token}x");
        prop_assert!(!credentials.matches(&extended));
        prop_assert_eq!(
            format!("{credentials:?}"),
            r#"HttpCredentials { scheme: "Scram-SHA-256", credentials: [redacted] }"#
        );
        prop_assert_eq!(credentials.to_string(), "Scram-SHA-256 [redacted]");
    }
}
