//! `SecurityDocument`: components, operation `security`, 401/403 responses, version gating
//! and errors, and every document checked against the official OpenAPI schemas.

mod document_support;

use authscheme::compose::{AllOf, AnyOf, Auth, Verified};
use authscheme::document::{DocumentError, Operation, SecurityDocument};
use authscheme::openapi::OpenApiVersion;
use document_support::{
    Admin, AdminRole, Cert, Dpop, Everybody, Jwt, JwtAgain, Key, MeItemsScopes, MeScope, OAuth2,
    OldKey, SharedA, SharedB, assert_valid, violations,
};
use http::Method;
use serde_json::{Value, json};

type Me = Verified<MeScope, Everybody>;
type MeItems = Verified<MeItemsScopes, Everybody>;
type KeyAdmin = Verified<AdminRole, Everybody>;

/// A document using every use-site type, with schemes every version can express.
fn petstore() -> SecurityDocument {
    SecurityDocument::new("Petstore", "1.0.0")
        .description("The FastAPI OAuth2 scopes tutorial, and friends.")
        .server("/")
        .public_with(
            Method::POST,
            "/token",
            Operation::new()
                .summary("Log in")
                .response("200", json!({"description": "A bearer token"})),
        )
        .route_with::<Me>(
            Method::GET,
            "/users/me",
            Operation::new().operation_id("read_users_me").tag("users"),
        )
        .route::<MeItems>(Method::GET, "/users/me/items")
        .route::<Option<Auth<OAuth2>>>(Method::GET, "/status")
        .route::<AnyOf<(Auth<Jwt>, Auth<Key>)>>(Method::GET, "/either")
        .route::<AllOf<(Auth<Jwt>, Auth<Key>)>>(Method::GET, "/both")
        .route::<Auth<Admin>>(Method::DELETE, "/users/me")
}

fn operation<'a>(document: &'a Value, method: &str, path: &str) -> &'a Value {
    let operation = &document["paths"][path][method];
    assert!(operation.is_object(), "no {method} {path} in {document:#}");
    operation
}

#[test]
fn the_document_is_valid_for_every_version() {
    for version in OpenApiVersion::ALL {
        let document = petstore().to_json(version).unwrap();
        assert_eq!(document["openapi"], version.document_version());
        assert_valid(&document, version);
    }
}

#[test]
fn operation_security_follows_the_use_site_types() {
    let document = petstore().to_json(OpenApiVersion::V3_1).unwrap();
    let security = |method, path| operation(&document, method, path)["security"].clone();
    assert_eq!(
        security("get", "/users/me"),
        json!([{"OAuth2PasswordBearer": ["me"]}])
    );
    assert_eq!(
        security("get", "/users/me/items"),
        json!([{"OAuth2PasswordBearer": ["me", "items"]}])
    );
    assert_eq!(
        security("get", "/status"),
        json!([{}, {"OAuth2PasswordBearer": []}])
    );
    assert_eq!(
        security("get", "/either"),
        json!([{"Jwt": []}, {"Key": []}])
    );
    assert_eq!(security("get", "/both"), json!([{"Jwt": [], "Key": []}]));
    assert_eq!(security("delete", "/users/me"), json!([{"Admin": []}]));
    assert!(
        operation(&document, "post", "/token")
            .get("security")
            .is_none()
    );
}

#[test]
fn components_hold_every_named_scheme_once_in_first_seen_order() {
    let document = petstore().to_json(OpenApiVersion::V3_1).unwrap();
    let schemes = document["components"]["securitySchemes"]
        .as_object()
        .unwrap();
    assert_eq!(
        schemes.keys().collect::<Vec<_>>(),
        ["OAuth2PasswordBearer", "Jwt", "Key", "Admin"]
    );
    // FastAPI's `OAuth2PasswordBearer(tokenUrl="token", scopes=..)`, key for key.
    assert_eq!(
        schemes["OAuth2PasswordBearer"],
        json!({"type": "oauth2", "flows": {"password": {
            "scopes": {"me": "Read information about the current user.", "items": "Read items."},
            "tokenUrl": "token"
        }}})
    );
    // `realm` is a runtime matter only.
    assert_eq!(schemes["Admin"], json!({"type": "http", "scheme": "basic"}));
}

