//! Framework adapters, each behind the cargo feature of the same name.
//!
//! The core ([`compose`](crate::compose), [`verify`](crate::verify), [`form`](crate::form))
//! works on `http` types only; an adapter makes its types extractors and responses of one
//! framework, or writes the security model into another library's OpenAPI model.
//!
//! | feature | module | framework |
//! |---|---|---|
//! | `axum` | `adapters::axum` | axum 0.8 |
//! | `utoipa` | `adapters::utoipa` | utoipa 6 (OpenAPI model and `Modify`) |

#[cfg(feature = "axum")]
pub mod axum;
#[cfg(feature = "utoipa")]
pub mod utoipa;
