//! The 401 and 403 Response Objects of secured operations.

use serde_json::{Map, Value, json};

use super::Declarations;
use crate::Rejection;
use crate::openapi::SecurityRequirement;

/// FastAPI's default response of an operation that describes none.
pub(super) fn successful() -> Value {
    json!({ "description": "Successful Response" })
}

/// Adds `401` unless present: the body and the challenges of every declared scheme.
pub(super) fn add_unauthorized(responses: &mut Map<String, Value>, schemes: &Declarations) {
    if responses.contains_key("401") {
        return;
    }
    let mut challenges: Vec<String> = Vec::new();
    for declared in schemes.iter() {
        for challenge in &declared.challenges {
            let shown = shown(challenge.as_bytes());
            if !challenges.contains(&shown) {
                challenges.push(shown);
            }
        }
    }
    let description = format!(
        "The `WWW-Authenticate` challenges of this operation, one field line each when several apply: {}.",
        challenges.join(", ")
    );
    responses.insert(
        "401".to_owned(),
        response(
            &format!(
                "Not authenticated: the credentials are missing, malformed or refused (`{{\"detail\": \"{}\"}}` when missing or malformed)",
                Rejection::NOT_AUTHENTICATED
            ),
            Some(&description),
        ),
    );
}

/// Adds `403` unless present, when some requirement lists scopes (or roles): the body and,
/// for bearer-based schemes, RFC 6750's `insufficient_scope` challenge.
pub(super) fn add_forbidden(
    responses: &mut Map<String, Value>,
    security: &[SecurityRequirement],
    schemes: &Declarations,
) {
    if responses.contains_key("403") {
        return;
    }
    let mut scoped = false;
    let mut challenges: Vec<String> = Vec::new();
    for requirement in security {
        for (name, scopes) in requirement.iter() {
            if scopes.is_empty() {
                continue;
            }
            scoped = true;
            if schemes.get(name).is_some_and(|declared| declared.bearer) {
                let rejection = Rejection::insufficient_scope(scopes.iter().map(AsRef::as_ref));
                for challenge in rejection.challenges() {
                    let shown = shown(challenge.as_bytes());
                    if !challenges.contains(&shown) {
                        challenges.push(shown);
                    }
                }
            }
        }
    }
    if !scoped {
        return;
    }
    let header = (!challenges.is_empty()).then(|| {
        format!(
            "RFC 6750 challenge naming the required scopes: {}.",
            challenges.join(", ")
        )
    });
    responses.insert(
        "403".to_owned(),
        response(
            &format!(
                "Not enough permissions: the credentials lack a required scope (`{{\"detail\": \"{}\"}}`)",
                Rejection::NOT_ENOUGH_PERMISSIONS
            ),
            header.as_deref(),
        ),
    );
}

/// A Response Object with FastAPI's `{"detail": string}` body and, if given, a
/// `WWW-Authenticate` header with this description.
fn response(description: &str, challenge: Option<&str>) -> Value {
    let mut response = Map::new();
    response.insert("description".to_owned(), Value::from(description));
    if let Some(challenge) = challenge {
        response.insert(
            "headers".to_owned(),
            json!({
                "WWW-Authenticate": {
                    "description": challenge,
                    "schema": { "type": "string" }
                }
            }),
        );
    }
    response.insert(
        "content".to_owned(),
        json!({
            "application/json": {
                "schema": {
                    "type": "object",
                    "properties": { "detail": { "type": "string" } },
                    "required": ["detail"]
                }
            }
        }),
    );
    Value::Object(response)
}

/// A challenge as inline code (the challenges this crate builds are visible ASCII).
fn shown(bytes: &[u8]) -> String {
    format!("`{}`", String::from_utf8_lossy(bytes))
}
