//! Framework adapters, each behind the cargo feature of the same name.
//!
//! The core ([`compose`](crate::compose), [`verify`](crate::verify)) works on `http` types
//! only; an adapter makes its types extractors and responses of one framework, or writes
//! them into another library's OpenAPI model.
//!
//! | feature | module | library |
//! |---|---|---|
//! | `utoipa` | `adapters::utoipa` | utoipa 6 (OpenAPI model and `Modify`) |

#[cfg(feature = "utoipa")]
pub mod utoipa;
