//! Our JSON for a declaration equals what FastAPI 0.163 emits for the equivalent FastAPI
//! declaration (its `/openapi.json`, which FastAPI serves compact).
//!
//! Each expected value is FastAPI's output written by hand as a JSON literal, in FastAPI's key
//! order, next to the FastAPI declaration it comes from. Every case is compared three ways:
//! as `serde_json::Value`, as compact text with sorted keys (the design's "byte-for-byte
//! after key sorting"), and as compact text in our key order (which matches FastAPI's).

mod openapi_support;

use authscheme::openapi::{
    ApiKeyLocation, Extension, ExtensionValue, FlowKind, OAuthFlow, OAuthFlows, OpenApiVersion,
    Scope, SecurityRequirement, SecurityScheme, SecuritySchemeKind, SecuritySchemes,
};
use openapi_support::{parse, sorted_text};
use serde_json::{Value, json};

/// FastAPI 0.163 writes `"openapi": "3.1.0"`; the objects are the same for 3.0 whenever 3.0
/// can express them, and for 3.2.
const FASTAPI_VERSION: OpenApiVersion = OpenApiVersion::V3_1;

/// Compares our output for `scheme` with FastAPI's `expected` text, three ways, and checks
/// that the string writer and every version that can express the scheme agree.
fn assert_fastapi(scheme: &SecurityScheme, expected: &str) {
    let fastapi = parse(expected);
    let ours = scheme.to_json(FASTAPI_VERSION).unwrap();
    assert_eq!(ours, fastapi, "as values");
    assert_eq!(
        sorted_text(&ours),
        sorted_text(&fastapi),
        "sorted compact text"
    );
    assert_eq!(ours.to_string(), fastapi.to_string(), "key order");
    assert_eq!(ours.to_string(), expected, "FastAPI's compact bytes");
    for version in OpenApiVersion::ALL {
        if version >= scheme.min_version() {
            assert_eq!(
                scheme.to_json_string(version).unwrap(),
                expected,
                "{version}"
            );
        }
    }
    assert_eq!(
        &SecurityScheme::from_json(&fastapi, FASTAPI_VERSION).unwrap(),
        scheme,
        "FastAPI's JSON reads back as the declaration"
    );
}

const ITEMS_SCOPES: &[Scope] = &[
    Scope::new("items:read", "Read items"),
    Scope::new("items:write", "Create items"),
];
const PET_SCOPES: &[Scope] = &[
    Scope::new("read:pets", "Read your pets"),
    Scope::new("write:pets", "Modify pets"),
];

#[test]
fn oauth2_password_bearer() {
    // OAuth2PasswordBearer(tokenUrl="token")
    assert_fastapi(
        &SecurityScheme::oauth2(OAuthFlows::single(OAuthFlow::password("token", &[]))),
        r#"{"type":"oauth2","flows":{"password":{"scopes":{},"tokenUrl":"token"}}}"#,
    );
}

#[test]
fn oauth2_password_bearer_with_every_parameter() {
    // OAuth2PasswordBearer(tokenUrl="/token", refreshUrl="/refresh",
    //     scopes={"items:read": "Read items", "items:write": "Create items"},
    //     description="Password flow against our own token endpoint.")
    const SCHEME: SecurityScheme = SecurityScheme::declared(
        SecuritySchemeKind::OAuth2 {
            flows: OAuthFlows::single(OAuthFlow::declared(
                FlowKind::Password,
                None,
                None,
                Some("/token"),
                Some("/refresh"),
                ITEMS_SCOPES,
                &[],
            )),
            metadata_url: None,
        },
        Some("Password flow against our own token endpoint."),
        false,
        &[],
    );
    assert_fastapi(
        &SCHEME,
        r#"{"type":"oauth2","description":"Password flow against our own token endpoint.","flows":{"password":{"refreshUrl":"/refresh","scopes":{"items:read":"Read items","items:write":"Create items"},"tokenUrl":"/token"}}}"#,
    );
}

