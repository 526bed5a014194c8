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

/// The path `crate = ".."` names, if it is one: a module path, without generic arguments
/// (`a<T>::b` would need a turbofish where the expansion uses the path in an expression, and a
/// crate has none anyway; found by the `derive` fuzz target). The validation and the stand-in
/// impl both read it here.
pub(crate) fn declared_path(lit: &syn::LitStr) -> Option<Path> {
    lit.parse_with(Path::parse_mod_style).ok()
}
