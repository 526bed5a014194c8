//! Invalid JSON is rejected with the JSON Pointer of the offending value and a message that
//! says what is wrong; what a version cannot express is `Error::Unsupported`.

use authscheme::openapi::{
    Error, FlowKind, OAuthFlow, OAuthFlows, OpenApiVersion, SecurityRequirement, SecurityScheme,
    SecuritySchemes,
};
use serde_json::{Value, json};

use OpenApiVersion::{V3_0, V3_1, V3_2};

/// Reads `json` as a Security Scheme Object for `version` and checks the error exactly.
#[track_caller]
fn rejects(version: OpenApiVersion, json: &Value, path: &str, message: &str) {
    let err = SecurityScheme::from_json(json, version)
        .expect_err("the input is invalid and must be rejected");
    assert_eq!(err.path(), path, "path of {err}");
    assert!(
        matches!(err, Error::Invalid { .. }),
        "expected Error::Invalid, found {err:?}"
    );
    let shown = if path.is_empty() { "/" } else { path };
    assert_eq!(err.to_string(), format!("{shown}: {message}"));
}

/// As [`rejects`], for a field `version` cannot express.
#[track_caller]
fn unsupported(
    version: OpenApiVersion,
    json: &Value,
    path: &str,
    feature: &str,
    required: OpenApiVersion,
) {
    let err = SecurityScheme::from_json(json, version).expect_err("unsupported input");
    assert_eq!(
        err.to_string(),
        format!("{path}: {feature} requires OpenAPI {required} or later (target is {version})")
    );
    let Error::Unsupported {
        path: found_path,
        feature: found_feature,
        required: found_required,
        target,
    } = err
    else {
        panic!("expected Error::Unsupported, found {err:?}");
    };
    assert_eq!(
        (found_path.as_str(), found_feature, found_required, target),
        (path, feature, required, version)
    );
    // The same JSON is fine for the version that has the feature.
    assert!(SecurityScheme::from_json(json, required).is_ok(), "{json}");
}

#[test]
fn missing_urls() {
    rejects(
        V3_1,
        &json!({"type": "oauth2", "flows": {"password": {"scopes": {}}}}),
        "/flows/password",
        "missing required field `tokenUrl`",
    );
    rejects(
        V3_1,
        &json!({"type": "oauth2", "flows": {"implicit": {"scopes": {}}}}),
        "/flows/implicit",
        "missing required field `authorizationUrl`",
    );
    rejects(
        V3_1,
        &json!({"type": "oauth2", "flows": {"authorizationCode": {"tokenUrl": "/t", "scopes": {}}}}),
        "/flows/authorizationCode",
        "missing required field `authorizationUrl`",
    );
    rejects(
        V3_1,
        &json!({"type": "oauth2", "flows": {"authorizationCode": {"authorizationUrl": "/a", "scopes": {}}}}),
        "/flows/authorizationCode",
        "missing required field `tokenUrl`",
    );
    rejects(
        V3_2,
        &json!({"type": "oauth2", "flows": {"deviceAuthorization": {"tokenUrl": "/t", "scopes": {}}}}),
        "/flows/deviceAuthorization",
        "missing required field `deviceAuthorizationUrl`",
    );
    rejects(
        V3_0,
        &json!({"type": "openIdConnect"}),
        "",
        "missing required field `openIdConnectUrl`",
    );
}

#[test]
fn missing_scopes_and_bad_scopes() {
    rejects(
        V3_1,
        &json!({"type": "oauth2", "flows": {"clientCredentials": {"tokenUrl": "/t"}}}),
        "/flows/clientCredentials",
        "missing required field `scopes`",
    );
    rejects(
        V3_1,
        &json!({"type": "oauth2", "flows": {"implicit": {"authorizationUrl": "/a", "scopes": {"read": 1}}}}),
        "/flows/implicit/scopes/read",
        "expected a string, found a number",
    );
    rejects(
        V3_1,
        &json!({"type": "oauth2", "flows": {"implicit": {"authorizationUrl": "/a", "scopes": {"read/all": null}}}}),
        "/flows/implicit/scopes/read~1all",
        "expected a string, found null",
    );
    rejects(
        V3_1,
        &json!({"type": "oauth2", "flows": {"password": {"tokenUrl": "/t", "scopes": ["read"]}}}),
        "/flows/password/scopes",
        "expected an object, found an array",
    );
}

