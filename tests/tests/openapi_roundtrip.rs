//! Property tests: for arbitrary valid models, `from_json(to_json(m)) == m` for every version
//! that can express `m` (and `Error::Unsupported` for the others), the string writer agrees
//! with the `Value` writer, and the JSON validates against the official schema.

mod openapi_support;

use authscheme::openapi::{
    ApiKeyLocation, Error, Extension, ExtensionValue, FlowKind, List, OAuthFlow, OAuthFlows,
    OpenApiVersion, Scope, SecurityRequirement, SecurityScheme, SecuritySchemeKind,
    SecuritySchemes, Text,
};
use openapi_support::{assert_valid, document};
use proptest::prelude::*;
use serde_json::{Map, Value};

// ---------------------------------------------------------------------------------------
// Strategies for valid models.

fn text(pattern: &'static str) -> impl Strategy<Value = Text> {
    pattern.prop_map(Text::Owned)
}

/// Free text, including non-ASCII, quotes, backslashes and newlines.
fn prose() -> impl Strategy<Value = Text> {
    text("[\\PC\n\"\\\\]{0,12}")
}

/// RFC 3986 URI references of the shapes declarations use: absolute https/loopback http
/// (with query), absolute and relative paths, bare segments.
fn url() -> impl Strategy<Value = Text> {
    prop_oneof![
        text("https://[a-z]{1,8}(\\.[a-z]{1,6}){0,2}(/[A-Za-z0-9._~-]{1,8}){0,3}"),
        text(
            "https://[a-z]{1,6}\\.example/[a-z]{1,6}\\?[a-z]{1,4}=[a-z0-9]{0,4}(&[a-z]{1,4}=[a-z0-9]{0,4})?"
        ),
        text("http://(localhost|127\\.0\\.0\\.1|\\[::1\\]):[1-9][0-9]{3}/[a-z]{1,8}"),
        text("(/[a-z0-9._-]{1,8}){1,3}"),
        text("[a-z]{1,8}(/[a-z]{1,8})?"),
    ]
}

/// RFC 6749 scope-tokens.
fn scope_name() -> impl Strategy<Value = String> {
    "[!#-\\[\\]-~]{1,10}"
}

/// Unique scope names in declaration order, with descriptions.
fn scopes() -> impl Strategy<Value = List<Scope>> {
    prop::collection::vec((scope_name(), prose()), 0..4).prop_map(|pairs| {
        let mut scopes: Vec<Scope> = Vec::new();
        for (name, description) in pairs {
            if !scopes.iter().any(|scope| scope.name == name) {
                scopes.push(Scope {
                    name: Text::Owned(name),
                    description,
                });
            }
        }
        List::Owned(scopes)
    })
}

fn finite_f64() -> impl Strategy<Value = f64> {
    any::<f64>().prop_filter("JSON numbers are finite", |f| f.is_finite())
}

/// Any JSON value, nested up to three levels.
fn json_value() -> BoxedStrategy<Value> {
    let leaf = prop_oneof![
        Just(Value::Null),
        any::<bool>().prop_map(Value::from),
        any::<i64>().prop_map(Value::from),
        any::<u64>().prop_map(Value::from),
        finite_f64().prop_map(Value::from),
        "[\\PC]{0,6}".prop_map(Value::from),
    ];
    leaf.prop_recursive(3, 24, 4, |inner| {
        prop_oneof![
            prop::collection::vec(inner.clone(), 0..4).prop_map(Value::Array),
            prop::collection::vec(("[a-z]{0,4}", inner), 0..4)
                .prop_map(|members| Value::Object(members.into_iter().collect::<Map<_, _>>())),
        ]
    })
    .boxed()
}

fn extension_value() -> impl Strategy<Value = ExtensionValue> {
    prop_oneof![
        prose().prop_map(ExtensionValue::Str),
        any::<bool>().prop_map(ExtensionValue::Bool),
        any::<i64>().prop_map(ExtensionValue::Int),
        finite_f64().prop_map(ExtensionValue::Float),
        json_value().prop_map(ExtensionValue::Json),
    ]
}

/// Unique `x-` keys, none reserved.
fn extensions() -> BoxedStrategy<List<Extension>> {
    prop::collection::vec(("x-[a-z0-9-]{1,8}", extension_value()), 0..3)
        .prop_map(|pairs| {
            let mut extensions: Vec<Extension> = Vec::new();
            for (key, value) in pairs {
                let reserved = key.starts_with("x-oai-") || key.starts_with("x-oas-");
                if !reserved && !extensions.iter().any(|extension| extension.key == key) {
                    extensions.push(Extension {
                        key: Text::Owned(key),
                        value,
                    });
                }
            }
            List::Owned(extensions)
        })
        .boxed()
}

