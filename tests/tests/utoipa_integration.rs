//! The utoipa adapter: faithful conversions (same JSON as our own writer), what utoipa cannot
//! express, `AddSchemes` and `SecurityDocument` as `Modify`, and a whole utoipa document
//! validated against the official OpenAPI 3.1 schema.

mod document_support;

use authscheme::adapters::utoipa::{
    AddSchemes, UtoipaError, requirement, security, security_scheme,
};
use authscheme::compose::{AllOf, AnyOf, Auth, Verified};
use authscheme::document::SecurityDocument;
use authscheme::openapi::{
    ApiKeyLocation, Extension, ExtensionValue, OAuthFlow, OAuthFlows, OpenApiVersion, Scope,
    SecurityRequirement, SecurityScheme as Model,
};
use document_support::{
    Admin, Cert, Dpop, Everybody, Jwt, Key, MeItemsScopes, MeScope, OAuth2, OldKey, SharedA,
    SharedB, assert_valid,
};
use http::Method;
use serde_json::{Value, json};
use utoipa::openapi::security::{Http, HttpAuthScheme, SecurityScheme as UtoipaScheme};
use utoipa::{Modify, OpenApi};

type Me = Verified<MeScope, Everybody>;
type MeItems = Verified<MeItemsScopes, Everybody>;

/// Read the current user.
#[utoipa::path(get, path = "/users/me", responses((status = 200, description = "The user")))]
#[allow(dead_code, reason = "documented, not called")]
fn read_users_me() {}

/// Read the current user's items.
#[utoipa::path(get, path = "/users/me/items", responses((status = 200, description = "The items")))]
#[allow(dead_code, reason = "documented, not called")]
fn read_own_items() {}

/// Who is there, if anybody.
#[utoipa::path(get, path = "/status", responses((status = 200, description = "Status")))]
#[allow(dead_code, reason = "documented, not called")]
fn status() {}

#[derive(OpenApi)]
#[openapi(
    info(title = "Petstore", version = "1.0.0"),
    paths(read_users_me, read_own_items, status),
    modifiers(&SCHEMES)
)]
struct ApiDoc;

/// `#[openapi(modifiers(..))]` takes a path, not a turbofish.
const SCHEMES: AddSchemes<(OAuth2, Jwt, Key, Admin)> = AddSchemes::NEW;

/// The error of a conversion that must fail (utoipa's types are not `Debug`).
fn refused<T>(result: Result<T, UtoipaError>) -> UtoipaError {
    match result {
        Ok(_) => panic!("the conversion should have been refused"),
        Err(error) => error,
    }
}

fn routes() -> SecurityDocument {
    SecurityDocument::new("ignored by utoipa", "0")
        .route::<Me>(Method::GET, "/users/me")
        .route::<MeItems>(Method::GET, "/users/me/items")
        .route::<Option<AnyOf<(Auth<OAuth2>, Auth<Key>)>>>(Method::GET, "/status")
        .route::<AllOf<(Auth<Jwt>, Auth<Key>)>>(Method::POST, "/both")
}

fn scheme_json(name: &str, scheme: &Model, version: OpenApiVersion) -> Value {
    serde_json::to_value(security_scheme(name, scheme, version).unwrap()).unwrap()
}

/// Every representable scheme converts to exactly the JSON our own writer produces (object
/// key order aside).
#[test]
fn conversions_are_faithful() {
    static SCOPES: &[Scope] = &[
        Scope::new("read:pets", "Read your pets"),
        Scope::new("write:pets", "Modify pets"),
    ];
    static EXTENSIONS: &[Extension] = &[Extension::new(
        "x-client-id",
        ExtensionValue::str("petstore-ui"),
    )];
    static FLOW_EXTENSIONS: &[Extension] = &[Extension::new("x-pkce", ExtensionValue::Bool(true))];
    let oauth2 = Model::oauth2(
        OAuthFlows::new()
            .with(OAuthFlow::implicit(
                "https://auth.example.com/authorize",
                SCOPES,
            ))
            .with(OAuthFlow::password("token", &[]).with_refresh_url("refresh"))
            .with(OAuthFlow::client_credentials(
                "https://auth.example.com/token",
                SCOPES,
            ))
            .with(
                OAuthFlow::authorization_code(
                    "https://auth.example.com/authorize",
                    "https://auth.example.com/token",
                    SCOPES,
                )
                .with_extensions(FLOW_EXTENSIONS),
            ),
    )
    .with_description("Every flow")
    .with_extensions(EXTENSIONS);
    let cases = [
        ("oauth2", oauth2),
        (
            "key_header",
            Model::api_key("X-API-Key", ApiKeyLocation::Header).with_description("Admin keys"),
        ),
        (
            "key_query",
            Model::api_key("api_key", ApiKeyLocation::Query),
        ),
        (
            "key_cookie",
            Model::api_key("session", ApiKeyLocation::Cookie).with_extensions(EXTENSIONS),
        ),
        ("basic", Model::http("basic")),
        ("bearer", Model::bearer(Some("JWT"))),
        ("digest", Model::http("digest")),
        ("scram", Model::http("scram-sha-256")),
        (
            "oidc",
            Model::open_id_connect("https://id.example.com/.well-known/openid-configuration"),
        ),
        (
            "mtls",
            Model::mutual_tls().with_description("Signed by our CA"),
        ),
    ];
    for (name, scheme) in &cases {
        for version in [OpenApiVersion::V3_1, OpenApiVersion::V3_2] {
            assert_eq!(
                scheme_json(name, scheme, version),
                scheme.to_json(version).unwrap(),
                "{name} for {version}"
            );
        }
    }
}

