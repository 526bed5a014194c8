#![no_main]
//! `#[derive(SecurityScheme)]`'s parse → validate → expand over any attribute tokens: it never
//! panics, and what it emits (the impl, or the errors and a stand-in impl) is Rust that parses.
//!
//! The derive's modules are compiled into this target from the macro crate's sources, as
//! serde_derive_internals shares serde_derive's: a `proc-macro` crate can export nothing but
//! its macros, so its pipeline cannot be called as a library.
#![allow(dead_code, unreachable_pub)]

extern crate proc_macro;

#[path = "../../macros/src/attr/mod.rs"]
mod attr;
#[path = "../../macros/src/ctxt.rs"]
mod ctxt;
#[path = "../../macros/src/expand/mod.rs"]
mod expand;
#[path = "../../macros/src/grammar.rs"]
mod grammar;
#[path = "../../macros/src/model.rs"]
mod model;
#[path = "../../macros/src/symbol.rs"]
mod symbol;
#[path = "../../macros/src/validate/mod.rs"]
mod validate;

use std::str::FromStr;

use proc_macro2::TokenStream;

/// The attribute the first byte picks; the rest of the input is what goes inside it.
const KINDS: [&str; 6] = [
    "oauth2",
    "openid_connect",
    "api_key",
    "http",
    "mutual_tls",
    "doc",
];

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let Some((&kind, rest)) = data.split_first() else {
        return;
    };
    let Ok(arguments) = std::str::from_utf8(rest) else {
        return;
    };
    // Text the Rust lexer refuses never reaches a derive.
    let Ok(arguments) = TokenStream::from_str(arguments) else {
        return;
    };
    let kind = KINDS[usize::from(kind) % KINDS.len()];
    let kind = proc_macro2::Ident::new(kind, proc_macro2::Span::call_site());
    let input = quote::quote! {
        /// A scheme.
        #[#kind(#arguments)]
        struct Fuzzed;
    };
    let output = expand::derive_security_scheme(input);
    syn::parse2::<syn::File>(output).expect("the derive emits Rust that parses");
});
