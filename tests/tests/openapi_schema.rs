//! Every object we emit, in a minimal document for its version, validates against the
//! official OpenAPI schema of that version (draft-04 for 3.0, 2020-12 for 3.1 and 3.2), and
//! the validator provably rejects what it should.

mod openapi_support;

use authscheme::openapi::{
    ApiKeyLocation, Extension, ExtensionValue, OAuthFlow, OAuthFlows, OpenApiVersion, Scope,
    SecurityRequirement, SecurityScheme, SecuritySchemes,
};
use openapi_support::{assert_valid, document, validate};
use serde_json::{Value, json};

const SCOPES: &[Scope] = &[
    Scope::new("read:pets", "Read your pets"),
    Scope::new("write:pets", "Modify pets"),
];

fn extensions() -> Vec<Extension> {
    vec![
        Extension::new("x-str", ExtensionValue::str("v")),
        Extension::new("x-int", ExtensionValue::Int(-3)),
        Extension::new("x-float", ExtensionValue::Float(2.5)),
        Extension::new("x-bool", ExtensionValue::Bool(true)),
        Extension::new(
            "x-json",
            ExtensionValue::Json(json!({"a": [1, null, {"b": "c"}]})),
        ),
        Extension::new("x-null", ExtensionValue::Json(Value::Null)),
    ]
}

/// Every kind, every flow (alone and together), with and without description and extensions;
/// the 3.1 and 3.2 additions only where the version has them.
fn all_schemes(version: OpenApiVersion) -> SecuritySchemes {
    let mut schemes = SecuritySchemes::new();
    for (name, scheme) in every_version().into_iter().chain(newer(version)) {
        schemes.insert(name, scheme).unwrap();
    }
    schemes
}

/// What OpenAPI 3.0 can express already.
fn every_version() -> Vec<(&'static str, SecurityScheme)> {
    vec![
        (
            "api_key_header",
            SecurityScheme::api_key("X-API-Key", ApiKeyLocation::Header),
        ),
        (
            "api_key_query",
            SecurityScheme::api_key("api_key", ApiKeyLocation::Query).with_description("q"),
        ),
        (
            "api_key_cookie",
            SecurityScheme::api_key("session", ApiKeyLocation::Cookie)
                .with_extensions(extensions()),
        ),
        ("basic", SecurityScheme::http("basic")),
        (
            "digest",
            SecurityScheme::http("digest").with_description("Digest"),
        ),
        ("custom", SecurityScheme::http("scram-sha-256")),
        ("bearer", SecurityScheme::bearer(None)),
        (
            "jwt",
            SecurityScheme::bearer(Some("JWT"))
                .with_description("**JWT** in `Authorization`")
                .with_extensions(extensions()),
        ),
        ("no_flows", SecurityScheme::oauth2(OAuthFlows::new())),
        (
            "implicit",
            SecurityScheme::oauth2(OAuthFlows::single(OAuthFlow::implicit(
                "https://as.example.com/authorize",
                SCOPES,
            ))),
        ),
        (
            "password",
            SecurityScheme::oauth2(OAuthFlows::single(OAuthFlow::password("token", &[]))),
        ),
        (
            "client_credentials",
            SecurityScheme::oauth2(OAuthFlows::single(
                OAuthFlow::client_credentials("/oauth/token", SCOPES)
                    .with_refresh_url("/oauth/refresh"),
            )),
        ),
        (
            "authorization_code",
            SecurityScheme::oauth2(OAuthFlows::single(OAuthFlow::authorization_code(
                "https://as.example.com/authorize?audience=api",
                "https://as.example.com/token",
                SCOPES,
            ))),
        ),
        (
            "all_flows",
            SecurityScheme::oauth2(
                OAuthFlows::new()
                    .with(
                        OAuthFlow::implicit("http://localhost:8080/authorize", &[])
                            .with_extensions(extensions()),
                    )
                    .with(OAuthFlow::password("/token", SCOPES))
                    .with(OAuthFlow::client_credentials("/token", &[]))
                    .with(
                        OAuthFlow::authorization_code("/authorize", "/token", SCOPES)
                            .with_refresh_url("/refresh"),
                    )
                    .with_extensions(extensions()),
            )
            .with_description("All four")
            .with_extensions(extensions()),
        ),
        (
            "oidc",
            SecurityScheme::open_id_connect(
                "https://id.example.com/.well-known/openid-configuration",
            ),
        ),
    ]
}