#[test]
fn openapi_3_2_fields_convert_for_a_3_2_document_only() {
    static SCOPES: &[Scope] = &[Scope::new("tv", "Watch")];
    let device = Model::oauth2_with_metadata_url(
        OAuthFlows::single(OAuthFlow::device_authorization(
            "https://as.example.com/device",
            "https://as.example.com/token",
            SCOPES,
        )),
        "https://as.example.com/.well-known/oauth-authorization-server",
    )
    .with_deprecated(true);
    assert_eq!(
        scheme_json("device", &device, OpenApiVersion::V3_2),
        device.to_json(OpenApiVersion::V3_2).unwrap()
    );
    let error = refused(security_scheme("device", &device, OpenApiVersion::V3_1));
    assert!(matches!(error, UtoipaError::Document(_)), "{error:?}");
    assert!(
        error
            .to_string()
            .starts_with("/components/securitySchemes/device"),
        "{error}"
    );
}

#[test]
fn what_utoipa_cannot_express_is_refused() {
    static EXTENSIONS: &[Extension] = &[Extension::new("x-flows", ExtensionValue::Int(1))];
    let custom = refused(security_scheme(
        "Dpop",
        &Model::http("dpop"),
        OpenApiVersion::V3_1,
    ));
    assert_eq!(
        custom.to_string(),
        "security scheme `Dpop`: the `http` scheme `dpop` (not in utoipa's `HttpAuthScheme`) cannot be expressed in utoipa's model"
    );
    let flows = Model::oauth2(
        OAuthFlows::single(OAuthFlow::password("token", &[])).with_extensions(EXTENSIONS),
    );
    assert!(matches!(
        security_scheme("Flows", &flows, OpenApiVersion::V3_1),
        Err(UtoipaError::Unrepresentable { .. })
    ));
    let mut api = utoipa::openapi::OpenApi::default();
    assert!(matches!(
        AddSchemes::<(Dpop,)>::NEW.apply(&mut api),
        Err(UtoipaError::Unrepresentable { .. })
    ));
}

#[test]
fn mutual_tls_is_added_to_a_3_1_document() {
    let mut api = ApiDoc::openapi();
    AddSchemes::<(Cert,)>::NEW.modify(&mut api);
    let json = serde_json::to_value(&api).unwrap();
    assert_eq!(
        json["components"]["securitySchemes"]["Cert"],
        json!({"type": "mutualTLS"})
    );
    assert_valid(&json, OpenApiVersion::V3_1);
}

#[test]
#[should_panic(expected = "authscheme: cannot add the security schemes: security scheme `OldKey`")]
fn modify_panics_rather_than_drop_a_scheme_the_version_cannot_express() {
    let mut api = ApiDoc::openapi();
    AddSchemes::<(OldKey,)>::NEW.modify(&mut api);
}

#[test]
fn a_different_scheme_under_a_taken_name_is_a_conflict() {
    let mut api = utoipa::openapi::OpenApi::default();
    AddSchemes::<(SharedA,)>::NEW.apply(&mut api).unwrap();
    AddSchemes::<(SharedA,)>::NEW.apply(&mut api).unwrap();
    assert_eq!(
        AddSchemes::<(SharedB,)>::NEW.apply(&mut api).unwrap_err(),
        UtoipaError::Conflict {
            name: "Shared".to_owned()
        }
    );
    // A scheme the application put there itself counts too.
    let mut api = utoipa::openapi::OpenApi::default();
    api.components
        .get_or_insert_with(Default::default)
        .add_security_scheme("Jwt", UtoipaScheme::Http(Http::new(HttpAuthScheme::Basic)));
    assert!(matches!(
        AddSchemes::<(Jwt,)>::NEW.apply(&mut api),
        Err(UtoipaError::Conflict { .. })
    ));
}

