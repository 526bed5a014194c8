//! Property tests: no input makes the derive or `scopes!` panic, and every output parses.

use proc_macro2::TokenStream;
use proptest::prelude::*;

use crate::expand::{derive_security_scheme, scopes};
use crate::symbol::{COMMON_KEYS, FLOW_KEYS, KINDS, kind_keys};

/// Keys of every context, plus near misses.
fn key() -> impl Strategy<Value = String> {
    let mut keys: Vec<String> = KINDS
        .iter()
        .flat_map(|kind| kind_keys(*kind).iter().map(|key| key.as_str().to_owned()))
        .chain(COMMON_KEYS.iter().map(|key| key.as_str().to_owned()))
        .chain(FLOW_KEYS.iter().map(|key| key.as_str().to_owned()))
        .collect();
    keys.extend(["tokenUrl", "bogus", "self", "r#type", "a::b", "_"].map(str::to_owned));
    prop::sample::select(keys)
}

/// Literals of every kind, including the awkward ones.
fn literal() -> impl Strategy<Value = String> {
    prop_oneof![
        prop::sample::select(vec![
            "\"/token\"",
            "\"https://as.example.com/t\"",
            "\"http://localhost/t\"",
            "\"urn:example:api\"",
            "\"urn:x\"",
            "\"https://idp?x#y\"",
            "\"3.0\"",
            "\"3.2\"",
            "\"x-a\"",
            "\"X-API-Key\"",
            "\"\"",
            "\"a b\"",
            "\"#\"",
            "\"{x}\"",
            "\"é\"",
            "\"\\n\"",
            "\"x\"suffix",
            "1",
            "-1",
            "1u8",
            "1.5",
            "1e999",
            "99999999999999999999999",
            "true",
            "false",
            "'c'",
            "b\"x\"",
            "r\"raw\"",
            // A `crate` path with generic arguments (the `derive` fuzz target's find).
            "\"a<B = C>::d\"",
            "\"a::<B>\"",
        ])
        .prop_map(str::to_owned),
        "[a-z:!#-]{0,6}".prop_map(|text| format!("{text:?}")),
    ]
}

/// One entry of an attribute: `key`, `key = lit`, `key(..)`, `"lit" = lit`, or noise.
fn entry() -> impl Strategy<Value = String> {
    let leaf = prop_oneof![
        key(),
        literal(),
        (key(), literal()).prop_map(|(key, lit)| format!("{key} = {lit}")),
        (literal(), literal()).prop_map(|(name, value)| format!("{name} = {value}")),
        prop::sample::select(vec!["=", ",", "-", "::", ";", "#", "@", "=="])
            .prop_map(str::to_owned),
    ];
    leaf.prop_recursive(3, 24, 6, |inner| {
        (
            key(),
            prop::collection::vec(inner, 0..5),
            prop::sample::select(vec![", ", " ", ",, "]),
        )
            .prop_map(|(key, entries, separator)| format!("{key}({})", entries.join(separator)))
    })
}

fn attribute() -> impl Strategy<Value = String> {
    (
        prop::sample::select(KINDS.iter().map(|kind| kind.as_str()).collect::<Vec<_>>()),
        prop::collection::vec(entry(), 0..6),
        prop::sample::select(vec![", ", " ", ",", ", , "]),
        prop::bool::ANY,
    )
        .prop_map(|(kind, entries, separator, bare)| {
            if bare && entries.is_empty() {
                format!("#[{kind}]")
            } else {
                format!("#[{kind}({})]", entries.join(separator))
            }
        })
}

fn item() -> impl Strategy<Value = String> {
    (
        prop::collection::vec(attribute(), 0..3),
        prop::sample::select(vec![
            "struct S;",
            "struct S<T>(T);",
            "enum E { A }",
            "union U { a: u8 }",
            "struct Über;",
            "struct S<'a, const N: usize> where Self: Sized { a: &'a u8 }",
        ]),
    )
        .prop_map(|(attributes, item)| format!("/// Doc.\n{}\n{item}", attributes.join("\n")))
}

fn assert_parses(output: &TokenStream) {
    let file: syn::File = syn::parse2(output.clone()).expect("output parses as items");
    drop(file);
}

/// The `derive` fuzz target's finds: a `crate` path with generic arguments, in a declaration
/// with an error elsewhere (so the stand-in impl uses it too), expanded to an impl that did
/// not parse; so did `Self` (after it, `//` starts a comment), and path keywords out of place
/// are not Rust either. Now such paths are refused, and both expansions parse.
#[test]
fn a_crate_path_that_is_no_module_path_is_refused() {
    for attribute in [
        r#"#[http(bearer, crate = "i<D = L>")]"#,
        r#"#[http(bearer, crate = "i<D = L>" / ose)]"#,
        r#"#[oauth2(crate = "a::<B>::c", token_url = "/t")]"#,
        r#"#[openid_connect(crate = "Self//DDDi>", url = "https://i.example/")]"#,
        r#"#[http(bearer, crate = "a::Self")]"#,
        r#"#[http(bearer, crate = "a::crate")]"#,
        r#"#[http(bearer, crate = "::self::a")]"#,
        r#"#[http(bearer, crate = "a::super")]"#,
        r#"#[http(bearer, crate = "crate::super::a")]"#,
    ] {
        let source = format!("{attribute}\nstruct S;");
        let output = derive_security_scheme(source.parse().expect("tokens"));
        assert_parses(&output);
        assert!(output.to_string().contains("compile_error"), "{attribute}");
    }
}

#[test]
fn a_crate_path_with_keywords_where_rust_allows_them_is_taken() {
    for path in [
        "crate",
        "self::a",
        "super::super::a",
        "self::super::a",
        "crate::a",
        "::a::b",
    ] {
        let source = format!("#[http(bearer, crate = \"{path}\")]\nstruct S;");
        let output = derive_security_scheme(source.parse().expect("tokens"));
        assert_parses(&output);
        assert!(!output.to_string().contains("compile_error"), "{path}");
    }
}

proptest! {
    #![proptest_config(ProptestConfig { cases: 2000, ..ProptestConfig::default() })]

    #[test]
    fn derive_never_panics(source in item()) {
        // Token streams that are not valid Rust cannot reach a derive.
        if let Ok(tokens) = source.parse::<TokenStream>() {
            let output = derive_security_scheme(tokens);
            prop_assert!(!output.is_empty());
            assert_parses(&output);
        }
    }

    #[test]
    fn scopes_never_panics(
        ty in prop::sample::select(vec!["S", "a::S<u8>", "", "'a", "[u8; 2]", "fn()"]),
        separator in prop::sample::select(vec![":", "", ",", "::"]),
        names in prop::collection::vec(literal(), 0..5),
    ) {
        let source = format!("{ty}{separator} {}", names.join(", "));
        if let Ok(tokens) = source.parse::<TokenStream>() {
            let output = scopes::expand(tokens);
            prop_assert!(!output.is_empty());
        }
    }
}
