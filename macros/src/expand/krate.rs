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
    let path = lit.parse_with(Path::parse_mod_style).ok()?;
    keywords_in_place(&path).then_some(path)
}

/// Whether the path keywords stand where Rust allows them in a `use` path: `crate` or `self`
/// first, then any run of `super`, all without a leading `::`; `Self` names a type, never a
/// module. `Path::parse_mod_style` takes each of them anywhere, and `use Self::__private::..`
/// is not Rust (found by the `derive` fuzz target in CI).
fn keywords_in_place(path: &Path) -> bool {
    let mut may_go_up = path.leading_colon.is_none();
    path.segments.iter().enumerate().all(|(index, segment)| {
        let ident = &segment.ident;
        if ident == "Self" {
            false
        } else if ident == "crate" || ident == "self" {
            let first = index == 0 && path.leading_colon.is_none();
            may_go_up = first && ident == "self";
            first
        } else if ident == "super" {
            may_go_up
        } else {
            may_go_up = false;
            true
        }
    })
}