#[test]
fn oauth2_authorization_code_bearer() {
    // OAuth2AuthorizationCodeBearer(authorizationUrl="https://auth.example.com/authorize",
    //     tokenUrl="https://auth.example.com/token",
    //     refreshUrl="https://auth.example.com/refresh",
    //     scopes={"read:pets": "Read your pets", "write:pets": "Modify pets"})
    let flow = OAuthFlow::authorization_code(
        "https://auth.example.com/authorize",
        "https://auth.example.com/token",
        PET_SCOPES,
    )
    .with_refresh_url("https://auth.example.com/refresh");
    assert_fastapi(
        &SecurityScheme::oauth2(OAuthFlows::single(flow)),
        r#"{"type":"oauth2","flows":{"authorizationCode":{"refreshUrl":"https://auth.example.com/refresh","scopes":{"read:pets":"Read your pets","write:pets":"Modify pets"},"authorizationUrl":"https://auth.example.com/authorize","tokenUrl":"https://auth.example.com/token"}}}"#,
    );
}

#[test]
fn oauth2_with_all_four_flows_in_fastapi_order() {
    // OAuth2(flows={
    //     "authorizationCode": {"authorizationUrl": "https://as.example.com/authorize",
    //                           "tokenUrl": "https://as.example.com/token",
    //                           "scopes": {"read:pets": "Read your pets", "write:pets": "Modify pets"}},
    //     "clientCredentials": {"tokenUrl": "https://as.example.com/token", "refreshUrl": "https://as.example.com/refresh"},
    //     "password": {"tokenUrl": "/token", "scopes": {"items:read": "Read items", "items:write": "Create items"}},
    //     "implicit": {"authorizationUrl": "https://as.example.com/authorize"},
    // }, description="Every flow")
    // Declared in reverse: FastAPI (and we) write implicit, password, clientCredentials,
    // authorizationCode.
    let flows = OAuthFlows::new()
        .with(OAuthFlow::authorization_code(
            "https://as.example.com/authorize",
            "https://as.example.com/token",
            PET_SCOPES,
        ))
        .with(
            OAuthFlow::client_credentials("https://as.example.com/token", &[])
                .with_refresh_url("https://as.example.com/refresh"),
        )
        .with(OAuthFlow::password("/token", ITEMS_SCOPES))
        .with(OAuthFlow::implicit("https://as.example.com/authorize", &[]));
    assert_fastapi(
        &SecurityScheme::oauth2(flows).with_description("Every flow"),
        concat!(
            r#"{"type":"oauth2","description":"Every flow","flows":{"#,
            r#""implicit":{"scopes":{},"authorizationUrl":"https://as.example.com/authorize"},"#,
            r#""password":{"scopes":{"items:read":"Read items","items:write":"Create items"},"tokenUrl":"/token"},"#,
            r#""clientCredentials":{"refreshUrl":"https://as.example.com/refresh","scopes":{},"tokenUrl":"https://as.example.com/token"},"#,
            r#""authorizationCode":{"scopes":{"read:pets":"Read your pets","write:pets":"Modify pets"},"authorizationUrl":"https://as.example.com/authorize","tokenUrl":"https://as.example.com/token"}"#,
            "}}",
        ),
    );
}

#[test]
fn oauth2_without_flows() {
    // OAuth2()
    assert_fastapi(
        &SecurityScheme::oauth2(OAuthFlows::new()),
        r#"{"type":"oauth2","flows":{}}"#,
    );
}

#[test]
fn oauth2_extensions_pass_through_after_the_declared_fields() {
    // OAuth2(flows={"password": {"tokenUrl": "token", "x-token-ttl": 3600},
    //               "x-flows-note": {"nested": [1, 2.5, {"k": "v"}]}})
    let flow = OAuthFlow::password("token", &[]).with_extensions(vec![Extension::new(
        "x-token-ttl",
        ExtensionValue::Int(3600),
    )]);
    let flows = OAuthFlows::single(flow).with_extensions(vec![Extension::new(
        "x-flows-note",
        ExtensionValue::Json(json!({"nested": [1, 2.5, {"k": "v"}]})),
    )]);
    assert_fastapi(
        &SecurityScheme::oauth2(flows),
        r#"{"type":"oauth2","flows":{"password":{"scopes":{},"tokenUrl":"token","x-token-ttl":3600},"x-flows-note":{"nested":[1,2.5,{"k":"v"}]}}}"#,
    );
}

