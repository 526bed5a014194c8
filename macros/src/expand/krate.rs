//! Where the runtime crate is.

use proc_macro2::{Ident, Span};
use syn::{Path, PathSegment, Token};

/// `::authscheme`, unless the declaration says `crate = ".."`.
pub(crate) fn default_path() -> Path {
    // Built rather than parsed: this runs once per declaration, unoptimised in debug builds.
    Path {
        leading_colon: Some(<Token![::]>::default()),
        segments: std::iter::once(PathSegment::from(Ident::new(
            "authscheme",
            Span::call_site(),
        )))
        .collect(),
    }
}
