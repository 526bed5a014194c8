//! `scopes!(Scheme: "a", "b")`: a `ScopeSet<Scheme>` whose every name is looked up in a
//! `const` block of its own, where an undeclared name is a compile error pointing at its
//! literal.

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};
use quote::{ToTokens, quote, quote_spanned};
use syn::parse::{Parse, ParseStream};
use syn::{LitStr, Token, Type};

use super::krate::default_path;
use crate::attr::common::peek_lit_str;

/// The macro's input: `Type` then, optionally, `:` and string literals.
struct Input {
    ty: Type,
    names: Vec<LitStr>,
}

impl Parse for Input {
    fn parse(input: ParseStream) -> syn::Result<Self> {
        let ty: Type = input.parse()?;
        let mut names = Vec::new();
        if input.is_empty() {
            return Ok(Self { ty, names });
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
        Ok(Self { ty, names })
    }
}

/// Expands `scopes!(..)`.
pub(crate) fn expand(input: TokenStream) -> TokenStream {
    let Input { ty, names } = match syn::parse2(input) {
        Ok(input) => input,
        Err(error) => return error.to_compile_error(),
    };
    let krate = default_path();
    let private = quote!(#krate::__private);
    // The trait is asserted first, with the user's type tokens: when the type is not a scheme,
    // rustc reports that one obligation, and the later uses of the same tokens (the same span,
    // the same predicate) add nothing.
    let assertion = quote!(#private::assert_security_scheme::<#ty>());
    if names.is_empty() {
        return quote!({
            #assertion;
            #private::scope_set::<#ty>(0)
        });
    }
    let scheme = compact(ty.to_token_stream());
    // Each lookup is a `const` block of its own, spanned at its literal: const evaluation stops
    // at the first panic of a constant, so one block per name reports every undeclared name,
    // each under its own literal.
    // The path is written out here rather than interpolated: interpolated tokens keep their
    // call-site span, which would stretch the call's span over the whole invocation.
    let bits = names.iter().map(|name| {
        quote_spanned! {name.span()=>
            const { ::authscheme::__private::scope_bit::<#ty>(#scheme, #name) }
        }
    });
    quote! {
        {
            #assertion;
            #private::scope_set::<#ty>(#(#bits)|*)
        }
    }
}

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
            quote!({
                ::authscheme::__private::assert_security_scheme::<ItemsAuth>();
                ::authscheme::__private::scope_set::<ItemsAuth>(0)
            })
            .to_string()
        );
        assert_eq!(expand(quote!(ItemsAuth:)).to_string(), tokens.to_string());
    }

    #[test]
    fn names_become_spanned_lookups() {
        let tokens = expand(quote!(ItemsAuth: "items:read", "items:write",)).to_string();
        assert!(tokens.contains("assert_security_scheme"), "{tokens}");
        assert_eq!(tokens.matches("const {").count(), 2, "{tokens}");
        assert_eq!(tokens.matches("scope_bit").count(), 2, "{tokens}");
        assert!(
            tokens.contains("\"ItemsAuth\" , \"items:write\""),
            "{tokens}"
        );
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