#[test]
fn open_id_connect() {
    // OpenIdConnect(openIdConnectUrl="https://id.example.com/.well-known/openid-configuration")
    assert_fastapi(
        &SecurityScheme::open_id_connect("https://id.example.com/.well-known/openid-configuration"),
        r#"{"type":"openIdConnect","openIdConnectUrl":"https://id.example.com/.well-known/openid-configuration"}"#,
    );
    // OpenIdConnect(openIdConnectUrl="/.well-known/openid-configuration", description="OIDC")
    assert_fastapi(
        &SecurityScheme::open_id_connect("/.well-known/openid-configuration")
            .with_description("OIDC"),
        r#"{"type":"openIdConnect","description":"OIDC","openIdConnectUrl":"/.well-known/openid-configuration"}"#,
    );
}

#[test]
fn api_keys() {
    // APIKeyHeader(name="X-Key", description="d")
    assert_fastapi(
        &SecurityScheme::api_key("X-Key", ApiKeyLocation::Header).with_description("d"),
        r#"{"type":"apiKey","description":"d","in":"header","name":"X-Key"}"#,
    );
    // APIKeyQuery(name="api_key")
    assert_fastapi(
        &SecurityScheme::api_key("api_key", ApiKeyLocation::Query),
        r#"{"type":"apiKey","in":"query","name":"api_key"}"#,
    );
    // APIKeyCookie(name="session")
    assert_fastapi(
        &SecurityScheme::api_key("session", ApiKeyLocation::Cookie),
        r#"{"type":"apiKey","in":"cookie","name":"session"}"#,
    );
}

#[test]
fn http_schemes() {
    // HTTPBasic(realm="r"): the realm is never in OpenAPI.
    assert_fastapi(
        &SecurityScheme::http("basic"),
        r#"{"type":"http","scheme":"basic"}"#,
    );
    // HTTPBasic(description="Admin area")
    assert_fastapi(
        &SecurityScheme::http("basic").with_description("Admin area"),
        r#"{"type":"http","description":"Admin area","scheme":"basic"}"#,
    );
    // HTTPBearer(bearerFormat="JWT")
    assert_fastapi(
        &SecurityScheme::bearer(Some("JWT")),
        r#"{"type":"http","scheme":"bearer","bearerFormat":"JWT"}"#,
    );
    // HTTPBearer(bearerFormat="JWT", description="Bearer token")
    assert_fastapi(
        &SecurityScheme::bearer(Some("JWT")).with_description("Bearer token"),
        r#"{"type":"http","description":"Bearer token","scheme":"bearer","bearerFormat":"JWT"}"#,
    );
    // HTTPBearer()
    assert_fastapi(
        &SecurityScheme::bearer(None),
        r#"{"type":"http","scheme":"bearer"}"#,
    );
    // HTTPDigest()
    assert_fastapi(
        &SecurityScheme::http("digest"),
        r#"{"type":"http","scheme":"digest"}"#,
    );
    // HTTPBase(scheme="custom")
    assert_fastapi(
        &SecurityScheme::http("custom"),
        r#"{"type":"http","scheme":"custom"}"#,
    );
}

#[test]
fn http_scheme_case_is_the_one_deliberate_difference() {
    // HTTPBase(scheme="Custom") -> FastAPI writes the scheme verbatim: {"type":"http","scheme":"Custom"}.
    // We write it lowercase (RULES O-2: tools compare it case-sensitively), so the objects are
    // equal except for the case of `scheme`.
    let fastapi = json!({"type": "http", "scheme": "Custom"});
    let ours = SecurityScheme::http("Custom")
        .to_json(FASTAPI_VERSION)
        .unwrap();
    assert_ne!(ours, fastapi);
    assert_eq!(ours, json!({"type": "http", "scheme": "custom"}));
    // FastAPI's output still reads back, keeping the case it was written in.
    assert_eq!(
        SecurityScheme::from_json(&fastapi, FASTAPI_VERSION).unwrap(),
        SecurityScheme::http("Custom")
    );
}

