//! The stand-in impl emitted next to `compile_error!`s: it keeps the user's other uses of the
//! scheme (`S::NAME`, `Auth<S>`, `scopes!(S: ..)`) from adding errors of their own.

use proc_macro2::TokenStream;
use quote::quote;
use syn::Path;
use syn::ext::IdentExt as _;

use super::krate::default_path;
use super::security_scheme::impl_header_generics;
use crate::attr::{Input, KindAttr};
use crate::symbol::{BASIC, BEARER, DIGEST};

/// The stand-in for `input`, with the credentials type its kind attribute suggests.
pub(crate) fn expand(input: &Input) -> TokenStream {
    let original = input.original;
    let kind = input.kinds.first();
    let krate: Path = kind
        .and_then(|kind| kind.common().krate.get())
        .and_then(|lit| lit.parse().ok())
        .unwrap_or_else(default_path);
    let private = quote!(#krate::__private);
    let ident = &original.ident;
    let name = ident.unraw().to_string();
    let (impl_generics, ty_generics, where_clause) =
        impl_header_generics(ident, &original.generics);
    let (credentials, config_type, config) = credentials(&private, kind);
    // API keys: where the key travels is unknown, so nothing is refused by `AllOf`'s check.
    let api_key_header = matches!(kind, Some(KindAttr::ApiKey(_))).then(|| {
        quote! {
            #[automatically_derived]
            #[allow(unused_qualifications, clippy::absolute_paths)]
            impl #impl_generics #krate::compose::ApiKeyHeader for #ident #ty_generics #where_clause {
                type Authorization = #krate::compose::Elsewhere;
            }
        }
    });
    quote! {
        #api_key_header
        #[automatically_derived]
        #[allow(unused_qualifications, clippy::absolute_paths)]
        impl #impl_generics #krate::SecurityScheme for #ident #ty_generics #where_clause {
            const DECLARATION: #private::Declaration =
                #private::Declaration::new(#name, &[], #private::OpenApiVersion::V3_0).errored();
            type Credentials = #credentials;
            const CONFIG: #config_type = #config;
            // A placeholder: the build fails on the `compile_error!` beside this impl.
            const OPENAPI: #private::openapi::SecurityScheme = #private::openapi::SecurityScheme::declared(
                #private::SecuritySchemeKind::MutualTls,
                ::core::option::Option::None,
                false,
                &[],
            );
        }
    }
}

/// `(Credentials, Config type, CONFIG)` for the kind as far as it could be read.
fn credentials(
    private: &TokenStream,
    kind: Option<&KindAttr>,
) -> (TokenStream, TokenStream, TokenStream) {
    let bearer = (quote!(#private::BearerToken), quote!(()), quote!(()));
    match kind {
        Some(KindAttr::ApiKey(_)) => (
            quote!(#private::ApiKey),
            quote!(#private::ApiKeyConfig),
            quote!(#private::ApiKeyConfig::new(#private::ApiKeyLocation::Header, "")),
        ),
        Some(KindAttr::MutualTls(_)) => {
            (quote!(#private::ClientCertificate), quote!(()), quote!(()))
        }
        Some(KindAttr::Http(http)) => match http.schemes.first() {
            Some(choice) if choice.key == BASIC => (
                quote!(#private::BasicCredentials),
                quote!(#private::BasicConfig),
                quote!(#private::BasicConfig::new(::core::option::Option::None, "Basic")),
            ),
            Some(choice) if choice.key == DIGEST => {
                (quote!(#private::DigestCredentials), quote!(()), quote!(()))
            }
            Some(choice) if choice.key == BEARER => bearer,
            _ => (
                quote!(#private::HttpCredentials),
                quote!(#private::HttpConfig),
                quote!(#private::HttpConfig::new("", "")),
            ),
        },
        _ => bearer,
    }
}