fn flow(kind: FlowKind) -> BoxedStrategy<OAuthFlow> {
    (
        url(),
        url(),
        prop::option::of(url()),
        scopes(),
        extensions(),
    )
        .prop_map(move |(first, token, refresh, scopes, extensions)| {
            let authorization = kind.uses_authorization_url().then(|| first.clone());
            let device = kind.uses_device_authorization_url().then_some(first);
            let token = kind.uses_token_url().then_some(token);
            OAuthFlow::from_parts(
                kind,
                authorization,
                device,
                token,
                refresh,
                scopes.into_owned(),
                extensions.into_owned(),
            )
            .expect("the URLs fit the kind")
        })
        .boxed()
}

/// Any combination of the five flows, from none to all.
fn flows() -> BoxedStrategy<OAuthFlows> {
    (
        prop::option::of(flow(FlowKind::Implicit)),
        prop::option::of(flow(FlowKind::Password)),
        prop::option::of(flow(FlowKind::ClientCredentials)),
        prop::option::of(flow(FlowKind::AuthorizationCode)),
        // 3.2 only: rarer, so that more models fit 3.0 and 3.1.
        prop::option::weighted(0.25, flow(FlowKind::DeviceAuthorization)),
        extensions(),
    )
        .prop_map(|(implicit, password, client, code, device, extensions)| {
            let mut flows = OAuthFlows::new().with_extensions(extensions);
            for flow in [implicit, password, client, code, device]
                .into_iter()
                .flatten()
            {
                flows = flows.with(flow);
            }
            flows
        })
        .boxed()
}

/// RFC 9110 tokens, lowercase (the canonical form we write).
fn http_scheme() -> impl Strategy<Value = Text> {
    prop_oneof![
        Just(Text::Borrowed("basic")),
        Just(Text::Borrowed("bearer")),
        Just(Text::Borrowed("digest")),
        text("[a-z0-9!#$%&'*+.^_`|~-]{1,12}"),
    ]
}

fn kind() -> BoxedStrategy<SecuritySchemeKind> {
    let location = prop_oneof![
        Just(ApiKeyLocation::Query),
        Just(ApiKeyLocation::Header),
        Just(ApiKeyLocation::Cookie),
    ];
    prop_oneof![
        (location, text("[!#$%&'*+.^_`|~0-9A-Za-z-]{1,12}"))
            .prop_map(|(location, name)| SecuritySchemeKind::ApiKey { name, location }),
        (http_scheme(), prop::option::of(prose())).prop_map(|(scheme, format)| {
            let bearer_format = if scheme == "bearer" { format } else { None };
            SecuritySchemeKind::Http {
                scheme,
                bearer_format,
            }
        }),
        (flows(), prop::option::weighted(0.25, url())).prop_map(|(flows, metadata_url)| {
            SecuritySchemeKind::OAuth2 {
                flows,
                metadata_url,
            }
        }),
        url().prop_map(|url| SecuritySchemeKind::OpenIdConnect { url }),
        Just(SecuritySchemeKind::MutualTls),
    ]
    .boxed()
}

fn scheme() -> BoxedStrategy<SecurityScheme> {
    (
        kind(),
        prop::option::of(prose()),
        prop::bool::weighted(0.25),
        extensions(),
    )
        .prop_map(
            |(kind, description, deprecated, extensions)| SecurityScheme {
                kind,
                description,
                deprecated,
                extensions,
            },
        )
        .boxed()
}

/// A few named schemes.
fn schemes() -> impl Strategy<Value = Vec<(String, SecurityScheme)>> {
    prop::collection::vec(("[a-zA-Z0-9._-]{1,10}", scheme()), 1..5).prop_map(|entries| {
        let mut unique: Vec<(String, SecurityScheme)> = Vec::new();
        for (name, scheme) in entries {
            if !unique.iter().any(|(other, _)| *other == name) {
                unique.push((name, scheme));
            }
        }
        unique
    })
}

/// Unique scopes for one requirement entry.
fn requirement_scopes() -> impl Strategy<Value = Vec<String>> {
    prop::collection::vec(scope_name(), 0..3).prop_map(|mut scopes| {
        let mut seen = Vec::new();
        scopes.retain(|scope| {
            let new = !seen.contains(scope);
            seen.push(scope.clone());
            new
        });
        scopes
    })
}

/// Requirements as picks of `(scheme index, scopes)`, resolved against the schemes a version
/// keeps; a requirement may pick none (`{}`).
fn requirements(count: usize) -> impl Strategy<Value = Vec<Vec<(usize, Vec<String>)>>> {
    prop::collection::vec(
        prop::collection::vec((0..count, requirement_scopes()), 0..3),
        0..4,
    )
}

// ---------------------------------------------------------------------------------------
// Properties.

