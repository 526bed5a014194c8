//! `scopes!(Scheme: "a", "b")`: the type `Scopes<Scheme, (a, b)>`, whose every name is looked
//! up in a `const` block of its own, where an undeclared name is a compile error pointing at
//! its literal.

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};
use quote::{ToTokens, quote, quote_spanned};
use syn::parse::{Parse, ParseStream};
use syn::{LitStr, Token, Type};

use super::krate::default_path;
use crate::attr::common::peek_lit_str;

/// The macro's input: `Type` then, optionally, `:` and string literals. A mistake after the
/// type is kept in `error`, so that the expansion can still be the scheme's empty `Scopes`
/// type: one mistake, one error.
struct Input {
    ty: Type,
    names: syn::Result<Vec<LitStr>>,
}

impl Parse for Input {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let ty: Type = input.parse()?;
        let names = names(input);
        if names.is_err() {
            // Skip what could not be read, so that `parse2` accepts the input.
            input.step(|cursor| {
                let mut rest = *cursor;
                while let Some((_, next)) = rest.token_tree() {
                    rest = next;
                }
                Ok(((), rest))
            })?;
        }
        Ok(Self { ty, names })
    }
}

/// `: "a", "b"`, or nothing.
fn names(input: ParseStream) -> syn::Result<Vec<LitStr>> {
    {
        let mut names = Vec::new();
        if input.is_empty() {
            return Ok(names);
        }
        if !input.peek(Token![:]) {
            return Err(input
                .error("expected `:` after the scheme type: `scopes!(Scheme: \"scope\", ...)`"));
        }
        input.parse::<Token![:]>()?;
        while !input.is_empty() {
            if !peek_lit_str(input) {
                return Err(input.error(
                    "expected a scope name as a string literal: `scopes!(Scheme: \"scope\", ...)`",
                ));
            }
            let lit: LitStr = input.parse()?;
            if !lit.suffix().is_empty() {
                return Err(syn::Error::new_spanned(
                    &lit,
                    format!("unexpected suffix `{}` on literal; remove it", lit.suffix()),
                ));
            }
            names.push(lit);
            if input.is_empty() {
                break;
            }
            input.parse::<Token![,]>()?;
        }
        Ok(names)
    }
}

/// Expands `scopes!(..)` to the type `Scopes<Scheme, (marker, ..)>`.
pub(crate) fn expand(input: TokenStream) -> TokenStream {
    let Input { ty, names } = match syn::parse2(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    let krate = default_path();
    let names = names.and_then(|names| {
        if let Some(extra) = names.get(MAX_NAMES) {
            return Err(syn::Error::new_spanned(
                extra,
                format!(
                    "`scopes!` takes at most {MAX_NAMES} scopes; an operation that needs more can require them in two `Verified` extractors"
                ),
            ));
        }
        Ok(names)
    });
    let names = match names {
        Ok(names) => names,
        Err(error) => {
            // `compile_error!` in type position stands for `()`, the empty scope list: the
            // type stays well-formed, so the mistake is the only error.
            let error = error.to_compile_error();
            return quote!(#krate::Scopes<#ty, #error>);
        }
    };
    let scheme = compact(ty.to_token_stream());
    // Each name is looked up in a `const` block of its own, spanned at its literal: const
    // evaluation stops at the first panic of a constant, so one block per name reports every
    // undeclared name, each under its own literal. The index it yields selects the marker
    // type the derive generated for that scope.
    // The path is written out here rather than interpolated: interpolated tokens keep their
    // call-site span, which would stretch the call's span over the whole invocation.
    if names.is_empty() {
        return quote!(#krate::Scopes<#ty, ()>);
    }
    let indices = names.iter().map(|name| {
        quote_spanned! {name.span()=>
            { ::authscheme::__private::scope_index::<#ty>(#scheme, #name) }
        }
    });
    // `__private::ScopesN<S, {i}, ..>` is `Scopes<S, (<S as ScopeMarker<i>>::Marker, ..)>`.
    let alias = syn::Ident::new(
        &format!("Scopes{}", names.len()),
        proc_macro2::Span::call_site(),
    );
    quote!(#krate::__private::#alias<#ty, #(#indices),*>)
}

/// The most names one `scopes!` takes: `ScopeList` is implemented for tuples up to 12.
const MAX_NAMES: usize = 12;

/// Tokens as a user would write them: `a::B<C>` rather than `a :: B < C >`.
fn compact(tokens: TokenStream) -> String {
    let mut text = String::new();
    let mut previous_word = false;
    for tree in tokens {
        match tree {
            TokenTree::Group(group) => {
                let (open, close) = match group.delimiter() {
                    Delimiter::Parenthesis => ("(", ")"),
                    Delimiter::Bracket => ("[", "]"),
                    Delimiter::Brace => ("{", "}"),
                    Delimiter::None => ("", ""),
                };
                text.push_str(open);
                text.push_str(&compact(group.stream()));
                text.push_str(close);
                previous_word = false;
            }
            TokenTree::Punct(punct) => {
                text.push(punct.as_char());
                if punct.as_char() == ','
                    || (punct.as_char() == ';' && punct.spacing() == Spacing::Alone)
                {
                    text.push(' ');
                }
                previous_word = false;
            }
            TokenTree::Ident(ident) => {
                if previous_word {
                    text.push(' ');
                }
                text.push_str(&ident.to_string());
                previous_word = true;
            }
            TokenTree::Literal(literal) => {
                if previous_word {
                    text.push(' ');
                }
                text.push_str(&literal.to_string());
                previous_word = true;
            }
        }
    }
    text
}

#[cfg(test)]
mod tests {
    use super::{compact, expand};
    use quote::quote;

    #[test]
    fn compact_type_names() {
        assert_eq!(compact(quote!(ItemsAuth)), "ItemsAuth");
        assert_eq!(
            compact(quote!(crate::auth::Items<u8, [u8; 2]>)),
            "crate::auth::Items<u8, [u8; 2]>"
        );
        assert_eq!(compact(quote!(dyn Fn() -> u8)), "dyn Fn()->u8");
    }

    #[test]
    fn empty_set() {
        let tokens = expand(quote!(ItemsAuth));
        assert_eq!(
            tokens.to_string(),
            quote!(::authscheme::Scopes<ItemsAuth, ()>).to_string()
        );
        assert_eq!(expand(quote!(ItemsAuth:)).to_string(), tokens.to_string());
    }

    #[test]
    fn names_become_spanned_lookups() {
        let tokens = expand(quote!(ItemsAuth: "items:read", "items:write",)).to_string();
        assert!(
            tokens.starts_with(":: authscheme :: __private :: Scopes2 < ItemsAuth"),
            "{tokens}"
        );
        assert_eq!(tokens.matches("scope_index").count(), 2, "{tokens}");
        assert!(
            tokens.contains("\"ItemsAuth\" , \"items:write\""),
            "{tokens}"
        );
    }

    #[test]
    fn at_most_twelve_names() {
        let names = (0..13).map(|i| format!("s{i}"));
        let tokens = expand(quote!(ItemsAuth: #(#names),*)).to_string();
        assert!(tokens.contains("takes at most 12 scopes"), "{tokens}");
    }

    #[test]
    fn errors() {
        let message = |input| expand(input).to_string();
        assert!(message(quote!(ItemsAuth "a")).contains("expected `:` after the scheme type"));
        assert!(
            message(quote!(ItemsAuth: read)).contains("expected a scope name as a string literal")
        );
        assert!(message(quote!(ItemsAuth: "a"x)).contains("unexpected suffix `x`"));
    }
}
