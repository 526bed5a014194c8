//! Where the runtime crate is.

use syn::{Path, parse_quote};

/// `::authscheme`, unless the declaration says `crate = ".."`.
pub(crate) fn default_path() -> Path {
    parse_quote!(::authscheme)
}
