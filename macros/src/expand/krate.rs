//! Where the runtime crate is, and the `const _` wrapper every expansion sits in.

use proc_macro2::TokenStream;
use quote::quote;
use syn::{Path, parse_quote};

/// `::authscheme`, unless the declaration says `crate = ".."`.
pub(crate) fn default_path() -> Path {
    parse_quote!(::authscheme)
}

/// Wraps impls in `const _: () = { .. };` so that nothing they name leaks into the user's
/// module, with the lints that fully qualified generated paths legitimately trip allowed.
pub(crate) fn wrap_in_const(code: &TokenStream) -> TokenStream {
    quote! {
        #[doc(hidden)]
        #[allow(unused_qualifications, clippy::absolute_paths)]
        const _: () = {
            #code
        };
    }
}
