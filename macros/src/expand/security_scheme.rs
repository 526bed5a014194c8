//! The impl of `SecurityScheme` for a validated declaration: `'static` data built through the
//! runtime's `const fn` constructors, nothing computed at startup.

use proc_macro2::{Literal, TokenStream};
use quote::{format_ident, quote};
use syn::{Generics, Ident, ImplGenerics, TypeGenerics, WhereClause, parse_quote};

use super::krate::wrap_in_const;
use crate::model::{
    ApiKeyLocation, Extension, ExtensionValue, Flow, FlowKind, FlowUrls, Http, Kind, Scheme,
    Version,
};

/// The impl for `scheme`, wrapped in `const _`.
pub(crate) fn expand(scheme: &Scheme) -> TokenStream {
    let krate = &scheme.krate;
    let private = quote!(#krate::__private);
    let ident = scheme.ident;
    let (impl_generics, ty_generics, where_clause) = impl_header_generics(ident, scheme.generics);
    let name = &scheme.name;
    let scopes = &scheme.scopes;
    let min_version = version(&private, scheme.min_version);
    let (credentials, config_type, config) = credentials(&private, &scheme.kind);
    let roles = scheme.roles.then(|| quote!(.roles()));
    let body = openapi_body(&private, scheme);
    wrap_in_const(&quote! {
        #[automatically_derived]
        impl #impl_generics #krate::SecurityScheme for #ident #ty_generics #where_clause {
            const DECLARATION: #private::Declaration =
                #private::Declaration::new(#name, &[#(#scopes),*], #min_version)#roles;
            type Credentials = #credentials;
            const CONFIG: #config_type = #config;
            const OPENAPI: #private::openapi::SecurityScheme = { #body };
        }
    })
}

/// The generics of the impl header. A generic type implements the trait only where it meets
/// the trait's `Send + Sync + 'static` supertraits, whatever its parameters are.
pub(crate) fn impl_header_generics<'g>(
    ident: &Ident,
    generics: &'g Generics,
) -> (ImplGenerics<'g>, TypeGenerics<'g>, Option<WhereClause>) {
    let (impl_generics, ty_generics, where_clause) = generics.split_for_impl();
    if generics.params.is_empty() {
        return (impl_generics, ty_generics, where_clause.cloned());
    }
    let mut where_clause = where_clause.cloned().unwrap_or_else(|| WhereClause {
        where_token: <syn::Token![where]>::default(),
        predicates: syn::punctuated::Punctuated::new(),
    });
    where_clause.predicates.push(parse_quote! {
        #ident #ty_generics: ::core::marker::Send + ::core::marker::Sync + 'static
    });
    (impl_generics, ty_generics, Some(where_clause))
}

