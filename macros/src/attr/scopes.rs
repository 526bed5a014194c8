//! `scopes("name" = "description", ..)`: OAuth scope maps. syn's nested-meta grammar wants
//! identifiers as keys, so this list is parsed by hand, keeping every literal's span.

use syn::meta::ParseNestedMeta;
use syn::parse::ParseStream;
use syn::{Ident, LitStr, Token};

use super::common::{check_no_suffix, list, peek_lit_str, skip_to_comma, stray_comma};
use crate::ctxt::Ctxt;

/// One `"name" = "description"` entry.
pub(crate) struct ScopeEntry {
    pub(crate) name: LitStr,
    pub(crate) description: LitStr,
}

/// Reads `scopes("a" = "A", ..)`; `scopes()` is an empty map.
pub(crate) fn parse(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    key: &Ident,
) -> syn::Result<Option<Vec<ScopeEntry>>> {
    list(
        cx,
        meta,
        key,
        &format!("{key}(\"name\" = \"description\", ...)"),
        |input| parse_entry(cx, input),
    )
}

fn parse_entry(cx: &Ctxt, input: ParseStream) -> syn::Result<Option<ScopeEntry>> {
    // scopes("read" = "Read items",, "write" = "..")
    if stray_comma(cx, input, "a scope") {
        return Ok(None);
    }
    if !peek_lit_str(input) {
        let tokens = skip_to_comma(input)?;
        cx.error_spanned_by(
            tokens,
            "expected a scope as `\"name\" = \"description\"`; scope names are string literals",
        );
        return Ok(None);
    }
    let name: LitStr = input.parse()?;
    let name_ok = check_no_suffix(cx, &name, name.suffix());
    if !input.peek(Token![=]) {
        let rest = skip_to_comma(input)?;
        cx.error_spanned_by(
            quote::quote!(#name #rest),
            format!(
                "missing description for scope `{}`; write `\"{}\" = \"...\"`",
                name.value(),
                name.value()
            ),
        );
        return Ok(None);
    }
    input.parse::<Token![=]>()?;
    if !peek_lit_str(input) {
        let tokens = skip_to_comma(input)?;
        let shown = if tokens.is_empty() {
            quote::quote!(#name)
        } else {
            tokens
        };
        cx.error_spanned_by(
            shown,
            format!(
                "expected the description of scope `{}` to be a string: `\"{}\" = \"...\"`",
                name.value(),
                name.value()
            ),
        );
        return Ok(None);
    }
    let description: LitStr = input.parse()?;
    let description_ok = check_no_suffix(cx, &description, description.suffix());
    if !input.is_empty() && !input.peek(Token![,]) {
        let rest = skip_to_comma(input)?;
        cx.error_spanned_by(rest, "expected `,` after the scope description");
        return Ok(None);
    }
    Ok((name_ok && description_ok).then_some(ScopeEntry { name, description }))
}
