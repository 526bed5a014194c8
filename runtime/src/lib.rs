#![doc = include_str!("docs/crate.md")]
#![deny(unsafe_code)]

// The expansion snapshots that `private`'s tests compile name the crate `::authscheme`.
#[cfg(test)]
extern crate self as authscheme;

pub mod adapters;
pub mod compose;
pub mod credentials;
pub mod document;
pub mod form;
#[cfg(feature = "tokio")]
pub mod limit;
pub mod openapi;
mod private;
mod rejection;
mod scheme;
mod scopes;
mod trace;
pub mod verify;

pub use compose::{AllOf, AnyOf, AnyOf2, AnyOf3, AnyOf4, AnyOf5, AnyOf6, Auth, Verified};
pub use rejection::{Rejection, RejectionKind};
pub use scheme::{Declaration, SecurityScheme};
pub use scopes::{MAX_SCOPES, RequiredScopes, ScopeSet, Scopes};

#[cfg(feature = "macros")]
#[doc(inline)]
#[doc = include_str!("docs/dsl.md")]
pub use authscheme_macros::SecurityScheme;
#[cfg(feature = "macros")]
#[doc(inline)]
#[doc = include_str!("docs/scopes.md")]
pub use authscheme_macros::scopes;

/// The `jsonwebtoken` crate that [`verify::JwtVerifier`] is built on (feature `jwt`): use its
/// `DecodingKey`, `Validation` and `Algorithm` from here, so that they are always the version
/// this crate was built with (`cargo add jsonwebtoken` may pick another, whose types do not
/// fit).
///
/// ```
/// use authscheme::jsonwebtoken::{Algorithm, DecodingKey, Validation};
/// use authscheme::verify::JwtVerifier;
///
/// #[derive(Clone, serde::Deserialize)]
/// struct Claims {
///     sub: String,
/// }
///
/// let verifier: JwtVerifier<Claims> =
///     JwtVerifier::new(DecodingKey::from_secret(b"change me"), Validation::new(Algorithm::HS256));
/// # let _ = verifier;
/// ```
#[cfg(feature = "jwt")]
pub use jsonwebtoken;

/// The `utoipa` crate that [`adapters::utoipa`] writes into (feature `utoipa`), for the same
/// reason: its `OpenApi`, `Modify` and model types are the ones this crate's conversions take.
#[cfg(feature = "utoipa")]
pub use utoipa;

/// What expansions of `#[derive(SecurityScheme)]` and `scopes!` name; not a public API.
#[doc(hidden)]
pub mod __private {
    pub use crate::private::*;
}
