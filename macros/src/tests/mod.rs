//! Unit tests of the whole pipeline on `proc_macro2` token streams: parsing and validation
//! (asserting the messages), expansion snapshots, property tests that no input panics, and
//! property tests that the derive and the runtime agree on the rules they share.

mod agreement;
mod expansion;
mod fuzz;
mod validation;

use proc_macro2::TokenStream;

use crate::attr;
use crate::ctxt::Ctxt;
use crate::validate;

/// The messages of every error the derive reports for `input` (a whole item).
fn errors(input: TokenStream) -> Vec<String> {
    let input: syn::DeriveInput = syn::parse2(input).expect("test input is an item");
    let cx = Ctxt::new();
    let attrs = attr::Input::from_ast(&cx, &input);
    let scheme = validate::validate(&cx, &attrs);
    let left_to_rustc = cx.left_to_rustc();
    match cx.check() {
        Ok(()) => {
            assert!(scheme.is_some() || left_to_rustc, "no error but no model");
            Vec::new()
        }
        Err(errors) => errors.into_iter().map(|error| error.to_string()).collect(),
    }
}

/// The single error reported for `input`.
fn error(input: TokenStream) -> String {
    let mut errors = errors(input);
    assert_eq!(errors.len(), 1, "expected one error, got {errors:#?}");
    errors.remove(0)
}

/// The error and its "first ... here" note reported for a duplicate in `input`.
fn duplicate(input: TokenStream) -> (String, String) {
    let errors = errors(input);
    assert_eq!(
        errors.len(),
        2,
        "expected an error and its note, got {errors:#?}"
    );
    let mut errors = errors.into_iter();
    let error = errors.next().unwrap_or_default();
    let note = errors.next().unwrap_or_default();
    (error, note)
}
