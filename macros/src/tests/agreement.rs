//! Property tests that the derive and the runtime agree on the text rules they share (URLs,
//! tokens, component names, extension keys): the derive through its validation of a whole
//! declaration, the runtime through its public OpenAPI model, each on the same text.

use authscheme::openapi::{
    Extension, ExtensionValue, FlowKind, OAuthFlow, OpenApiVersion, SecurityRequirement,
    SecurityScheme,
};
use proptest::prelude::*;
use quote::quote;
use serde_json::json;

use super::errors;

/// Whether the derive accepts the declaration `input` (a whole item).
fn derive_accepts(input: proc_macro2::TokenStream) -> bool {
    errors(input).is_empty()
}

/// Text made of URL characters, near misses (space, braces, `%`, non-ASCII) and the delimiters
/// whose place RFC 3986 fixes, so that most cases are nearly URLs.
fn url_text() -> impl Strategy<Value = String> {
    let body = "[a-z0-9:/?#@!$&'()*+,;=._~%\\[\\] {}é-]{0,16}";
    let prefix = prop::sample::select(vec![
        "",
        "/",
        "https://",
        "https://h",
        "https://[",
        "https://[::1]",
        "http://",
        "http://localhost",
        "//",
        "ftp://",
        "?",
        "#",
    ]);
    (prefix, body).prop_map(|(prefix, body)| format!("{prefix}{body}"))
}

/// The runtime's verdict on a `tokenUrl` read from JSON and on a hand-built `refreshUrl`; the
/// two must agree with each other too.
fn runtime_accepts_url(url: &str) -> bool {
    let read = OAuthFlow::from_json(
        &json!({"scopes": {}, "tokenUrl": url}),
        FlowKind::Password,
        OpenApiVersion::V3_1,
    )
    .is_ok();
    let built = OAuthFlow::password("/token", &[])
        .with_refresh_url(url.to_owned())
        .to_json(OpenApiVersion::V3_1)
        .is_ok();
    assert_eq!(read, built, "the runtime disagrees with itself on {url:?}");
    read
}

/// Whether `url` is in the part of the URL space where the derive adds no policy of its own
/// (https, or a relative reference that is not scheme-relative): there the two must agree
/// exactly. Elsewhere the derive may only be stricter.
fn outside_derive_policy(url: &str) -> bool {
    url.starts_with("https://") || (url.starts_with('/') && !url.starts_with("//"))
}

fn config() -> ProptestConfig {
    ProptestConfig {
        cases: 512,
        failure_persistence: None,
        ..ProptestConfig::default()
    }
}

proptest! {
    #![proptest_config(config())]

    #[test]
    fn urls_agree(url in url_text()) {
        let derive = derive_accepts(quote! { #[oauth2(token_url = #url)] struct S; });
        let runtime = runtime_accepts_url(&url);
        if outside_derive_policy(&url) {
            prop_assert_eq!(derive, runtime, "{:?}", url);
        } else {
            prop_assert!(!derive || runtime, "the derive accepts {:?}, the runtime not", url);
        }
    }

    #[test]
    fn auth_scheme_tokens_agree(word in "[a-zA-Z0-9!#$%&'*+.^_`|~ :\"(),/é-]{0,8}") {
        let derive = derive_accepts(quote! { #[http(scheme = #word)] struct S; });
        let runtime = SecurityScheme::from_json(
            &json!({"type": "http", "scheme": word}),
            OpenApiVersion::V3_1,
        )
        .is_ok();
        prop_assert_eq!(derive, runtime, "{:?}", word);
    }

    #[test]
    fn cookie_names_agree(name in "[a-zA-Z0-9!#$%&'*+.^_`|~ :;=\"é-]{0,8}") {
        let derive = derive_accepts(quote! { #[api_key(cookie = #name)] struct S; });
        let runtime = SecurityScheme::from_json(
            &json!({"type": "apiKey", "in": "cookie", "name": name}),
            OpenApiVersion::V3_1,
        )
        .is_ok();
        prop_assert_eq!(derive, runtime, "{:?}", name);
    }

    #[test]
    fn component_names_agree(name in "[a-zA-Z0-9._ /:#é-]{0,8}") {
        let derive = derive_accepts(quote! { #[http(bearer, name = #name)] struct S; });
        // Before 3.2 a requirement names a scheme by its component name only.
        let runtime =
            SecurityRequirement::from_json(&json!({ name.as_str(): [] }), OpenApiVersion::V3_1)
                .is_ok();
        prop_assert_eq!(derive, runtime, "{:?}", name);
    }

    #[test]
    fn extension_keys_agree(
        key in "(x-|X-|x-oai-|x-oas-|x)?[a-z-]{0,6}",
        pin in prop::sample::select(vec!["3.0", "3.1", "3.2"]),
    ) {
        let derive = derive_accepts(
            quote! { #[http(bearer, openapi = #pin, extensions(#key = true))] struct S; },
        );
        let version = match pin {
            "3.0" => OpenApiVersion::V3_0,
            "3.1" => OpenApiVersion::V3_1,
            _ => OpenApiVersion::V3_2,
        };
        let scheme = SecurityScheme::bearer(None).with_extensions(vec![Extension {
            key: key.clone().into(),
            value: ExtensionValue::Bool(true),
        }]);
        let runtime = scheme.to_json(version).is_ok();
        prop_assert_eq!(derive, runtime, "{:?} at {}", key, pin);
    }
}

/// The shapes that motivated one grammar: each side refuses them, for the same reason.
#[test]
fn malformed_authorities_are_refused_by_both() {
    for url in [
        "https://a b/",
        "http://[::1/",
        "https://host:port/",
        "https://user@@host/",
        "https://[::g]/",
        "https:///token",
        "https://:443/token",
        "https://as.example.com/authorize#x",
    ] {
        assert!(
            !derive_accepts(quote! { #[oauth2(token_url = #url)] struct S; }),
            "derive: {url}"
        );
        assert!(!runtime_accepts_url(url), "runtime: {url}");
    }
}