/// `mutualTLS` from 3.1; `deprecated`, `oauth2MetadataUrl`, `deviceAuthorization` from 3.2.
fn newer(version: OpenApiVersion) -> Vec<(&'static str, SecurityScheme)> {
    let mut entries = Vec::new();
    if version >= OpenApiVersion::V3_1 {
        entries.push(("mtls", SecurityScheme::mutual_tls()));
        entries.push((
            "mtls_described",
            SecurityScheme::mutual_tls()
                .with_description("Cert must be signed by example.com CA")
                .with_extensions(extensions()),
        ));
    }
    if version >= OpenApiVersion::V3_2 {
        entries.push((
            "device",
            SecurityScheme::oauth2_with_metadata_url(
                OAuthFlows::single(
                    OAuthFlow::device_authorization(
                        "https://as.example.com/device",
                        "https://as.example.com/token",
                        SCOPES,
                    )
                    .with_refresh_url("https://as.example.com/refresh"),
                ),
                "https://as.example.com/.well-known/oauth-authorization-server",
            )
            .with_deprecated(true),
        ));
        entries.push((
            "deprecated_key",
            SecurityScheme::api_key("X-Old-Key", ApiKeyLocation::Header).with_deprecated(true),
        ));
    }
    entries
}

/// `{}`, single schemes with and without scopes, an AND of three; role names from 3.1 on.
fn all_requirements(version: OpenApiVersion) -> Vec<SecurityRequirement> {
    let mut requirements = vec![
        SecurityRequirement::ANONYMOUS,
        SecurityRequirement::default().with("api_key_header", Vec::<String>::new()),
        SecurityRequirement::default().with("all_flows", ["read:pets", "write:pets", "read:pets"]),
        SecurityRequirement::default().with("oidc", ["openid", "profile"]),
        SecurityRequirement::default()
            .with("api_key_cookie", Vec::<String>::new())
            .with("password", Vec::<String>::new())
            .with("oidc", ["email"]),
    ];
    if version >= OpenApiVersion::V3_1 {
        requirements.push(SecurityRequirement::default().with("basic", ["admin"]));
        requirements.push(SecurityRequirement::default().with("mtls", Vec::<String>::new()));
    }
    requirements
}

fn emitted_document(version: OpenApiVersion) -> Value {
    let schemes = all_schemes(version);
    document(
        version,
        &schemes.to_json(version).unwrap(),
        &schemes
            .security_to_json(&all_requirements(version), version)
            .unwrap(),
    )
}

#[test]
fn every_emitted_object_validates() {
    for version in OpenApiVersion::ALL {
        assert_valid(version, &emitted_document(version));
    }
}

#[test]
fn each_scheme_validates_on_its_own() {
    for version in OpenApiVersion::ALL {
        let schemes = all_schemes(version);
        for (name, scheme) in schemes.iter() {
            let doc = document(
                version,
                &json!({ name: scheme.to_json(version).unwrap() }),
                &json!([{ name: [] }]),
            );
            assert_valid(version, &doc);
        }
    }
}

#[test]
fn what_a_version_cannot_express_is_refused_before_the_schema_sees_it() {
    // Everything 3.2 has, written for 3.0 and 3.1: an `Unsupported` error, never an invalid
    // document.
    let newest = all_schemes(OpenApiVersion::V3_2);
    for version in [OpenApiVersion::V3_0, OpenApiVersion::V3_1] {
        for (name, scheme) in newest.iter() {
            match scheme.to_json(version) {
                Ok(json) => assert_valid(
                    version,
                    &document(version, &json!({ name: json }), &json!([])),
                ),
                Err(err) => assert!(
                    scheme.min_version() > version,
                    "{name} refused for {version}: {err}"
                ),
            }
        }
    }
}

/// A document holding one hand-written scheme `a`.
fn with_scheme(version: OpenApiVersion, scheme: &Value) -> Value {
    document(version, &json!({ "a": scheme }), &json!([{"a": []}]))
}