#[test]
fn every_secured_operation_documents_401_with_its_challenges() {
    let document = petstore().to_json(OpenApiVersion::V3_1).unwrap();
    let challenges = |method, path| {
        let response = &operation(&document, method, path)["responses"]["401"];
        assert_eq!(
            response["content"]["application/json"]["schema"],
            json!({"type": "object", "properties": {"detail": {"type": "string"}}, "required": ["detail"]})
        );
        response["headers"]["WWW-Authenticate"]["description"]
            .as_str()
            .unwrap()
            .to_owned()
    };
    let me = challenges("get", "/users/me");
    assert!(me.contains("`Bearer`"), "{me}");
    assert!(me.contains(r#"`Bearer error="invalid_token"`"#), "{me}");
    let status = challenges("get", "/status");
    assert!(status.contains("`Bearer`"), "{status}");
    assert!(
        !status.contains("invalid_token"),
        "no verifier on /status: {status}"
    );
    let either = challenges("get", "/either");
    assert!(
        either.contains("`Bearer`") && either.contains("`APIKey`"),
        "{either}"
    );
    let admin = challenges("delete", "/users/me");
    assert!(admin.contains(r#"`Basic realm="admin"`"#), "{admin}");
    assert!(
        operation(&document, "post", "/token")["responses"]
            .get("401")
            .is_none()
    );
}

#[test]
fn only_scoped_operations_document_403() {
    let document = petstore().to_json(OpenApiVersion::V3_1).unwrap();
    let forbidden = &operation(&document, "get", "/users/me/items")["responses"]["403"];
    assert_eq!(
        forbidden["headers"]["WWW-Authenticate"]["description"],
        r#"RFC 6750 challenge naming the required scopes: `Bearer error="insufficient_scope", scope="me items"`."#
    );
    assert!(forbidden["content"]["application/json"].is_object());
    for (method, path) in [
        ("get", "/status"),
        ("get", "/either"),
        ("get", "/both"),
        ("delete", "/users/me"),
    ] {
        let responses = &operation(&document, method, path)["responses"];
        assert!(
            responses.get("403").is_none(),
            "{method} {path}: {responses:#}"
        );
    }
}

#[test]
fn role_names_need_openapi_3_1_and_their_403_has_no_bearer_challenge() {
    let document = SecurityDocument::new("Roles", "1").route::<KeyAdmin>(Method::GET, "/admin");
    let json = document.to_json(OpenApiVersion::V3_1).unwrap();
    assert_valid(&json, OpenApiVersion::V3_1);
    let get = operation(&json, "get", "/admin");
    assert_eq!(get["security"], json!([{"Key": ["admin"]}]));
    assert!(get["responses"]["403"].is_object());
    assert!(get["responses"]["403"].get("headers").is_none());

    let error = document.to_json(OpenApiVersion::V3_0).unwrap_err();
    let DocumentError::OpenApi { path, .. } = &error else {
        panic!("expected an OpenAPI error, got {error:?}");
    };
    assert_eq!(path, "/paths/~1admin/get/security/0/Key");
    assert!(error.to_string().contains("3.1"), "{error}");
}

#[test]
fn a_scheme_newer_than_the_target_is_an_error() {
    let mtls = SecurityDocument::new("Certs", "1").route::<Auth<Cert>>(Method::GET, "/cert");
    let error = mtls.to_json(OpenApiVersion::V3_0).unwrap_err();
    assert_eq!(
        error,
        DocumentError::SchemeVersion {
            name: "Cert",
            rust_type: std::any::type_name::<Cert>(),
            required: OpenApiVersion::V3_1,
            target: OpenApiVersion::V3_0,
        }
    );
    for version in [OpenApiVersion::V3_1, OpenApiVersion::V3_2] {
        let json = mtls.to_json(version).unwrap();
        assert_eq!(
            json["components"]["securitySchemes"]["Cert"],
            json!({"type": "mutualTLS"})
        );
        assert_valid(&json, version);
    }

    let deprecated = SecurityDocument::new("Old", "1").scheme::<OldKey>();
    assert!(matches!(
        deprecated.to_json(OpenApiVersion::V3_1),
        Err(DocumentError::SchemeVersion { name: "OldKey", .. })
    ));
    let json = deprecated.to_json(OpenApiVersion::V3_2).unwrap();
    assert_eq!(
        json["components"]["securitySchemes"]["OldKey"]["deprecated"],
        true
    );
    assert_valid(&json, OpenApiVersion::V3_2);
}

#[test]
fn two_different_schemes_under_one_name_are_an_error_not_last_one_wins() {
    let document = SecurityDocument::new("Clash", "1")
        .route::<Auth<SharedA>>(Method::GET, "/a")
        .route::<Auth<SharedB>>(Method::GET, "/b");
    let error = document.to_json(OpenApiVersion::V3_1).unwrap_err();
    assert_eq!(
        error.to_string(),
        "/components/securitySchemes/Shared: security scheme `Shared` is already declared with a different definition"
    );

    // Two types describing the same scheme under one name are one scheme.
    let same = SecurityDocument::new("Same", "1")
        .route::<Auth<Jwt>>(Method::GET, "/a")
        .route::<Auth<JwtAgain>>(Method::GET, "/b")
        .to_json(OpenApiVersion::V3_1)
        .unwrap();
    assert_eq!(
        same["components"]["securitySchemes"]
            .as_object()
            .unwrap()
            .len(),
        1
    );
}

#[test]
fn routes_are_checked() {
    let twice = SecurityDocument::new("Twice", "1")
        .route::<Auth<Jwt>>(Method::GET, "/a")
        .public(Method::GET, "/a");
    assert_eq!(
        twice.to_json(OpenApiVersion::V3_1).unwrap_err().to_string(),
        "operation `GET /a` is declared twice"
    );
    let relative = SecurityDocument::new("Relative", "1").route::<Auth<Jwt>>(Method::GET, "a");
    assert_eq!(
        relative.to_json(OpenApiVersion::V3_1).unwrap_err(),
        DocumentError::InvalidPath {
            path: "a".to_owned()
        }
    );
    let connect = SecurityDocument::new("Connect", "1").public(Method::CONNECT, "/tunnel");
    assert!(matches!(
        connect.to_json(OpenApiVersion::V3_2),
        Err(DocumentError::UnsupportedMethod { .. })
    ));
}

#[test]
fn the_application_keeps_its_own_responses_and_cannot_override_security() {
    let document = SecurityDocument::new("Own", "1")
        .route_with::<Me>(
            Method::GET,
            "/me",
            Operation::new()
                .response("401", json!({"description": "Log in first"}))
                .field("security", json!([])),
        )
        .to_json(OpenApiVersion::V3_1)
        .unwrap();
    let get = operation(&document, "get", "/me");
    assert_eq!(
        get["responses"]["401"],
        json!({"description": "Log in first"})
    );
    assert!(get["responses"]["403"].is_object());
    assert_eq!(get["security"], json!([{"OAuth2PasswordBearer": ["me"]}]));
}

#[test]
fn public_operations_get_fastapi_default_response_and_no_components_without_schemes() {
    let document = SecurityDocument::new("Open", "1")
        .public(Method::GET, "/")
        .to_json(OpenApiVersion::V3_0)
        .unwrap();
    assert_eq!(
        document,
        json!({
            "openapi": "3.0.4",
            "info": {"title": "Open", "version": "1"},
            "paths": {"/": {"get": {"responses": {"200": {"description": "Successful Response"}}}}}
        })
    );
    assert_valid(&document, OpenApiVersion::V3_0);
    let empty = SecurityDocument::new("Empty", "1")
        .to_json(OpenApiVersion::V3_1)
        .unwrap();
    assert_eq!(empty["paths"], json!({}));
    assert_valid(&empty, OpenApiVersion::V3_1);
}

#[test]
fn security_schemes_and_operations_are_readable_without_json() {
    let document = petstore();
    let schemes = document.security_schemes(OpenApiVersion::V3_1).unwrap();
    assert_eq!(schemes.len(), 4);
    let operations: Vec<_> = document
        .operations()
        .map(|(method, path, security)| (method.clone(), path.to_owned(), security.map(<[_]>::len)))
        .collect();
    assert_eq!(operations[0], (Method::POST, "/token".to_owned(), None));
    assert_eq!(operations[3], (Method::GET, "/status".to_owned(), Some(2)));
}

#[test]
fn a_custom_http_scheme_is_written_lowercase_and_valid() {
    let json = SecurityDocument::new("Custom", "1")
        .route::<Auth<Dpop>>(Method::GET, "/dpop")
        .to_json(OpenApiVersion::V3_1)
        .unwrap();
    assert_eq!(
        json["components"]["securitySchemes"]["Dpop"],
        json!({"type": "http", "scheme": "dpop"})
    );
    assert_valid(&json, OpenApiVersion::V3_1);
}

/// The schema check bites: documents broken in ways the schemas catch are reported.
#[test]
fn the_official_schemas_reject_broken_documents() {
    for version in OpenApiVersion::ALL {
        let mut document = petstore().to_json(version).unwrap();
        document["components"]["securitySchemes"]["OAuth2PasswordBearer"]["flows"]["password"]
            .as_object_mut()
            .unwrap()
            .remove("scopes");
        assert!(
            !violations(&document, version).is_empty(),
            "{version}: a flow without scopes"
        );
        let mut document = petstore().to_json(version).unwrap();
        document["paths"]["/users/me"]["get"]["security"] = json!({"OAuth2PasswordBearer": []});
        assert!(
            !violations(&document, version).is_empty(),
            "{version}: security not an array"
        );
    }
}
