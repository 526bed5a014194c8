//! Code generation: `attr` → `validate` → either the impl, or the errors plus a stand-in impl.

pub(crate) mod dummy;
pub(crate) mod krate;
pub(crate) mod scopes;
pub(crate) mod security_scheme;

use proc_macro2::TokenStream;
use quote::quote;
use syn::DeriveInput;

use crate::attr;
use crate::ctxt::Ctxt;
use crate::validate;

/// `#[derive(SecurityScheme)]` on `input`.
pub(crate) fn derive_security_scheme(input: TokenStream) -> TokenStream {
    let input: DeriveInput = match syn::parse2(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    let cx = Ctxt::new();
    let attrs = attr::Input::from_ast(&cx, &input);
    let scheme = validate::validate(&cx, &attrs);
    let left_to_rustc = cx.left_to_rustc();
    match (cx.check(), scheme) {
        (Ok(()), Some(scheme)) => {
            security_scheme::expand(&scheme, security_scheme::Origin::Validated)
        }
        (Err(errors), _) => {
            let mut tokens = errors.to_compile_error();
            tokens.extend(dummy::expand(&attrs));
            tokens
        }
        // rustc reports the mistake itself (an unknown attribute). No stand-in impl: its
        // `openapi()` cannot work, and should the attribute resolve after all, a missing impl
        // still fails to compile where the type is used, never silently.
        (Ok(()), None) if left_to_rustc => TokenStream::new(),
        // Validation builds a model whenever it records no error; should that ever fail,
        // say so instead of panicking.
        (Ok(()), None) => {
            let mut tokens = quote! {
                ::core::compile_error!("internal error in `#[derive(SecurityScheme)]`: the declaration was accepted but not modelled; please report it");
            };
            tokens.extend(dummy::expand(&attrs));
            tokens
        }
    }
}