#[test]
fn flows_are_not_confused() {
    rejects(
        V3_2,
        &json!({"type": "oauth2", "flows": {"deviceCode": {"tokenUrl": "/t", "scopes": {}}}}),
        "/flows/deviceCode",
        "unknown OAuth flow `deviceCode`; did you mean `deviceAuthorization`? (expected `implicit`, \
         `password`, `clientCredentials`, `authorizationCode`, `deviceAuthorization` or an `x-` \
         extension)",
    );
    rejects(
        V3_0,
        &json!({"type": "oauth2", "flows": {"accessCode": {}}}),
        "/flows/accessCode",
        "unknown OAuth flow `accessCode`; OpenAPI 3 renamed it `authorizationCode` (expected \
         `implicit`, `password`, `clientCredentials`, `authorizationCode`, `deviceAuthorization` \
         or an `x-` extension)",
    );
    // A URL of another flow kind is not silently taken as a different flow.
    rejects(
        V3_1,
        &json!({"type": "oauth2", "flows": {"implicit": {"authorizationUrl": "/a", "tokenUrl": "/t", "scopes": {}}}}),
        "/flows/implicit/tokenUrl",
        "field `tokenUrl` is not allowed for the `implicit` flow",
    );
    rejects(
        V3_1,
        &json!({"type": "oauth2", "flows": {"clientCredentials": {"authorizationUrl": "/a", "tokenUrl": "/t", "scopes": {}}}}),
        "/flows/clientCredentials/authorizationUrl",
        "field `authorizationUrl` is not allowed for the `clientCredentials` flow",
    );
    rejects(
        V3_1,
        &json!({"type": "oauth2", "flows": {"password": {"tokenUrl": "/t", "scopes": {}, "realm": "r"}}}),
        "/flows/password/realm",
        "unknown field `realm` in the `password` flow; expected `refreshUrl`, `scopes`, \
         `tokenUrl`, or an `x-` extension",
    );
    // The flow's slot decides its kind, also when read on its own.
    let json = json!({"scopes": {}, "authorizationUrl": "/a", "tokenUrl": "/t"});
    let flow = OAuthFlow::from_json(&json, FlowKind::AuthorizationCode, V3_0).unwrap();
    assert_eq!(flow.kind(), FlowKind::AuthorizationCode);
    let err = OAuthFlow::from_json(&json, FlowKind::Password, V3_0).unwrap_err();
    assert_eq!(
        err.to_string(),
        "/authorizationUrl: field `authorizationUrl` is not allowed for the `password` flow"
    );
}

#[test]
fn wrong_api_key_location() {
    rejects(
        V3_1,
        &json!({"type": "apiKey", "in": "path", "name": "key"}),
        "/in",
        r#"expected "query", "header" or "cookie", found "path""#,
    );
    rejects(
        V3_1,
        &json!({"type": "apiKey", "in": "Header", "name": "key"}),
        "/in",
        r#"expected "query", "header" or "cookie", found "Header""#,
    );
    rejects(
        V3_1,
        &json!({"type": "apiKey", "name": "key"}),
        "",
        "missing required field `in`",
    );
    rejects(
        V3_1,
        &json!({"type": "apiKey", "in": "header", "name": ""}),
        "/name",
        r#""": the API key name must not be empty"#,
    );
    rejects(
        V3_1,
        &json!({"type": "apiKey", "in": "header", "name": "X API Key"}),
        "/name",
        r#""X API Key": not a valid header name (RFC 9110 §5.1: a token)"#,
    );
}

#[test]
fn version_gates() {
    unsupported(
        V3_0,
        &json!({"type": "mutualTLS"}),
        "/type",
        "`mutualTLS`",
        V3_1,
    );
    unsupported(
        V3_1,
        &json!({"type": "http", "scheme": "basic", "deprecated": true}),
        "/deprecated",
        "`deprecated`",
        V3_2,
    );
    // Even `false`, the default, is a field 3.1's schema rejects.
    unsupported(
        V3_1,
        &json!({"type": "http", "scheme": "basic", "deprecated": false}),
        "/deprecated",
        "`deprecated`",
        V3_2,
    );
    unsupported(
        V3_1,
        &json!({"type": "oauth2", "flows": {"deviceAuthorization": {
            "deviceAuthorizationUrl": "/d", "tokenUrl": "/t", "scopes": {}}}}),
        "/flows/deviceAuthorization",
        "the `deviceAuthorization` OAuth flow",
        V3_2,
    );
    unsupported(
        V3_0,
        &json!({"type": "oauth2", "flows": {}, "oauth2MetadataUrl": "https://as.example.com/.well-known/oauth-authorization-server"}),
        "/oauth2MetadataUrl",
        "`oauth2MetadataUrl`",
        V3_2,
    );
}

