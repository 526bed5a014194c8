//! `scopes!(Scheme: "a", "b")`: a `ScopeSet<Scheme>` computed in a `const` block, where an
//! undeclared name is a compile error pointing at its literal.

use proc_macro2::{Delimiter, Spacing, TokenStream, TokenTree};
use quote::{ToTokens, quote, quote_spanned};
use syn::parse::{Parse, ParseStream};
use syn::{LitStr, Token, Type};

use super::krate::default_path;

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
            if !input.peek(LitStr) {
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
    if names.is_empty() {
        return quote!(#private::ScopeSet::<#ty>::EMPTY);
    }
    let scheme = compact(ty.to_token_stream());
    // Each lookup carries its literal's span (all of its tokens but the user's type), so that
    // rustc's const-evaluation error points at the misspelt name.
    let bits = names.iter().map(|name| {
        quote_spanned! {name.span()=>
            ::authscheme::__private::scope_bit::<#ty>(#scheme, #name)
        }
    });
    quote! {
        const { #private::ScopeSet::<#ty>::from_bits(#(#bits)|*) }
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
            quote!(::authscheme::__private::ScopeSet::<ItemsAuth>::EMPTY).to_string()
        );
        assert_eq!(expand(quote!(ItemsAuth:)).to_string(), tokens.to_string());
    }

    #[test]
    fn names_become_spanned_lookups() {
        let tokens = expand(quote!(ItemsAuth: "items:read", "items:write",)).to_string();
        assert!(tokens.starts_with("const {"), "{tokens}");
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
