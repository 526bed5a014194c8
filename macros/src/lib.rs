//! Implementation detail of the `authscheme` crate: the `#[derive(SecurityScheme)]` macro.
//!
//! Users depend on `authscheme`, which re-exports this macro and documents the DSL.
//! The crate is laid out as a pipeline: `attr` (what the user wrote) → `validate`
//! (the rules of the DSL, producing a `model`) → `expand` (code generation).
#![forbid(unsafe_code)]

use proc_macro::TokenStream;

/// Derives `authscheme::SecurityScheme`; documented on the re-export in `authscheme`.
#[proc_macro_derive(
    SecurityScheme,
    attributes(oauth2, openid_connect, api_key, http, mutual_tls)
)]
pub fn derive_security_scheme(input: TokenStream) -> TokenStream {
    let _ = input;
    "::core::compile_error!(\"the SecurityScheme derive is being written\");"
        .parse()
        .unwrap_or_default()
}
