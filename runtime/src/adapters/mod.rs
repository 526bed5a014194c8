//! Framework adapters, each behind the cargo feature of the same name.
//!
//! The core ([`compose`](crate::compose), [`verify`](crate::verify), [`form`](crate::form))
//! works on `http` types only; an adapter makes its types extractors and responses of one
//! framework.
//!
//! | feature | module | framework |
//! |---|---|---|
//! | `axum` | `adapters::axum` | axum 0.8 |

#[cfg(feature = "axum")]
pub mod axum;
