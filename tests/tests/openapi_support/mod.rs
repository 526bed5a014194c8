//! Helpers shared by the `openapi_*` integration tests: the official OpenAPI schemas, a
//! minimal document around emitted objects, and key-sorted JSON.

// Each test binary uses a different subset of these helpers.
#![allow(dead_code)]

use std::sync::LazyLock;

use authscheme::openapi::OpenApiVersion;
use jsonschema::Validator;
use serde_json::{Map, Value, json};

/// Reads one of the official schemas kept in the repository's `spec/` folder.
fn load_schema(file: &str) -> Value {
    let path = format!("{}/../spec/{file}", env!("CARGO_MANIFEST_DIR"));
    let text =
        std::fs::read_to_string(&path).unwrap_or_else(|err| panic!("cannot read {path}: {err}"));
    serde_json::from_str(&text).unwrap_or_else(|err| panic!("{path} is not JSON: {err}"))
}

/// Compiles a schema. Formats are asserted (`uri-reference` for every URL field, where the
/// draft knows it), which 2020-12 leaves off by default.
fn compile(file: &str, draft4: bool) -> Validator {
    let schema = load_schema(file);
    let options = if draft4 {
        jsonschema::draft4::options()
    } else {
        jsonschema::draft202012::options()
    };
    options
        .should_validate_formats(true)
        .build(&schema)
        .unwrap_or_else(|err| panic!("{file} does not compile: {err}"))
}

static V3_0: LazyLock<Validator> = LazyLock::new(|| compile("openapi-3.0.schema.json", true));
static V3_1: LazyLock<Validator> = LazyLock::new(|| compile("openapi-3.1.schema.json", false));
static V3_2: LazyLock<Validator> = LazyLock::new(|| compile("openapi-3.2.schema.json", false));

/// The official schema for `version`: draft-04 for 3.0, 2020-12 for 3.1 and 3.2.
pub(crate) fn validator(version: OpenApiVersion) -> &'static Validator {
    match version {
        OpenApiVersion::V3_0 => &V3_0,
        OpenApiVersion::V3_1 => &V3_1,
        OpenApiVersion::V3_2 => &V3_2,
    }
}

/// Validates `document`; on failure, every error with its instance path.
pub(crate) fn validate(version: OpenApiVersion, document: &Value) -> Result<(), String> {
    let errors: Vec<String> = validator(version)
        .iter_errors(document)
        .map(|err| format!("{} at {}", err, err.instance_path()))
        .collect();
    if errors.is_empty() {
        Ok(())
    } else {
        Err(errors.join("\n"))
    }
}

/// Panics with the schema's errors and the document unless it validates.
pub(crate) fn assert_valid(version: OpenApiVersion, document: &Value) {
    if let Err(errors) = validate(version, document) {
        panic!(
            "not a valid OpenAPI {version} document:\n{errors}\n{}",
            serde_json::to_string_pretty(document).unwrap_or_default()
        );
    }
}

/// The smallest document for `version` holding `security_schemes` as
/// `components.securitySchemes` and `security` as the `security` of one operation.
pub(crate) fn document(
    version: OpenApiVersion,
    security_schemes: &Value,
    security: &Value,
) -> Value {
    json!({
        "openapi": version.document_version(),
        "info": {"title": "authscheme tests", "version": "1.0.0"},
        "paths": {
            "/items": {
                "get": {
                    "responses": {"200": {"description": "OK"}},
                    "security": security,
                },
            },
        },
        "components": {"securitySchemes": security_schemes},
    })
}

/// `value` with the members of every object sorted by key, at every depth.
pub(crate) fn sorted(value: &Value) -> Value {
    match value {
        Value::Object(map) => {
            let mut entries: Vec<(&String, &Value)> = map.iter().collect();
            entries.sort_by(|a, b| a.0.cmp(b.0));
            Value::Object(
                entries
                    .into_iter()
                    .map(|(key, value)| (key.clone(), sorted(value)))
                    .collect::<Map<String, Value>>(),
            )
        }
        Value::Array(items) => Value::Array(items.iter().map(sorted).collect()),
        other => other.clone(),
    }
}

/// Compact JSON text with sorted keys.
pub(crate) fn sorted_text(value: &Value) -> String {
    sorted(value).to_string()
}

/// Parses JSON text, keeping the key order as written.
pub(crate) fn parse(text: &str) -> Value {
    serde_json::from_str(text).unwrap_or_else(|err| panic!("bad JSON literal {text}: {err}"))
}
