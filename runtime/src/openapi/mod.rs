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
//! * `versioned(version)` checks a value once and returns a [`Versioned`], which implements
//!   [`serde::Serialize`]: write it straight to a writer or a string, no `Value` in between.
//!   The plain `Serialize`/`Deserialize` impls of the model types use OpenAPI 3.2's rules.
//! * [`SecuritySchemes`] is `components.securitySchemes`; it also checks and writes
//!   [`SecurityRequirement`]s against the schemes they name
//!   ([`SecuritySchemes::check_requirement`], [`SecuritySchemes::security_to_json`]).
//!
//! Deliberate differences from FastAPI's output: an `http` scheme is written lowercase
//! (FastAPI's `HTTPBase` writes it as given), `null` inside extension values is kept
//! (FastAPI drops it), and unknown flow names are rejected (FastAPI passes them through,
//! though every official schema rejects them).
//!
//! ```
//! use authscheme::openapi::{OAuthFlow, OAuthFlows, OpenApiVersion, SecurityScheme};
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
//! ```
//!
//! [Security Scheme Object]: https://spec.openapis.org/oas/v3.1.1.html#security-scheme-object
//! [OAuth Flows Object]: https://spec.openapis.org/oas/v3.1.1.html#oauth-flows-object
//! [OAuth Flow Object]: https://spec.openapis.org/oas/v3.1.1.html#oauth-flow-object
//! [Security Requirement Object]: https://spec.openapis.org/oas/v3.1.1.html#security-requirement-object

mod error;
mod extensions;
mod flows;
mod json;
mod pointer;
mod requirement;
mod scheme;
mod version;
mod versioned;

pub use error::Error;
pub use extensions::{Extension, ExtensionValue};
pub use flows::{FlowKind, OAuthFlow, OAuthFlows, Scope};
pub use requirement::{SecurityRequirement, SecuritySchemes};
pub use scheme::{ApiKeyLocation, SecurityScheme, SecuritySchemeKind};
pub use version::OpenApiVersion;
pub use versioned::Versioned;

/// Text that is either borrowed for `'static` (declarations) or owned (deserialized).
pub type Text = std::borrow::Cow<'static, str>;

/// A list that is either a `'static` slice (declarations) or owned (deserialized).
pub type List<T> = std::borrow::Cow<'static, [T]>;