/// Writes `scheme` for every version: read back equal where the version can express it,
/// `Unsupported` where it cannot.
fn check_scheme_round_trip(scheme: &SecurityScheme) -> Result<(), TestCaseError> {
    for version in OpenApiVersion::ALL {
        match scheme.to_json(version) {
            Ok(json) => {
                prop_assert!(version >= scheme.min_version());
                let text = scheme
                    .to_json_string(version)
                    .expect("same checks as to_json");
                prop_assert_eq!(&text, &json.to_string());
                let back = SecurityScheme::from_json(&json, version);
                prop_assert_eq!(back.as_ref(), Ok(scheme), "{}", text);
                let reparsed: Value = serde_json::from_str(&text).expect("valid JSON text");
                prop_assert_eq!(&reparsed, &json);
            }
            Err(err) => {
                prop_assert!(
                    matches!(err, Error::Unsupported { .. }),
                    "{}: unexpected {}",
                    version,
                    err
                );
                prop_assert!(version < scheme.min_version(), "{}", err);
            }
        }
    }
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(192))]

    #[test]
    fn schemes_round_trip(scheme in scheme()) {
        check_scheme_round_trip(&scheme)?;
    }

    #[test]
    fn flows_round_trip(flows in flows()) {
        let needs = if flows.device_authorization.is_some() {
            OpenApiVersion::V3_2
        } else {
            OpenApiVersion::V3_0
        };
        for version in OpenApiVersion::ALL {
            match flows.to_json(version) {
                Ok(json) => {
                    prop_assert!(version >= needs);
                    prop_assert_eq!(OAuthFlows::from_json(&json, version), Ok(flows.clone()));
                    for flow in flows.iter() {
                        let one = flow.to_json(version).expect("checked with the flows");
                        prop_assert_eq!(&one, &json[flow.kind().key()]);
                        let back = OAuthFlow::from_json(&one, flow.kind(), version);
                        prop_assert_eq!(back.as_ref(), Ok(flow));
                    }
                }
                Err(err) => {
                    prop_assert!(version < needs, "{}", err);
                    prop_assert_eq!(err.path(), "/deviceAuthorization");
                }
            }
        }
    }

    #[test]
    fn plain_serde_round_trips(scheme in scheme()) {
        let text = serde_json::to_string(&scheme).expect("every model is valid for 3.2");
        let back: SecurityScheme = serde_json::from_str(&text).expect("reads what it wrote");
        prop_assert_eq!(back, scheme);
    }
}

proptest! {
    // Schema validation is the slow part: fewer cases.
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn documents_validate_and_round_trip(
        entries in schemes(),
        picks in requirements(4),
    ) {
        for version in OpenApiVersion::ALL {
            let mut schemes = SecuritySchemes::new();
            for (name, scheme) in &entries {
                if scheme.min_version() <= version {
                    schemes.insert(name.clone(), scheme.clone()).expect("unique, valid names");
                }
            }
            let names: Vec<&str> = schemes.iter().map(|(name, _)| name).collect();
            let mut security = Vec::new();
            for pick in &picks {
                let mut requirement = SecurityRequirement::default();
                let mut used = Vec::new();
                for (index, scopes) in pick {
                    let Some(name) = names.get(index % names.len().max(1)) else { continue };
                    if used.contains(name) {
                        continue;
                    }
                    used.push(name);
                    let scoped = matches!(
                        schemes.get(name).map(|scheme| &scheme.kind),
                        Some(SecuritySchemeKind::OAuth2 { .. } | SecuritySchemeKind::OpenIdConnect { .. })
                    );
                    // 3.0 has no role names: a non-empty list for other kinds is refused.
                    let scopes = if version == OpenApiVersion::V3_0 && !scoped {
                        let refused = SecurityRequirement::default().with((*name).to_owned(), scopes.clone());
                        if !scopes.is_empty() {
                            let err = schemes.check_requirement(&refused, version);
                            let unsupported = matches!(err, Err(Error::Unsupported { .. }));
                            prop_assert!(unsupported, "{:?}", err);
                        }
                        Vec::new()
                    } else {
                        scopes.clone()
                    };
                    requirement = requirement.with((*name).to_owned(), scopes);
                }
                security.push(requirement);
            }

            let components = schemes.to_json(version).expect("only what the version has");
            let operation = schemes.security_to_json(&security, version).expect("checked");
            assert_valid(version, &document(version, &components, &operation));

            prop_assert_eq!(SecuritySchemes::from_json(&components, version), Ok(schemes.clone()));
            prop_assert_eq!(
                schemes.to_json_string(version).expect("as to_json"),
                components.to_string()
            );
            let Value::Array(items) = operation else {
                return Err(TestCaseError::fail("security is an array"));
            };
            for (json, requirement) in items.iter().zip(&security) {
                let back = SecurityRequirement::from_json(json, version);
                prop_assert_eq!(back.as_ref(), Ok(requirement));
            }
        }
    }
}
