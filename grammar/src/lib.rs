//! The text rules that `authscheme-macros` (at compile time) and `authscheme` (at run time)
//! both apply, written once so that the two crates cannot disagree.
//!
//! Each check returns a typed problem; the derive turns it into a compile error on the
//! offending literal, the runtime into its `openapi::Error`.
//!
//! Not part of `authscheme`'s public API; it changes in any release, which is why the two
//! crates pin it with `=`.

pub mod challenge;
pub mod text;
pub mod url;
