//! The impl of `SecurityScheme` for a validated declaration.
//!
//! The derive only states what was declared, in one invocation of the runtime's
//! `__private::impl_security_scheme!`; that `macro_rules!` macro writes the impl, with
//! `'static` data built through `const fn`s and struct literals, nothing computed at startup.
//! Emitting few tokens here is what keeps many declarations cheap to compile (see
//! `runtime/src/private/derive.rs` for the grammar and the reason).

use proc_macro2::{Literal, TokenStream};
use quote::quote;
use syn::{Generics, Ident, ImplGenerics, TypeGenerics, WhereClause, parse_quote};

use crate::model::{
    ApiKeyLocation, Extension, ExtensionValue, Flow, FlowKind, FlowUrls, Http, Kind, Scheme,
    Version,
};

/// The `impl_security_scheme!` invocation for `scheme`.
pub(crate) fn expand(scheme: &Scheme) -> TokenStream {
    let krate = &scheme.krate;
    let ident = scheme.ident;
    let (impl_generics, ty_generics, where_clause) = impl_header_generics(ident, scheme.generics);
    let name = &scheme.name;
    let scopes = &scheme.scopes;
    let min_version = version(scheme.min_version);
    let roles = scheme.roles.then(|| quote!(roles));
    let kind = kind(krate, &scheme.kind);
    let description = optional(scheme.description.as_deref());
    let deprecated = scheme.deprecated;
    let extensions = extensions(krate, &scheme.extensions);
    let markers = scope_markers(scheme, &impl_generics, &ty_generics, where_clause.as_ref());
    quote! {
        #markers
        #krate::__private::impl_security_scheme! {
            [
                [#impl_generics] #ident [#ty_generics] [#where_clause]
                #name [#(#scopes),*] #min_version [#roles]
                [#description #deprecated #extensions]
            ]
            #kind
        }
    }
}

/// One marker type per declared scope (or role), for `scopes!(Scheme: "name")`: the type
/// that names the scope in a requirement's type, so that compiler messages show
/// `Scopes<Scheme, (ScopeAt<0, items_read>,)>`. The markers live in an anonymous `const` block,
/// where their names cannot clash with the user's items; `scopes!` reaches each one through
/// `ScopeMarker<INDEX>`, implemented on the scheme: one impl per scope, as each impl costs
/// compile time.
fn scope_markers(
    scheme: &Scheme,
    impl_generics: &ImplGenerics,
    ty_generics: &TypeGenerics,
    where_clause: Option<&WhereClause>,
) -> TokenStream {
    if scheme.scopes.is_empty() {
        return TokenStream::new();
    }
    let krate = &scheme.krate;
    let ident = scheme.ident;
    // No doc comments: the markers are not reachable by path, so rustdoc never shows them.
    let markers = marker_idents(&scheme.scopes)
        .into_iter()
        .enumerate()
        .map(|(index, marker)| {
            let index = u32::try_from(index).expect("validation allows at most 128 scopes");
            quote! {
                #[allow(non_camel_case_types)]
                pub struct #marker;
                impl #impl_generics #krate::__private::ScopeMarker<#index> for #ident #ty_generics #where_clause {
                    type Marker = #marker;
                }
            }
        });
    quote! {
        #[allow(unused_qualifications, clippy::absolute_paths)]
        const _: () = { #(#markers)* };
    }
}

/// The marker type names of `scopes`: each name with every character outside
/// `[A-Za-z0-9_]` replaced by `_` (`items:read` → `items_read`), `_` in front of a leading
/// digit, `_` after a keyword, and the scope's index after a name taken by an earlier scope.
fn marker_idents(scopes: &[String]) -> Vec<Ident> {
    let mut taken = std::collections::HashSet::new();
    scopes
        .iter()
        .enumerate()
        .map(|(index, scope)| {
            let mut name: String = scope
                .chars()
                .map(|c| if c.is_ascii_alphanumeric() { c } else { '_' })
                .collect();
            if name.is_empty() || name.starts_with(|c: char| c.is_ascii_digit()) {
                name.insert(0, '_');
            }
            if name == "_" || syn::parse_str::<Ident>(&name).is_err() {
                name.push('_');
            }
            while !taken.insert(name.clone()) {
                name = format!("{name}_{index}");
            }
            Ident::new(&name, proc_macro2::Span::call_site())
        })
        .collect()
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

fn version(version: Version) -> Ident {
    let name = match version {
        Version::V3_0 => "V3_0",
        Version::V3_1 => "V3_1",
        Version::V3_2 => "V3_2",
    };
    Ident::new(name, proc_macro2::Span::call_site())
}

/// `None` or `Some("text")`: an optional string, as `impl_security_scheme!` reads it.
fn optional(value: Option<&str>) -> TokenStream {
    if let Some(value) = value {
        quote!(Some(#value))
    } else {
        quote!(None)
    }
}

/// The kind and its fields, as `impl_security_scheme!` reads them.
fn kind(krate: &syn::Path, kind: &Kind) -> TokenStream {
    match kind {
        Kind::OAuth2 {
            flows,
            flows_extensions,
            metadata_url,
        } => {
            let slots = FlowKind::ALL.map(|slot| {
                flows
                    .iter()
                    .find(|flow| flow.urls.kind() == slot)
                    .map_or_else(|| quote!([]), |flow| self::flow(krate, flow))
            });
            let flows_extensions = extensions(krate, flows_extensions);
            let metadata_url = optional(metadata_url.as_deref());
            quote!(oauth2 [#(#slots),*] #flows_extensions #metadata_url)
        }
        Kind::OpenIdConnect { url } => quote!(openid_connect #url),
        Kind::ApiKey { location, name } => {
            // An API key in `Authorization` cannot be combined with another scheme there
            // (`AllOf`'s check, which reads this as a type).
            let uses = if matches!(location, ApiKeyLocation::Header)
                && name.eq_ignore_ascii_case("authorization")
            {
                "InAuthorization"
            } else {
                "Elsewhere"
            };
            let uses = Ident::new(uses, proc_macro2::Span::call_site());
            let location = match location {
                // The lowercased name builds the `HeaderName` the lookup uses (header names
                // are case-insensitive; `HeaderName::from_static` takes them lowercase).
                ApiKeyLocation::Header => {
                    let header_name = name.to_ascii_lowercase();
                    return quote!(api_key Header #name #uses #header_name);
                }
                ApiKeyLocation::Query => "Query",
                ApiKeyLocation::Cookie => "Cookie",
            };
            let location = Ident::new(location, proc_macro2::Span::call_site());
            quote!(api_key #location #name #uses)
        }
        Kind::Http(Http::Basic { realm }) => {
            // The challenge is finished here, so that the runtime sends a literal.
            let challenge = authscheme_grammar::challenge::basic(realm.as_deref());
            let realm = optional(realm.as_deref());
            quote!(http_basic #realm #challenge)
        }
        Kind::Http(Http::Bearer { format }) => {
            let format = optional(format.as_deref());
            quote!(http_bearer #format)
        }
        Kind::Http(Http::Digest) => quote!(http_digest),
        Kind::Http(Http::Custom { scheme }) => {
            let lowercase = scheme.to_ascii_lowercase();
            let challenge = authscheme_grammar::challenge::custom(scheme);
            quote!(http_custom #scheme #lowercase #challenge)
        }
        Kind::MutualTls => quote!(mutual_tls),
    }
}

/// One flow slot: `[Kind [authorization] [device] [token] [refresh] [scopes] [extensions]]`.
fn flow(krate: &syn::Path, flow: &Flow) -> TokenStream {
    let (kind, authorization_url, device_authorization_url, token_url) = match &flow.urls {
        FlowUrls::Implicit { authorization_url } => {
            ("Implicit", Some(authorization_url), None, None)
        }
        FlowUrls::Password { token_url } => ("Password", None, None, Some(token_url)),
        FlowUrls::ClientCredentials { token_url } => {
            ("ClientCredentials", None, None, Some(token_url))
        }
        FlowUrls::AuthorizationCode {
            authorization_url,
            token_url,
        } => (
            "AuthorizationCode",
            Some(authorization_url),
            None,
            Some(token_url),
        ),
        FlowUrls::DeviceAuthorization {
            device_authorization_url,
            token_url,
        } => (
            "DeviceAuthorization",
            None,
            Some(device_authorization_url),
            Some(token_url),
        ),
    };
    let kind = Ident::new(kind, proc_macro2::Span::call_site());
    let authorization_url = optional(authorization_url.map(String::as_str));
    let device_authorization_url = optional(device_authorization_url.map(String::as_str));
    let token_url = optional(token_url.map(String::as_str));
    let refresh_url = optional(flow.refresh_url.as_deref());
    let scopes = flow
        .scopes
        .iter()
        .map(|(name, description)| quote!((#name, #description)));
    let extensions = extensions(krate, &flow.extensions);
    quote! {
        [#kind #authorization_url #device_authorization_url #token_url #refresh_url
            [#(#scopes),*] #extensions]
    }
}

/// `[("x-key", Variant(value)), ..]`.
fn extensions(krate: &syn::Path, extensions: &[Extension]) -> TokenStream {
    let elements = extensions.iter().map(|extension| {
        let key = &extension.key;
        let value = extension_value(krate, &extension.value);
        quote!((#key, #value))
    });
    quote!([#(#elements),*])
}

fn extension_value(krate: &syn::Path, value: &ExtensionValue) -> TokenStream {
    match value {
        // A struct literal rather than `ExtensionValue::str`, so the list stays promotable.
        ExtensionValue::Str(value) => {
            quote!(Str(#krate::__private::Text::Borrowed(#value)))
        }
        ExtensionValue::Bool(value) => quote!(Bool(#value)),
        ExtensionValue::Int(value) => {
            let literal = Literal::u64_unsuffixed(value.unsigned_abs());
            if *value < 0 {
                quote!(Int(-#literal))
            } else {
                quote!(Int(#literal))
            }
        }
        ExtensionValue::Float(value) => {
            let literal = Literal::f64_unsuffixed(value.abs());
            if value.is_sign_negative() {
                quote!(Float(-#literal))
            } else {
                quote!(Float(#literal))
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::marker_idents;

    #[test]
    fn marker_names_are_unique_idents() {
        let scopes = [
            "items:read",
            "items.read",
            "me",
            "1st",
            "type",
            "_",
            "https://x/.default",
        ]
        .map(String::from);
        let names: Vec<String> = marker_idents(&scopes)
            .iter()
            .map(ToString::to_string)
            .collect();
        assert_eq!(
            names,
            [
                "items_read",
                "items_read_1",
                "me",
                "_1st",
                "type_",
                "__",
                "https___x__default"
            ]
        );
    }
}
