#![doc = include_str!("docs/crate.md")]
#![deny(unsafe_code)]

pub mod adapters;
pub mod compose;
pub mod credentials;
pub mod document;
pub mod form;
pub mod openapi;
mod private;
mod rejection;
mod scheme;
mod scopes;
mod trace;
pub mod verify;

pub use compose::{AllOf, AnyOf, Auth, Verified};
pub use rejection::{Rejection, RejectionKind};
pub use scheme::{Declaration, SecurityScheme};
pub use scopes::{MAX_SCOPES, ScopeSet};

#[cfg(feature = "macros")]
#[doc(inline)]
#[doc = include_str!("docs/dsl.md")]
pub use authscheme_macros::SecurityScheme;
#[cfg(feature = "macros")]
#[doc(inline)]
#[doc = include_str!("docs/scopes.md")]
pub use authscheme_macros::scopes;

/// What expansions of `#[derive(SecurityScheme)]` and `scopes!` name; not a public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::private::*;
}
