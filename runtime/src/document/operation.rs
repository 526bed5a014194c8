//! The fields of an operation other than its security.

use serde_json::{Map, Value};

/// The fields of an Operation Object that the application describes: summary, operation id,
/// tags, responses, request body, parameters...
///
/// `security` is not among them: it comes from the route's requirement type. The 401 and
/// 403 responses are added by the document unless given here.
///
/// ```
/// use authscheme::document::Operation;
/// use serde_json::json;
///
/// let operation = Operation::new()
///     .summary("Read the current user")
///     .operation_id("read_users_me")
///     .tag("users")
///     .response("200", json!({"description": "The user"}));
/// assert_eq!(operation.fields()["tags"], json!(["users"]));
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct Operation {
    fields: Map<String, Value>,
}

impl Operation {
    /// An operation with no fields yet.
    pub fn new() -> Self {
        Self::default()
    }

    /// `summary`.
    #[must_use]
    pub fn summary(self, summary: impl Into<String>) -> Self {
        self.field("summary", Value::String(summary.into()))
    }

    /// `description` (CommonMark).
    #[must_use]
    pub fn description(self, description: impl Into<String>) -> Self {
        self.field("description", Value::String(description.into()))
    }

    /// `operationId`.
    #[must_use]
    pub fn operation_id(self, id: impl Into<String>) -> Self {
        self.field("operationId", Value::String(id.into()))
    }

    /// Adds a tag.
    #[must_use]
    pub fn tag(mut self, tag: impl Into<String>) -> Self {
        let tags = self
            .fields
            .entry("tags")
            .or_insert_with(|| Value::Array(Vec::new()));
        if let Value::Array(tags) = tags {
            tags.push(Value::String(tag.into()));
        }
        self
    }

    /// Adds the Response Object `response` under `status` (`"200"`, `"4XX"`, `"default"`).
    #[must_use]
    pub fn response(mut self, status: impl Into<String>, response: Value) -> Self {
        let responses = self
            .fields
            .entry("responses")
            .or_insert_with(|| Value::Object(Map::new()));
        if let Value::Object(responses) = responses {
            responses.insert(status.into(), response);
        }
        self
    }

    /// Sets any other field (`requestBody`, `parameters`, `deprecated`, `x-..`). A
    /// `security` field is not written: the route's requirement type decides it.
    #[must_use]
    pub fn field(mut self, key: impl Into<String>, value: Value) -> Self {
        self.fields.insert(key.into(), value);
        self
    }

    /// The fields set so far.
    pub fn fields(&self) -> &Map<String, Value> {
        &self.fields
    }
}