#[test]
fn fields_of_other_types_and_unknown_fields() {
    rejects(
        V3_1,
        &json!({"type": "http", "scheme": "basic", "bearerFormat": "JWT"}),
        "/bearerFormat",
        r#"field `bearerFormat` is only allowed when `scheme` is "bearer", found "basic""#,
    );
    rejects(
        V3_1,
        &json!({"type": "apiKey", "in": "header", "name": "k", "scheme": "basic"}),
        "/scheme",
        "field `scheme` is not allowed for type `apiKey`",
    );
    rejects(
        V3_2,
        &json!({"type": "http", "scheme": "bearer", "oauth2MetadataUrl": "/m"}),
        "/oauth2MetadataUrl",
        "field `oauth2MetadataUrl` is not allowed for type `http`",
    );
    rejects(
        V3_1,
        &json!({"type": "mutualTLS", "flows": {}}),
        "/flows",
        "field `flows` is not allowed for type `mutualTLS`",
    );
    rejects(
        V3_1,
        &json!({"type": "http", "scheme": "basic", "realm": "admin"}),
        "/realm",
        "unknown field `realm` in a security scheme of type `http`; expected `type`, \
         `description`, `scheme`, `bearerFormat`, or an `x-` extension",
    );
    rejects(
        V3_1,
        &json!({"type": "http", "scheme": "basic", "X-Realm": "admin"}),
        "/X-Realm",
        "unknown field `X-Realm` in a security scheme of type `http`; extension fields must \
         start with lowercase `x-`",
    );
    rejects(
        V3_1,
        &json!({"type": "http", "scheme": "basic", "x-oai-realm": "admin"}),
        "/x-oai-realm",
        "extension prefix `x-oai-` is reserved by the OpenAPI Initiative (OpenAPI 3.1)",
    );
    assert!(
        SecurityScheme::from_json(
            &json!({"type": "http", "scheme": "basic", "x-oai-realm": "admin"}),
            V3_0
        )
        .is_ok()
    );
    rejects(
        V3_1,
        &json!({"type": "jwt"}),
        "/type",
        "unknown security scheme type `jwt`; expected `apiKey`, `http`, `oauth2`, \
         `openIdConnect` or `mutualTLS`",
    );
    rejects(
        V3_1,
        &json!({"type": "OAuth2", "flows": {}}),
        "/type",
        "unknown security scheme type `OAuth2` (did you mean `oauth2`?); expected `apiKey`, \
         `http`, `oauth2`, `openIdConnect` or `mutualTLS`",
    );
    rejects(
        V3_1,
        &json!({"type": "http", "scheme": "bearer token"}),
        "/scheme",
        r#""bearer token": not an HTTP auth-scheme (RFC 9110 §11.1: a token)"#,
    );
    rejects(
        V3_1,
        &json!({"type": "openIdConnect", "openIdConnectUrl": "https://{tenant}.example.com"}),
        "/openIdConnectUrl",
        "not a valid URI reference: invalid character '{' at byte 8",
    );
}

#[test]
fn wrong_json_types() {
    rejects(
        V3_1,
        &json!({"type": 1}),
        "/type",
        "expected a string, found a number",
    );
    rejects(
        V3_1,
        &json!({"type": "oauth2", "flows": []}),
        "/flows",
        "expected an object, found an array",
    );
    rejects(
        V3_1,
        &json!({"type": "oauth2", "flows": {"password": "token"}}),
        "/flows/password",
        "expected an object, found a string",
    );
    rejects(
        V3_1,
        &json!({"type": "http", "scheme": "basic", "description": true}),
        "/description",
        "expected a string, found a boolean",
    );
    rejects(
        V3_2,
        &json!({"type": "http", "scheme": "basic", "deprecated": "yes"}),
        "/deprecated",
        "expected a boolean, found a string",
    );
    rejects(
        V3_1,
        &json!({"type": "apiKey", "in": "query", "name": ["k"]}),
        "/name",
        "expected a string, found an array",
    );
    rejects(
        V3_1,
        &json!({"type": "oauth2", "flows": {"password": {"tokenUrl": {"url": "/t"}, "scopes": {}}}}),
        "/flows/password/tokenUrl",
        "expected a string, found an object",
    );
}

#[test]
fn null_fields_are_never_absent_fields() {
    rejects(
        V3_1,
        &json!({"type": null}),
        "/type",
        "expected a string, found null",
    );
    rejects(
        V3_1,
        &json!({"type": "http", "scheme": "basic", "description": null}),
        "/description",
        "expected a string, found null",
    );
    rejects(
        V3_1,
        &json!({"type": "http", "scheme": "bearer", "bearerFormat": null}),
        "/bearerFormat",
        "expected a string, found null",
    );
    rejects(
        V3_1,
        &json!({"type": "oauth2", "flows": null}),
        "/flows",
        "expected an object, found null",
    );
    rejects(
        V3_1,
        &json!({"type": "oauth2", "flows": {"password": {"refreshUrl": null, "tokenUrl": "/t", "scopes": {}}}}),
        "/flows/password/refreshUrl",
        "expected a string, found null",
    );
    rejects(
        V3_1,
        &json!({"type": "oauth2", "flows": {"password": {"tokenUrl": null, "scopes": {}}}}),
        "/flows/password/tokenUrl",
        "expected a string, found null",
    );
}