fn version(private: &TokenStream, version: Version) -> TokenStream {
    match version {
        Version::V3_0 => quote!(#private::OpenApiVersion::V3_0),
        Version::V3_1 => quote!(#private::OpenApiVersion::V3_1),
        Version::V3_2 => quote!(#private::OpenApiVersion::V3_2),
    }
}

/// `(Credentials, Config type, CONFIG)` of each kind.
fn credentials(private: &TokenStream, kind: &Kind) -> (TokenStream, TokenStream, TokenStream) {
    let unit = || (quote!(()), quote!(()));
    let (credentials, (config_type, config)) = match kind {
        Kind::OAuth2 { .. } | Kind::OpenIdConnect { .. } | Kind::Http(Http::Bearer { .. }) => {
            (quote!(#private::BearerToken), unit())
        }
        Kind::Http(Http::Basic { realm }) => {
            let realm = option_str(realm.as_deref());
            (
                quote!(#private::BasicCredentials),
                (
                    quote!(#private::BasicConfig),
                    quote!(#private::BasicConfig::new(#realm)),
                ),
            )
        }
        Kind::Http(Http::Digest) => (quote!(#private::DigestCredentials), unit()),
        Kind::Http(Http::Custom { scheme }) => (
            quote!(#private::HttpCredentials),
            (
                quote!(#private::HttpConfig),
                quote!(#private::HttpConfig::new(#scheme)),
            ),
        ),
        Kind::ApiKey { location, name } => {
            let location = api_key_location(private, *location);
            (
                quote!(#private::ApiKey),
                (
                    quote!(#private::ApiKeyConfig),
                    quote!(#private::ApiKeyConfig::new(#location, #name)),
                ),
            )
        }
        Kind::MutualTls => (quote!(#private::ClientCertificate), unit()),
    };
    (credentials, config_type, config)
}

fn api_key_location(private: &TokenStream, location: ApiKeyLocation) -> TokenStream {
    match location {
        ApiKeyLocation::Header => quote!(#private::ApiKeyLocation::Header),
        ApiKeyLocation::Query => quote!(#private::ApiKeyLocation::Query),
        ApiKeyLocation::Cookie => quote!(#private::ApiKeyLocation::Cookie),
    }
}

/// `Some("..")` / `None` for an `Option<&'static str>` argument.
fn option_str(value: Option<&str>) -> TokenStream {
    if let Some(value) = value {
        quote!(::core::option::Option::Some(#value))
    } else {
        quote!(::core::option::Option::None)
    }
}

/// `Some(Text::Borrowed(".."))` / `None` for an `Option<Text>` field.
fn option_text(private: &TokenStream, value: Option<&str>) -> TokenStream {
    if let Some(value) = value {
        quote!(::core::option::Option::Some(#private::Text::Borrowed(#value)))
    } else {
        quote!(::core::option::Option::None)
    }
}

/// Slices with elements that need drop glue cannot be borrowed from inside a `static`'s
/// initializer, so each non-empty list becomes a `const` item of its own.
struct Lists {
    items: Vec<TokenStream>,
}

impl Lists {
    fn push(&mut self, name: &str, ty: &TokenStream, elements: &[TokenStream]) -> TokenStream {
        if elements.is_empty() {
            return quote!(&[]);
        }
        let ident = format_ident!("__{}", name);
        self.items.push(quote! {
            const #ident: &[#ty] = &[#(#elements),*];
        });
        quote!(#ident)
    }
}

fn openapi_body(private: &TokenStream, scheme: &Scheme) -> TokenStream {
    let mut lists = Lists { items: Vec::new() };
    let kind = kind(private, &scheme.kind, &mut lists);
    let description = option_str(scheme.description.as_deref());
    let deprecated = scheme.deprecated;
    let extensions = extensions(private, &scheme.extensions, "EXTENSIONS", &mut lists);
    let items = &lists.items;
    quote! {
        #(#items)*
        #private::openapi::SecurityScheme::declared(#kind, #description, #deprecated, #extensions)
    }
}

fn extensions(
    private: &TokenStream,
    extensions: &[Extension],
    name: &str,
    lists: &mut Lists,
) -> TokenStream {
    let elements: Vec<TokenStream> = extensions
        .iter()
        .map(|extension| {
            let key = &extension.key;
            let value = extension_value(private, &extension.value);
            quote!(#private::Extension::new(#key, #value))
        })
        .collect();
    lists.push(name, &quote!(#private::Extension), &elements)
}

fn extension_value(private: &TokenStream, value: &ExtensionValue) -> TokenStream {
    match value {
        ExtensionValue::Str(value) => quote!(#private::ExtensionValue::str(#value)),
        ExtensionValue::Bool(value) => quote!(#private::ExtensionValue::Bool(#value)),
        ExtensionValue::Int(value) => {
            let literal = Literal::u64_unsuffixed(value.unsigned_abs());
            if *value < 0 {
                quote!(#private::ExtensionValue::Int(-#literal))
            } else {
                quote!(#private::ExtensionValue::Int(#literal))
            }
        }
        ExtensionValue::Float(value) => {
            let literal = Literal::f64_unsuffixed(value.abs());
            if value.is_sign_negative() {
                quote!(#private::ExtensionValue::Float(-#literal))
            } else {
                quote!(#private::ExtensionValue::Float(#literal))
            }
        }
    }
}

fn kind(private: &TokenStream, kind: &Kind, lists: &mut Lists) -> TokenStream {
    match kind {
        Kind::OAuth2 {
            flows,
            flows_extensions,
            metadata_url,
        } => {
            let slots = FlowKind::ALL.map(|slot| {
                if let Some(flow) = flows.iter().find(|flow| flow.urls.kind() == slot) {
                    let flow = self::flow(private, flow, lists);
                    quote!(::core::option::Option::Some(#flow))
                } else {
                    quote!(::core::option::Option::None)
                }
            });
            let flows_extensions = extensions(private, flows_extensions, "FLOWS_EXTENSIONS", lists);
            let metadata_url = option_text(private, metadata_url.as_deref());
            quote! {
                #private::SecuritySchemeKind::OAuth2 {
                    flows: #private::OAuthFlows::declared(#(#slots,)* #flows_extensions),
                    metadata_url: #metadata_url,
                }
            }
        }
        Kind::OpenIdConnect { url } => quote! {
            #private::SecuritySchemeKind::OpenIdConnect {
                url: #private::Text::Borrowed(#url),
            }
        },
        Kind::ApiKey { location, name } => {
            let location = api_key_location(private, *location);
            quote! {
                #private::SecuritySchemeKind::ApiKey {
                    name: #private::Text::Borrowed(#name),
                    location: #location,
                }
            }
        }
        Kind::Http(http) => {
            let (scheme, format) = match http {
                Http::Basic { .. } => ("basic".to_owned(), None),
                Http::Bearer { format } => ("bearer".to_owned(), format.as_deref()),
                Http::Digest => ("digest".to_owned(), None),
                Http::Custom { scheme } => (scheme.to_ascii_lowercase(), None),
            };
            let format = option_text(private, format);
            quote! {
                #private::SecuritySchemeKind::Http {
                    scheme: #private::Text::Borrowed(#scheme),
                    bearer_format: #format,
                }
            }
        }
        Kind::MutualTls => quote!(#private::SecuritySchemeKind::MutualTls),
    }
}

fn flow(private: &TokenStream, flow: &Flow, lists: &mut Lists) -> TokenStream {
    let (kind, name, authorization_url, device_authorization_url, token_url) = match &flow.urls {
        FlowUrls::Implicit { authorization_url } => (
            quote!(Implicit),
            "IMPLICIT",
            Some(authorization_url),
            None,
            None,
        ),
        FlowUrls::Password { token_url } => {
            (quote!(Password), "PASSWORD", None, None, Some(token_url))
        }
        FlowUrls::ClientCredentials { token_url } => (
            quote!(ClientCredentials),
            "CLIENT_CREDENTIALS",
            None,
            None,
            Some(token_url),
        ),
        FlowUrls::AuthorizationCode {
            authorization_url,
            token_url,
        } => (
            quote!(AuthorizationCode),
            "AUTHORIZATION_CODE",
            Some(authorization_url),
            None,
            Some(token_url),
        ),
        FlowUrls::DeviceAuthorization {
            device_authorization_url,
            token_url,
        } => (
            quote!(DeviceAuthorization),
            "DEVICE_AUTHORIZATION",
            None,
            Some(device_authorization_url),
            Some(token_url),
        ),
    };
    let authorization_url = option_str(authorization_url.map(String::as_str));
    let device_authorization_url = option_str(device_authorization_url.map(String::as_str));
    let token_url = option_str(token_url.map(String::as_str));
    let refresh_url = option_str(flow.refresh_url.as_deref());
    let scopes: Vec<TokenStream> = flow
        .scopes
        .iter()
        .map(|(name, description)| quote!(#private::Scope::new(#name, #description)))
        .collect();
    let scopes = lists.push(&format!("{name}_SCOPES"), &quote!(#private::Scope), &scopes);
    let extensions = extensions(
        private,
        &flow.extensions,
        &format!("{name}_EXTENSIONS"),
        lists,
    );
    quote! {
        #private::OAuthFlow::declared(
            #private::FlowKind::#kind,
            #authorization_url,
            #device_authorization_url,
            #token_url,
            #refresh_url,
            #scopes,
            #extensions,
        )
    }
}
