//! Security Requirement Objects and the `components.securitySchemes` map.

use super::{List, SecurityScheme, Text};

/// One Security Requirement Object: every listed scheme must be satisfied (AND).
///
/// An operation's `security` is a list of these, any one of which suffices (OR); the empty
/// object `{}` ([`SecurityRequirement::ANONYMOUS`]) means anonymous access is allowed.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct SecurityRequirement {
    /// `(scheme name, required scopes or roles)`, in declaration order.
    pub schemes: List<(Text, List<Text>)>,
}

impl SecurityRequirement {
    /// `{}`: anonymous access is allowed.
    pub const ANONYMOUS: Self = Self {
        schemes: List::Borrowed(&[]),
    };
}

/// The `components.securitySchemes` map: component names to schemes, in insertion order.
#[derive(Clone, Debug, Default, PartialEq)]
pub struct SecuritySchemes {
    entries: Vec<(Text, SecurityScheme)>,
}