#[test]
fn security_of_a_use_site_type() {
    let json = |value: Vec<utoipa::openapi::security::SecurityRequirement>| {
        serde_json::to_value(value).unwrap()
    };
    assert_eq!(
        json(security::<Me>()),
        json!([{"OAuth2PasswordBearer": ["me"]}])
    );
    assert_eq!(
        json(security::<Option<Auth<Jwt>>>()),
        json!([{}, {"Jwt": []}])
    );
    assert_eq!(
        json(security::<AnyOf<(Auth<Jwt>, Auth<Key>)>>()),
        json!([{"Jwt": []}, {"Key": []}])
    );
    assert_eq!(
        json(security::<AllOf<(Auth<Jwt>, Auth<Key>)>>()),
        json!([{"Jwt": [], "Key": []}])
    );
    let repeated = SecurityRequirement::default().with("a", ["x", "y", "x"]);
    assert_eq!(
        serde_json::to_value(requirement(&repeated)).unwrap(),
        json!({"a": ["x", "y"]})
    );
}

/// The whole utoipa document: derive, `AddSchemes`, then the routes' security from their
/// types; valid against the official 3.1 schema.
#[test]
fn a_utoipa_document_with_our_security_is_valid_openapi_3_1() {
    let mut api = ApiDoc::openapi();
    routes().modify(&mut api);
    let document = serde_json::to_value(&api).unwrap();
    assert_eq!(document["openapi"], "3.1.0");
    assert_valid(&document, OpenApiVersion::V3_1);

    let schemes = document["components"]["securitySchemes"]
        .as_object()
        .unwrap();
    let mut names: Vec<_> = schemes.keys().cloned().collect();
    names.sort();
    assert_eq!(names, ["Admin", "Jwt", "Key", "OAuth2PasswordBearer"]);
    assert_eq!(schemes["OAuth2PasswordBearer"], OAuth2_json());

    let me = &document["paths"]["/users/me"]["get"];
    assert_eq!(me["security"], json!([{"OAuth2PasswordBearer": ["me"]}]));
    assert_eq!(me["responses"]["200"]["description"], "The user");
    assert!(me["responses"]["401"]["headers"]["WWW-Authenticate"].is_object());
    assert!(me["responses"]["403"].is_object());
    let items = &document["paths"]["/users/me/items"]["get"];
    assert_eq!(
        items["responses"]["403"]["headers"]["WWW-Authenticate"]["description"],
        r#"RFC 6750 challenge naming the required scopes: `Bearer error="insufficient_scope", scope="me items"`."#
    );
    let status = &document["paths"]["/status"]["get"];
    assert_eq!(
        status["security"],
        json!([{}, {"OAuth2PasswordBearer": []}, {"Key": []}])
    );
    assert!(status["responses"].get("403").is_none());
    // A route utoipa did not know is created with the security responses.
    let both = &document["paths"]["/both"]["post"];
    assert_eq!(both["security"], json!([{"Jwt": [], "Key": []}]));
    assert!(both["responses"]["401"].is_object());
}

/// The utoipa document and our own assembly agree on security.
#[test]
fn utoipa_and_our_document_agree() {
    let mut api = utoipa::openapi::OpenApi::default();
    routes().apply_to_utoipa(&mut api).unwrap();
    let theirs = serde_json::to_value(&api).unwrap();
    let ours = routes().to_json(OpenApiVersion::V3_1).unwrap();
    assert_eq!(theirs["components"], ours["components"]);
    for (path, item) in ours["paths"].as_object().unwrap() {
        for (method, operation) in item.as_object().unwrap() {
            let other = &theirs["paths"][path][method];
            assert_eq!(other["security"], operation["security"], "{method} {path}");
            for status in ["401", "403"] {
                assert_eq!(
                    other["responses"].get(status),
                    operation["responses"].get(status),
                    "{method} {path} {status}"
                );
            }
        }
    }
}

#[allow(non_snake_case, reason = "named after the scheme")]
fn OAuth2_json() -> Value {
    json!({"type": "oauth2", "flows": {"password": {
        "tokenUrl": "token",
        "scopes": {"me": "Read information about the current user.", "items": "Read items."}
    }}})
}