#[test]
fn non_object_input() {
    for (json, found) in [
        (json!(null), "null"),
        (json!("oauth2"), "a string"),
        (json!(["oauth2"]), "an array"),
        (json!(3), "a number"),
        (json!(false), "a boolean"),
    ] {
        let message = format!("/: expected an object, found {found}");
        rejects(
            V3_1,
            &json,
            "",
            &format!("expected an object, found {found}"),
        );
        assert_eq!(
            OAuthFlows::from_json(&json, V3_1).unwrap_err().to_string(),
            message
        );
        assert_eq!(
            OAuthFlow::from_json(&json, FlowKind::Password, V3_1)
                .unwrap_err()
                .to_string(),
            message
        );
        assert_eq!(
            SecurityRequirement::from_json(&json, V3_1)
                .unwrap_err()
                .to_string(),
            message
        );
        assert_eq!(
            SecuritySchemes::from_json(&json, V3_1)
                .unwrap_err()
                .to_string(),
            message
        );
    }
    rejects(
        V3_1,
        &json!({"$ref": "#/components/securitySchemes/other"}),
        "/$ref",
        "Reference Objects (`$ref`) are not supported here; write the security scheme inline",
    );
}

#[test]
fn component_maps() {
    let err = SecuritySchemes::from_json(
        &json!({"my auth": {"type": "http", "scheme": "basic"}}),
        V3_1,
    )
    .unwrap_err();
    assert_eq!(
        err.to_string(),
        r#"/my auth: security scheme name "my auth" must match ^[a-zA-Z0-9.\-_]+$"#
    );
    let err = SecuritySchemes::from_json(
        &json!({"ok": {"type": "http", "scheme": "basic"}, "jwt": {"type": "http", "scheme": "basic", "bearerFormat": "JWT"}}),
        V3_1,
    )
    .unwrap_err();
    assert_eq!(err.path(), "/jwt/bearerFormat");
    let err = SecuritySchemes::from_json(&json!({"tls": {"type": "mutualTLS"}}), V3_0).unwrap_err();
    assert!(matches!(err, Error::Unsupported { .. }));
    assert_eq!(err.path(), "/tls/type");
}

#[test]
fn requirements() {
    let read = |json: Value, version| {
        SecurityRequirement::from_json(&json, version)
            .unwrap_err()
            .to_string()
    };
    assert_eq!(
        read(json!({"api_key": "admin"}), V3_1),
        "/api_key: expected an array, found a string"
    );
    assert_eq!(
        read(json!({"api_key": [null]}), V3_1),
        "/api_key/0: expected a string, found null"
    );
    assert_eq!(
        read(json!({"api key": []}), V3_1),
        r#"/api key: security scheme name "api key" must match ^[a-zA-Z0-9.\-_]+$"#
    );
    assert_eq!(
        read(json!({"api key": []}), V3_2),
        r#"/api key: security scheme name "api key" must match ^[a-zA-Z0-9.\-_]+$ or be a URI reference"#
    );
    // A URI key needs 3.2.
    let uri = json!({"https://example.com/openapi.json#/components/securitySchemes/a": []});
    assert_eq!(
        read(uri.clone(), V3_1),
        "/https:~1~1example.com~1openapi.json#~1components~1securitySchemes~1a: a security \
         scheme URI as a requirement key requires OpenAPI 3.2 or later (target is 3.1)"
    );
    assert!(SecurityRequirement::from_json(&uri, V3_2).is_ok());

    // Checked against the schemes: unknown names, and role names on 3.0.
    let mut schemes = SecuritySchemes::new();
    schemes
        .insert("api_key", SecurityScheme::http("basic"))
        .unwrap();
    let roles = SecurityRequirement::from_json(&json!({"api_key": ["admin"]}), V3_0).unwrap();
    let err = schemes.check_requirement(&roles, V3_0).unwrap_err();
    assert_eq!(
        err.to_string(),
        "/api_key: a non-empty list for a scheme other than `oauth2`/`openIdConnect` requires \
         OpenAPI 3.1 or later (target is 3.0)"
    );
    assert!(schemes.check_requirement(&roles, V3_1).is_ok());
    let unknown = SecurityRequirement::default().with("petstore_oauth", ["read"]);
    let err = schemes
        .security_to_json(&[SecurityRequirement::ANONYMOUS, unknown], V3_1)
        .unwrap_err();
    assert_eq!(
        err.to_string(),
        "/1/petstore_oauth: unknown security scheme `petstore_oauth`"
    );
    let twice = SecurityRequirement::default()
        .with("api_key", Vec::<String>::new())
        .with("api_key", Vec::<String>::new());
    assert_eq!(
        twice.to_json(V3_1).unwrap_err().to_string(),
        "/api_key: security scheme `api_key` is listed twice in one requirement"
    );
}
