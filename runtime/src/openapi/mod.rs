//! The OpenAPI model of security schemes and security requirements.
//!
//! This module mirrors the [Security Scheme Object], the [OAuth Flows Object], the
//! [OAuth Flow Object] and the [Security Requirement Object] of OpenAPI 3.0, 3.1 and 3.2.
//!
//! * Every type can be built in a `const` context from `&'static str` and `&'static [..]`
//!   data, which is what `#[derive(SecurityScheme)]` expands to: describing a scheme costs
//!   no parsing and no allocation at startup.
//! * [`to_json`](SecurityScheme::to_json) writes canonical JSON for a chosen
//!   [`OpenApiVersion`]: `scopes` always present, absent fields omitted (never `null`),
//!   flows in FastAPI's order, the `http` scheme lowercase. A field that the target version
//!   cannot express is an [`Error`], never silently dropped.
//! * [`from_json`](SecurityScheme::from_json) reads back exactly what was written and
//!   rejects invalid input with an error naming the JSON path.
//!
//! ```
//! use authscheme::openapi::{OAuthFlow, OAuthFlows, OpenApiVersion, Scope, SecurityScheme};
//!
//! // FastAPI: OAuth2PasswordBearer(tokenUrl="token")
//! const SCHEME: SecurityScheme =
//!     SecurityScheme::oauth2(OAuthFlows::single(OAuthFlow::password("token", &[])));
//!
//! let json = SCHEME.to_json(OpenApiVersion::V3_1).unwrap();
//! assert_eq!(
//!     json.to_string(),
//!     r#"{"type":"oauth2","flows":{"password":{"scopes":{},"tokenUrl":"token"}}}"#
//! );
//! assert_eq!(SecurityScheme::from_json(&json, OpenApiVersion::V3_1).unwrap(), SCHEME);
//! # let _ = Scope::new("a", "b");
//! ```
//!
//! [Security Scheme Object]: https://spec.openapis.org/oas/v3.1.1.html#security-scheme-object
//! [OAuth Flows Object]: https://spec.openapis.org/oas/v3.1.1.html#oauth-flows-object
//! [OAuth Flow Object]: https://spec.openapis.org/oas/v3.1.1.html#oauth-flow-object
//! [Security Requirement Object]: https://spec.openapis.org/oas/v3.1.1.html#security-requirement-object

mod error;
mod extensions;
mod flows;
mod requirement;
mod scheme;
mod version;

pub use error::Error;
pub use extensions::{Extension, ExtensionValue};
pub use flows::{FlowKind, OAuthFlow, OAuthFlows, Scope};
pub use requirement::{SecurityRequirement, SecuritySchemes};
pub use scheme::{ApiKeyLocation, SecurityScheme, SecuritySchemeKind};
pub use version::OpenApiVersion;

/// Text that is either borrowed for `'static` (declarations) or owned (deserialized).
pub type Text = std::borrow::Cow<'static, str>;

/// A list that is either a `'static` slice (declarations) or owned (deserialized).
pub type List<T> = std::borrow::Cow<'static, [T]>;
