//! Error accumulation: every problem of a declaration is reported at once.

use std::cell::{Cell, RefCell};
use std::fmt::Display;

use proc_macro2::Span;
use quote::ToTokens;

/// Collects the errors found while reading and validating one derive input.
///
/// Reading and validation push errors here and go on; [`Ctxt::check`] turns them into one
/// `syn::Error` holding them all. Dropping a `Ctxt` without calling `check` is a bug in this
/// crate (errors would be lost), so it panics: a guard for the macro's authors, never
/// reachable from user input.
pub(crate) struct Ctxt {
    errors: RefCell<Option<Vec<syn::Error>>>,
    /// rustc itself reports the mistake (e.g. an unknown attribute), so the derive fails
    /// without adding an error of its own.
    left_to_rustc: Cell<bool>,
}

impl Ctxt {
    pub(crate) fn new() -> Self {
        Self {
            errors: RefCell::new(Some(Vec::new())),
            left_to_rustc: Cell::new(false),
        }
    }

    /// An error spanning the tokens of `object` (from its first to its last token).
    pub(crate) fn error_spanned_by<T: ToTokens, M: Display>(&self, object: T, message: M) {
        // Curb monomorphization: one `new_spanned` per message type, not per token type.
        self.syn_error(syn::Error::new_spanned(object.into_token_stream(), message));
    }

    /// An error at `span`.
    pub(crate) fn error_at<M: Display>(&self, span: Span, message: M) {
        self.syn_error(syn::Error::new(span, message));
    }

    /// An error at `second`, with a note on `first`: "duplicate `x`" and "first `x` here",
    /// as rustc reports a duplicate definition. The two stay together when errors are sorted.
    pub(crate) fn duplicate<S: ToTokens, F: ToTokens, M: Display, N: Display>(
        &self,
        second: S,
        message: M,
        first: F,
        note: N,
    ) {
        let mut error = syn::Error::new_spanned(second.into_token_stream(), message);
        error.combine(syn::Error::new_spanned(first.into_token_stream(), note));
        self.syn_error(error);
    }

    /// Records that the declaration is wrong in a way rustc reports on its own: the derive
    /// then emits no error (one mistake, one error) but no impl either.
    pub(crate) fn leave_to_rustc(&self) {
        self.left_to_rustc.set(true);
    }

    /// Whether [`Ctxt::leave_to_rustc`] was called.
    pub(crate) fn left_to_rustc(&self) -> bool {
        self.left_to_rustc.get()
    }

    /// A ready-made error, e.g. one returned by a syn parser.
    pub(crate) fn syn_error(&self, error: syn::Error) {
        if let Some(errors) = self.errors.borrow_mut().as_mut() {
            errors.push(error);
        }
    }

    /// How many errors have been recorded so far.
    pub(crate) fn error_count(&self) -> usize {
        self.errors.borrow().as_ref().map_or(0, Vec::len)
    }

    /// Whether an error has been recorded so far.
    pub(crate) fn has_errors(&self) -> bool {
        self.errors
            .borrow()
            .as_ref()
            .is_some_and(|errors| !errors.is_empty())
    }

    /// All recorded errors, combined in source order; consumes the context.
    pub(crate) fn check(self) -> syn::Result<()> {
        let mut errors = self.errors.borrow_mut().take().unwrap_or_default();
        // Errors are recorded rule by rule; the user reads them top to bottom. The sort is
        // stable, so errors at one position (or without a known one) keep their order.
        errors.sort_by_key(|error| position(error.span()));
        let mut errors = errors.into_iter();
        let Some(mut combined) = errors.next() else {
            return Ok(());
        };
        for error in errors {
            combined.combine(error);
        }
        Err(combined)
    }
}

/// Where `span` starts, as (line, column); `(0, 0)` when unknown (outside a procedural macro,
/// e.g. in unit tests, where spans carry no location).
fn position(span: Span) -> (usize, usize) {
    if proc_macro::is_available() {
        let span = span.unwrap();
        (span.line(), span.column())
    } else {
        (0, 0)
    }
}

impl Drop for Ctxt {
    fn drop(&mut self) {
        assert!(
            std::thread::panicking() || self.errors.borrow().is_none(),
            "forgot to check for errors"
        );
    }
}
