//! Implementation detail of the `authscheme` crate: `#[derive(SecurityScheme)]` and `scopes!`.
//!
//! Users depend on `authscheme`, which re-exports these macros and documents the DSL.
//! The crate is a pipeline: `attr` (what the user wrote) → `validate` (the rules of the DSL,
//! producing a `model`) → `expand` (code generation, which cannot fail).
#![forbid(unsafe_code)]

mod attr;
mod ctxt;
mod expand;
mod grammar;
mod model;
mod symbol;
mod validate;

#[cfg(test)]
mod tests;

use proc_macro::TokenStream;

/// Derives `authscheme::SecurityScheme`; documented on the re-export in `authscheme`.
#[proc_macro_derive(
    SecurityScheme,
    attributes(oauth2, openid_connect, api_key, http, mutual_tls)
)]
pub fn derive_security_scheme(input: TokenStream) -> TokenStream {
    expand::derive_security_scheme(input.into()).into()
}

/// Builds an `authscheme::ScopeSet` at compile time; documented on the re-export in
/// `authscheme`.
#[proc_macro]
pub fn scopes(input: TokenStream) -> TokenStream {
    expand::scopes::expand(input.into()).into()
}