#[test]
fn the_validator_bites() {
    use OpenApiVersion::{V3_0, V3_1, V3_2};
    // (scheme written by hand, versions that must reject it, versions that must accept it)
    let cases: &[(Value, &[OpenApiVersion], &[OpenApiVersion])] = &[
        (json!({"type": "mutualTLS"}), &[V3_0], &[V3_1, V3_2]),
        (
            json!({"type": "http", "scheme": "basic", "bearerFormat": "JWT"}),
            &[V3_0, V3_1, V3_2],
            &[],
        ),
        (
            json!({"type": "http", "scheme": "Bearer", "bearerFormat": "JWT"}),
            &[],
            &[V3_0, V3_1, V3_2],
        ),
        (
            json!({"type": "http", "scheme": "basic", "deprecated": true}),
            &[V3_0, V3_1],
            &[V3_2],
        ),
        (
            json!({"type": "oauth2", "flows": {"deviceAuthorization": {
                "deviceAuthorizationUrl": "/device", "tokenUrl": "/token", "scopes": {}}}}),
            &[V3_0, V3_1],
            &[V3_2],
        ),
        (
            json!({"type": "oauth2", "oauth2MetadataUrl": "/meta", "flows": {}}),
            &[V3_0, V3_1],
            &[V3_2],
        ),
        (
            json!({"type": "oauth2", "flows": {"password": {"tokenUrl": "/token"}}}),
            &[V3_0, V3_1, V3_2],
            &[],
        ),
        (
            json!({"type": "oauth2", "flows": {"password": {"tokenUrl": "/token", "scopes": {"a": 1}}}}),
            &[V3_0, V3_1, V3_2],
            &[],
        ),
        (
            json!({"type": "oauth2", "flows": {"deviceCode": {"tokenUrl": "/token", "scopes": {}}}}),
            &[V3_0, V3_1, V3_2],
            &[],
        ),
        (
            json!({"type": "oauth2", "flows": {"implicit": {"authorizationUrl": "/a", "tokenUrl": "/t", "scopes": {}}}}),
            &[V3_0, V3_1, V3_2],
            &[],
        ),
        (
            json!({"type": "apiKey", "in": "path", "name": "k"}),
            &[V3_0, V3_1, V3_2],
            &[],
        ),
        (
            json!({"type": "apiKey", "in": "header", "name": "k", "scheme": "basic"}),
            &[V3_0, V3_1, V3_2],
            &[],
        ),
        (json!({"type": "jwt"}), &[V3_0, V3_1, V3_2], &[]),
        (
            json!({"type": "http", "scheme": "basic", "realm": "r"}),
            &[V3_0, V3_1, V3_2],
            &[],
        ),
        (
            json!({"type": "http", "scheme": "basic", "x-realm": "r"}),
            &[],
            &[V3_0, V3_1, V3_2],
        ),
        (
            json!({"type": "openIdConnect", "openIdConnectUrl": null}),
            &[V3_0, V3_1, V3_2],
            &[],
        ),
        // `uri-reference` is asserted by the 2020-12 schemas (draft-04 has no such format).
        (
            json!({"type": "oauth2", "flows": {"password": {"tokenUrl": "https://exa mple.com/token", "scopes": {}}}}),
            &[V3_1, V3_2],
            &[V3_0],
        ),
    ];
    for (scheme, rejected, accepted) in cases {
        for version in *rejected {
            assert!(
                validate(*version, &with_scheme(*version, scheme)).is_err(),
                "{version} accepted {scheme}"
            );
        }
        for version in *accepted {
            assert_valid(*version, &with_scheme(*version, scheme));
        }
    }
}

#[test]
fn the_validator_bites_on_documents_too() {
    for version in OpenApiVersion::ALL {
        let good = emitted_document(version);
        assert_valid(version, &good);

        // The wrong `openapi` version string.
        let mut doc = good.clone();
        doc["openapi"] = json!("2.0");
        assert!(validate(version, &doc).is_err(), "{version}: openapi 2.0");

        // A requirement whose list is not an array of strings.
        let mut doc = good.clone();
        doc["paths"]["/items"]["get"]["security"] = json!([{"basic": "admin"}]);
        assert!(validate(version, &doc).is_err(), "{version}: requirement");
        doc["paths"]["/items"]["get"]["security"] = json!([{"basic": [1]}]);
        assert!(
            validate(version, &doc).is_err(),
            "{version}: requirement item"
        );
    }
    // A component name with a space fails 3.1/3.2 (propertyNames); 3.0's schema lets it pass,
    // which is why `SecuritySchemes::insert` checks names itself.
    let scheme = json!({"type": "http", "scheme": "basic"});
    for version in [OpenApiVersion::V3_1, OpenApiVersion::V3_2] {
        let doc = document(version, &json!({"my auth": scheme}), &json!([]));
        assert!(
            validate(version, &doc).is_err(),
            "{version}: component name"
        );
    }
    let doc = document(
        OpenApiVersion::V3_0,
        &json!({"my auth": scheme}),
        &json!([]),
    );
    assert_valid(OpenApiVersion::V3_0, &doc);
    assert!(
        SecuritySchemes::new()
            .insert("my auth", SecurityScheme::http("basic"))
            .is_err()
    );
}

#[test]
fn documents_read_back() {
    for version in OpenApiVersion::ALL {
        let doc = emitted_document(version);
        let schemes = all_schemes(version);
        let read =
            SecuritySchemes::from_json(&doc["components"]["securitySchemes"], version).unwrap();
        assert_eq!(read, schemes);
        let security = doc["paths"]["/items"]["get"]["security"]
            .as_array()
            .unwrap();
        for (json, written) in security.iter().zip(all_requirements(version)) {
            let read = SecurityRequirement::from_json(json, version).unwrap();
            schemes.check_requirement(&read, version).unwrap();
            // Written requirements drop repeated scopes; compare with that in mind.
            let mut expected = SecurityRequirement::default();
            for (name, scopes) in written.iter() {
                let mut unique: Vec<&str> = Vec::new();
                for scope in scopes {
                    if !unique.contains(&&**scope) {
                        unique.push(scope);
                    }
                }
                expected = expected.with(name.to_owned(), unique.into_iter().map(str::to_owned));
            }
            assert_eq!(read, expected);
        }
    }
}