/// One app with a route per scheme: FastAPI's whole `components.securitySchemes`, keyed by the
/// class names (`scheme_name` defaults to `self.__class__.__name__`), in first-seen order.
#[test]
fn components_security_schemes_of_an_app() {
    // @app.get("/a") def a(t=Depends(OAuth2PasswordBearer(tokenUrl="token"))): ...
    // @app.get("/b") def b(k=Depends(APIKeyHeader(name="X-Key"))): ...
    // @app.get("/c") def c(c=Depends(HTTPBasic())): ...
    // @app.get("/d") def d(c=Depends(HTTPBearer(bearerFormat="JWT"))): ...
    // @app.get("/e") def e(c=Depends(OpenIdConnect(openIdConnectUrl="https://id.example.com/.well-known/openid-configuration"))): ...
    let mut schemes = SecuritySchemes::new();
    let entries = [
        (
            "OAuth2PasswordBearer",
            SecurityScheme::oauth2(OAuthFlows::single(OAuthFlow::password("token", &[]))),
        ),
        (
            "APIKeyHeader",
            SecurityScheme::api_key("X-Key", ApiKeyLocation::Header),
        ),
        ("HTTPBasic", SecurityScheme::http("basic")),
        ("HTTPBearer", SecurityScheme::bearer(Some("JWT"))),
        (
            "OpenIdConnect",
            SecurityScheme::open_id_connect(
                "https://id.example.com/.well-known/openid-configuration",
            ),
        ),
    ];
    for (name, scheme) in entries {
        schemes.insert(name, scheme).unwrap();
    }
    let expected = concat!(
        r#"{"OAuth2PasswordBearer":{"type":"oauth2","flows":{"password":{"scopes":{},"tokenUrl":"token"}}},"#,
        r#""APIKeyHeader":{"type":"apiKey","in":"header","name":"X-Key"},"#,
        r#""HTTPBasic":{"type":"http","scheme":"basic"},"#,
        r#""HTTPBearer":{"type":"http","scheme":"bearer","bearerFormat":"JWT"},"#,
        r#""OpenIdConnect":{"type":"openIdConnect","openIdConnectUrl":"https://id.example.com/.well-known/openid-configuration"}}"#,
    );
    let fastapi = parse(expected);
    let ours = schemes.to_json(FASTAPI_VERSION).unwrap();
    assert_eq!(ours, fastapi);
    assert_eq!(sorted_text(&ours), sorted_text(&fastapi));
    assert_eq!(schemes.to_json_string(FASTAPI_VERSION).unwrap(), expected);
    assert_eq!(
        SecuritySchemes::from_json(&fastapi, FASTAPI_VERSION).unwrap(),
        schemes
    );

    // Per-operation `security` for one scheme each, as FastAPI writes it:
    // Security(oauth2, scopes=["items:read"]) -> [{"OAuth2PasswordBearer":["items:read"]}]
    // Depends(api_key)                         -> [{"APIKeyHeader":[]}]
    for (requirement, expected) in [
        (
            SecurityRequirement::default().with("OAuth2PasswordBearer", ["items:read"]),
            r#"[{"OAuth2PasswordBearer":["items:read"]}]"#,
        ),
        (
            SecurityRequirement::default().with("APIKeyHeader", Vec::<String>::new()),
            r#"[{"APIKeyHeader":[]}]"#,
        ),
    ] {
        let ours = schemes
            .security_to_json(std::slice::from_ref(&requirement), FASTAPI_VERSION)
            .unwrap();
        assert_eq!(ours.to_string(), expected);
        let Value::Array(items) = parse(expected) else {
            unreachable!("the literal is an array")
        };
        assert_eq!(
            SecurityRequirement::from_json(&items[0], FASTAPI_VERSION).unwrap(),
            requirement
        );
    }
}

#[test]
fn requirement_scopes_are_merged_as_fastapi_merges_them() {
    // Security(get_user, scopes=["z", "b", "z"]) above Security(oauth2, scopes=["a", "b"]) above
    // Security(oauth2, scopes=["c", "a", "c"]): FastAPI lists ["z","b","a","c"] (first occurrence
    // kept). A requirement holding the concatenation writes the same list.
    let mut schemes = SecuritySchemes::new();
    schemes
        .insert(
            "OAuth2PasswordBearer",
            SecurityScheme::oauth2(OAuthFlows::single(OAuthFlow::password("token", &[]))),
        )
        .unwrap();
    let requirement = SecurityRequirement::default().with(
        "OAuth2PasswordBearer",
        ["z", "b", "z", "a", "b", "c", "a", "c"],
    );
    assert_eq!(
        schemes
            .requirement_to_json(&requirement, FASTAPI_VERSION)
            .unwrap()
            .to_string(),
        r#"{"OAuth2PasswordBearer":["z","b","a","c"]}"#
    );
}
