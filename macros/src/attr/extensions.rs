//! `extensions("x-key" = value, ..)`: the `x-` specification extensions of an object.

use syn::meta::ParseNestedMeta;
use syn::{Ident, LitBool, LitFloat, LitInt, LitStr, Token};

use super::common::{check_no_suffix, list, peek_lit_str, skip_to_comma, stray_comma};
use crate::ctxt::Ctxt;

/// One `"x-key" = value` entry, as written.
pub(crate) struct ExtensionEntry {
    pub(crate) key: LitStr,
    pub(crate) value: ExtensionLit,
}

/// An extension value as written: a string, `true`/`false`, or a (possibly negated) number.
pub(crate) enum ExtensionLit {
    Str(LitStr),
    Bool(LitBool),
    Int {
        negative: Option<Token![-]>,
        lit: LitInt,
    },
    Float {
        negative: Option<Token![-]>,
        lit: LitFloat,
    },
}

/// Reads `key("x-a" = "b", "x-n" = 3, ..)`, reporting bad entries and keeping the good ones.
pub(crate) fn parse(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    key: &Ident,
) -> syn::Result<Option<Vec<ExtensionEntry>>> {
    list(
        cx,
        meta,
        key,
        &format!("{key}(\"x-...\" = value, ...)"),
        |input| parse_entry(cx, input, key),
    )
}

fn parse_entry(
    cx: &Ctxt,
    input: syn::parse::ParseStream,
    key: &Ident,
) -> syn::Result<Option<ExtensionEntry>> {
    if stray_comma(cx, input, "an extension") {
        return Ok(None);
    }
    if !peek_lit_str(input) {
        let tokens = skip_to_comma(input)?;
        cx.error_spanned_by(
            tokens,
            format!(
                "expected `\"x-...\" = value` in `{key}(...)`; extension keys are string literals"
            ),
        );
        return Ok(None);
    }
    let name: LitStr = input.parse()?;
    let name_ok = check_no_suffix(cx, &name, name.suffix());
    if !input.peek(Token![=]) {
        let rest = skip_to_comma(input)?;
        cx.error_spanned_by(
            quote::quote!(#name #rest),
            format!("expected a value: `\"{}\" = ...`", name.value()),
        );
        return Ok(None);
    }
    input.parse::<Token![=]>()?;
    let negative: Option<Token![-]> = input.parse()?;
    let value = if negative.is_none() && peek_lit_str(input) {
        let lit: LitStr = input.parse()?;
        check_no_suffix(cx, &lit, lit.suffix()).then_some(ExtensionLit::Str(lit))
    } else if negative.is_none() && input.peek(LitBool) {
        Some(ExtensionLit::Bool(input.parse()?))
    } else if input.peek(LitInt) {
        let lit: LitInt = input.parse()?;
        check_no_suffix(cx, &lit, lit.suffix()).then_some(ExtensionLit::Int { negative, lit })
    } else if input.peek(LitFloat) {
        let lit: LitFloat = input.parse()?;
        check_no_suffix(cx, &lit, lit.suffix()).then_some(ExtensionLit::Float { negative, lit })
    } else {
        let tokens = skip_to_comma(input)?;
        let shown = if tokens.is_empty() {
            quote::quote!(#name)
        } else {
            quote::quote!(#negative #tokens)
        };
        cx.error_spanned_by(
            shown,
            "expected an extension value: a string, an integer, a float, `true` or `false`",
        );
        None
    };
    if !input.is_empty() && !input.peek(Token![,]) {
        let rest = skip_to_comma(input)?;
        cx.error_spanned_by(rest, "expected `,` after the extension value");
        return Ok(None);
    }
    Ok(value
        .filter(|_| name_ok)
        .map(|value| ExtensionEntry { key: name, value }))
}
