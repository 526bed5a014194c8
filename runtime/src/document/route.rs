//! The security of one operation as a value: what a router wrapper collects from a
//! handler's extractors before the route is added to a [`SecurityDocument`].
//!
//! [`SecurityDocument`]: super::SecurityDocument

use super::{Declarations, Documented};
use crate::compose::security;
use crate::openapi::SecurityRequirement;

/// What an operation requires, and the schemes that requirement names: the value form of a
/// [`Documented`] requirement type, which can be combined at run time.
///
/// A handler takes several extractors; axum runs every one of them, so the operation
/// requires all of them (AND, as [`AllOf`](crate::AllOf) documents it). A router wrapper
/// (such as the axum adapter's `Router`, feature `axum`) builds one `RouteSecurity` per
/// extractor and combines them with [`and`](Self::and); extractors that check no
/// credentials contribute [`public`](Self::public), the identity of `and`.
///
/// ```
/// use authscheme::SecurityScheme;
/// use authscheme::compose::Auth;
/// use authscheme::document::RouteSecurity;
/// use authscheme::openapi::OpenApiVersion;
///
/// #[derive(SecurityScheme)]
/// #[http(bearer, format = "JWT")]
/// struct Jwt;
/// #[derive(SecurityScheme)]
/// #[api_key(header = "X-Key")]
/// struct Key;
///
/// let json = |security: &RouteSecurity| -> Vec<serde_json::Value> {
///     let list = security.security().expect("a secured operation");
///     list.iter().map(|r| r.to_json(OpenApiVersion::V3_1).unwrap()).collect()
/// };
/// // `Option<Auth<Jwt>>` and `Auth<Key>` in one handler: a key, with or without a token.
/// let both = RouteSecurity::of::<Auth<Jwt>>().optional().and(RouteSecurity::of::<Auth<Key>>());
/// assert_eq!(
///     json(&both),
///     [serde_json::json!({"Key": []}), serde_json::json!({"Jwt": [], "Key": []})]
/// );
/// assert_eq!(both.declarations().names().collect::<Vec<_>>(), ["Jwt", "Key"]);
///
/// // Extractors that check nothing change nothing.
/// assert!(RouteSecurity::public().security().is_none());
/// let same = RouteSecurity::public().and(RouteSecurity::of::<Auth<Key>>());
/// assert_eq!(json(&same), [serde_json::json!({"Key": []})]);
/// ```
#[derive(Clone, Debug, Default)]
pub struct RouteSecurity {
    /// `None`: a public operation (no `security` key, no 401/403).
    security: Option<Vec<SecurityRequirement>>,
    schemes: Declarations,
}

impl RouteSecurity {
    /// No requirement: a public operation. The identity of [`and`](Self::and).
    pub fn public() -> Self {
        Self::default()
    }

    /// The requirement of the type `R` (`Auth<S>`, `Option<..>`, `Verified<..>`,
    /// `AnyOf<..>`, `AllOf<..>`), with the schemes it names.
    pub fn of<R: Documented>() -> Self {
        let mut schemes = Declarations::default();
        R::declare(&mut schemes);
        Self {
            security: Some(R::security()),
            schemes,
        }
    }

    /// The same requirement made optional: `{}` (anonymous access) added in front, as
    /// `Option<R>` documents it. A public operation stays public.
    #[must_use]
    pub fn optional(self) -> Self {
        Self {
            security: self
                .security
                .map(|list| security::any([vec![SecurityRequirement::ANONYMOUS], list])),
            schemes: self.schemes,
        }
    }

    /// Both requirements (AND): one Security Requirement Object for every pair of
    /// alternatives, holding the schemes of both — what [`AllOf`](crate::AllOf) documents.
    /// With a public side, the other side unchanged.
    #[must_use]
    pub fn and(mut self, other: Self) -> Self {
        self.schemes.extend(&other.schemes);
        self.security = match (self.security, other.security) {
            (None, only) | (only, None) => only,
            (Some(left), Some(right)) => Some(security::all([left, right])),
        };
        self
    }

    /// The operation's `security` (`None` for a public operation).
    pub fn security(&self) -> Option<&[SecurityRequirement]> {
        self.security.as_deref()
    }

    /// The schemes the requirement names, for `components.securitySchemes` and the 401s.
    pub fn declarations(&self) -> &Declarations {
        &self.schemes
    }

    /// The parts, for the document.
    pub(super) fn into_parts(self) -> (Option<Vec<SecurityRequirement>>, Declarations) {
        (self.security, self.schemes)
    }
}
