//! The impl of `SecurityScheme` for a declaration: the one place where the code a user gets
//! is written, for a validated declaration and, with placeholder values, for the stand-in
//! impl that `dummy` emits next to compile errors.
//!
//! The expansion is one anonymous `const _: () = { .. };` block, as serde's is: inside it,
//! `use <runtime>::__private::{self as __authscheme, None, Some};` names the runtime whatever
//! the user calls it (`crate = ".."`) in four tokens instead of nine per path, and imports
//! `Option`'s variants so that a user's own `None` cannot shadow them (one `use` item, as
//! each item of every expansion costs compile time). Everything the impl names is a
//! typed item of the runtime's `__private` module: `const fn`s whose parameters have distinct
//! types, and struct literals with named fields where several fields share a type (an OAuth
//! flow's URLs, a custom scheme's word and challenge), so that the two crates disagreeing
//! fails to build. The data is `'static`,
//! built at compile time: struct literals inside `&[..]`, which borrowing promotes in place.

use authscheme_grammar::challenge;
use proc_macro2::{Literal, Span, TokenStream};
use quote::quote;
use syn::{Generics, Ident, ImplGenerics, TypeGenerics, WhereClause, parse_quote};

use crate::model::{
    ApiKeyLocation, Extension, ExtensionValue, Flow, FlowKind, FlowUrls, Http, Kind, Scheme,
    Version,
};

/// Whether the impl is the real one or the stand-in of a declaration that failed to compile.
#[derive(Clone, Copy, PartialEq, Eq)]
pub(crate) enum Origin {
    Validated,
    /// The build fails on the `compile_error!`s beside the impl; the impl only keeps the
    /// user's other uses of the type from adding errors of their own.
    StandIn,
}

/// The expansion for `scheme`: its scope markers and its impls, in one `const` block.
pub(crate) fn expand(scheme: &Scheme, origin: Origin) -> TokenStream {
    let krate = &scheme.krate;
    let ident = scheme.ident;
    let (impl_generics, ty_generics, where_clause) = impl_header_generics(ident, scheme.generics);
    let header = ImplHeader {
        impl_generics: &impl_generics,
        ident,
        ty_generics: &ty_generics,
        where_clause: where_clause.as_ref(),
    };
    let declaration = declaration(scheme, origin);
    let Parts {
        credentials,
        config_type,
        config,
        openapi_kind,
    } = parts(&scheme.kind);
    let description = optional(scheme.description.as_deref());
    let deprecated = scheme.deprecated;
    let extensions = extensions(&scheme.extensions);
    let markers = scope_markers(scheme, &header);
    let api_key_header = api_key_header(&scheme.kind, &header);
    let ImplHeader {
        impl_generics,
        ident,
        ty_generics,
        where_clause,
    } = header;
    quote! {
        // `non_camel_case_types`: the scope markers are named after their scopes.
        #[allow(unused_imports, unused_qualifications, non_camel_case_types, clippy::absolute_paths)]
        const _: () = {
            use #krate::__private::{self as __authscheme, None, Some};
            #markers
            #api_key_header
            #[automatically_derived]
            impl #impl_generics __authscheme::SecurityScheme for #ident #ty_generics #where_clause {
                const DECLARATION: __authscheme::Declaration = #declaration;
                type Credentials = __authscheme::#credentials;
                const CONFIG: #config_type = #config;
                const OPENAPI: __authscheme::openapi::SecurityScheme =
                    __authscheme::openapi::SecurityScheme::declared(
                        #openapi_kind,
                        #description,
                        #deprecated,
                        #extensions,
                    );
            }
        };
    }
}

/// What every impl header of the expansion repeats.
struct ImplHeader<'a> {
    impl_generics: &'a ImplGenerics<'a>,
    ident: &'a Ident,
    ty_generics: &'a TypeGenerics<'a>,
    where_clause: Option<&'a WhereClause>,
}

/// `SecurityScheme::DECLARATION`: name, scopes (or roles), oldest OpenAPI version, and the
/// issuer and audience of bearer tokens when declared (for the JWT verifiers; they are not
/// OpenAPI fields, so `OPENAPI` never sees them).
fn declaration(scheme: &Scheme, origin: Origin) -> TokenStream {
    let name = &scheme.name;
    let scopes = &scheme.scopes;
    let min_version = version(scheme.min_version);
    let roles = scheme.roles.then(|| quote!(.roles()));
    let claims = scheme.kind.claims();
    let issuer = claims
        .and_then(|claims| claims.issuer.as_deref())
        .map(|issuer| quote!(.issuer(#issuer)));
    let audience = claims
        .and_then(|claims| claims.audience.as_deref())
        .map(|audience| quote!(.audience(#audience)));
    let errored = (origin == Origin::StandIn).then(|| quote!(.errored()));
    quote! {
        __authscheme::Declaration::new(
            #name,
            &[#(#scopes),*],
            __authscheme::OpenApiVersion::#min_version,
        )#roles #issuer #audience #errored
    }
}

/// The kind-specific half of the impl.
struct Parts {
    /// The `Credentials` type, a name in `__private`.
    credentials: Ident,
    config_type: TokenStream,
    config: TokenStream,
    /// The `SecuritySchemeKind` of the OpenAPI object.
    openapi_kind: TokenStream,
}

fn parts(kind: &Kind) -> Parts {
    let bearer = |openapi_kind| Parts {
        credentials: ident("BearerToken"),
        config_type: quote!(()),
        config: quote!(()),
        openapi_kind,
    };
    match kind {
        Kind::OAuth2 {
            flows,
            flows_extensions,
            metadata_url,
            claims: _,
        } => bearer(oauth2_kind(
            flows,
            flows_extensions,
            metadata_url.as_deref(),
        )),
        Kind::OpenIdConnect { url, claims: _ } => bearer(quote! {
            __authscheme::SecuritySchemeKind::OpenIdConnect {
                url: __authscheme::Text::Borrowed(#url),
            }
        }),
        Kind::ApiKey { location, name } => {
            let in_header = *location == ApiKeyLocation::Header;
            let location = ident(match location {
                ApiKeyLocation::Header => "Header",
                ApiKeyLocation::Query => "Query",
                ApiKeyLocation::Cookie => "Cookie",
            });
            // For a header, the lookup's `HeaderName`, built once in a `static` from the
            // name lowercased (header names are case-insensitive, and
            // `HeaderName::from_static` takes them lowercase).
            let header_name = in_header.then(|| {
                let lowercase = name.to_ascii_lowercase();
                quote! {
                    .with_header_name(|| {
                        static HEADER_NAME: __authscheme::HeaderName =
                            __authscheme::HeaderName::from_static(#lowercase);
                        &HEADER_NAME
                    })
                }
            });
            Parts {
                credentials: ident("ApiKey"),
                config_type: quote!(__authscheme::ApiKeyConfig),
                config: quote! {
                    __authscheme::ApiKeyConfig::new(__authscheme::ApiKeyLocation::#location, #name)
                        #header_name
                },
                openapi_kind: quote! {
                    __authscheme::SecuritySchemeKind::ApiKey {
                        name: __authscheme::Text::Borrowed(#name),
                        location: __authscheme::ApiKeyLocation::#location,
                    }
                },
            }
        }
        // The challenge of its 401s is known now: the realm is a literal.
        Kind::Http(Http::Basic { realm }) => {
            let challenge = challenge::basic(realm.as_deref());
            let realm = optional(realm.as_deref());
            Parts {
                credentials: ident("BasicCredentials"),
                config_type: quote!(__authscheme::BasicConfig),
                config: quote! {
                    __authscheme::BasicConfig { realm: #realm, challenge: #challenge }
                },
                openapi_kind: http_kind("basic", None),
            }
        }
        Kind::Http(Http::Bearer { format, claims: _ }) => {
            bearer(http_kind("bearer", format.as_deref()))
        }
        Kind::Http(Http::Digest) => Parts {
            credentials: ident("DigestCredentials"),
            config_type: quote!(()),
            config: quote!(()),
            openapi_kind: http_kind("digest", None),
        },
        // The word as declared is matched case-insensitively in requests; OpenAPI gets it
        // lowercased, the challenge title-cased (as FastAPI writes it).
        Kind::Http(Http::Custom { scheme }) => {
            let challenge = challenge::custom(scheme);
            Parts {
                credentials: ident("HttpCredentials"),
                config_type: quote!(__authscheme::HttpConfig),
                config: quote! {
                    __authscheme::HttpConfig { scheme: #scheme, challenge: #challenge }
                },
                openapi_kind: http_kind(&scheme.to_ascii_lowercase(), None),
            }
        }
        Kind::MutualTls => Parts {
            credentials: ident("ClientCertificate"),
            config_type: quote!(()),
            config: quote!(()),
            openapi_kind: quote!(__authscheme::SecuritySchemeKind::MutualTls),
        },
    }
}

/// The `SecuritySchemeKind` of an `oauth2` declaration.
fn oauth2_kind(
    flows: &[Flow],
    flows_extensions: &[Extension],
    metadata_url: Option<&str>,
) -> TokenStream {
    // Every slot written out: a `..OAuthFlows::new()` base would be dropped at
    // compile time, which a `const` cannot do for a type with drop glue.
    let slots = FlowKind::ALL.map(|slot| {
        let field = ident(slot.symbol().as_str());
        let flow = flows.iter().find(|flow| flow.urls.kind() == slot);
        let flow = flow.map_or_else(
            || quote!(None),
            |flow| {
                let flow = self::flow(flow);
                quote!(Some(#flow))
            },
        );
        quote!(#field: #flow,)
    });
    let flows_extensions = extensions(flows_extensions);
    let metadata_url = optional_text(metadata_url);
    quote! {
        __authscheme::SecuritySchemeKind::OAuth2 {
            flows: __authscheme::OAuthFlows {
                #(#slots)*
                extensions: __authscheme::List::Borrowed(#flows_extensions),
            }.checked(),
            metadata_url: #metadata_url,
        }
    }
}

fn http_kind(scheme: &str, bearer_format: Option<&str>) -> TokenStream {
    let bearer_format = optional_text(bearer_format);
    quote! {
        __authscheme::SecuritySchemeKind::Http {
            scheme: __authscheme::Text::Borrowed(#scheme),
            bearer_format: #bearer_format,
        }
    }
}

/// One OAuth flow, by field name: its four URLs share a type.
fn flow(flow: &Flow) -> TokenStream {
    let (authorization_url, device_authorization_url, token_url) = match &flow.urls {
        FlowUrls::Implicit { authorization_url } => (Some(authorization_url), None, None),
        FlowUrls::Password { token_url } | FlowUrls::ClientCredentials { token_url } => {
            (None, None, Some(token_url))
        }
        FlowUrls::AuthorizationCode {
            authorization_url,
            token_url,
        } => (Some(authorization_url), None, Some(token_url)),
        FlowUrls::DeviceAuthorization {
            device_authorization_url,
            token_url,
        } => (None, Some(device_authorization_url), Some(token_url)),
    };
    let kind = ident(match flow.urls.kind() {
        FlowKind::Implicit => "Implicit",
        FlowKind::Password => "Password",
        FlowKind::ClientCredentials => "ClientCredentials",
        FlowKind::AuthorizationCode => "AuthorizationCode",
        FlowKind::DeviceAuthorization => "DeviceAuthorization",
    });
    let authorization_url = optional(authorization_url.map(String::as_str));
    let device_authorization_url = optional(device_authorization_url.map(String::as_str));
    let token_url = optional(token_url.map(String::as_str));
    let refresh_url = optional(flow.refresh_url.as_deref());
    let scopes = flow.scopes.iter().map(|(name, description)| {
        quote! {
            __authscheme::Scope {
                name: __authscheme::Text::Borrowed(#name),
                description: __authscheme::Text::Borrowed(#description),
            }
        }
    });
    let extensions = extensions(&flow.extensions);
    quote! {
        __authscheme::Flow {
            kind: __authscheme::FlowKind::#kind,
            authorization_url: #authorization_url,
            device_authorization_url: #device_authorization_url,
            token_url: #token_url,
            refresh_url: #refresh_url,
            scopes: &[#(#scopes),*],
            extensions: #extensions,
        }.build()
    }
}

/// One marker type per declared scope (or role), for `scopes!(Scheme: "name")`: the type
/// that names the scope in a requirement's type, so that compiler messages show
/// `Scopes<Scheme, (ScopeAt<0, items_read>,)>`. Inside the expansion's anonymous `const`
/// block their names cannot clash with the user's items; `scopes!` reaches each one through
/// `ScopeMarker<INDEX>`, implemented on the scheme: one impl per scope, as each impl costs
/// compile time.
fn scope_markers(scheme: &Scheme, header: &ImplHeader<'_>) -> TokenStream {
    let ImplHeader {
        impl_generics,
        ident,
        ty_generics,
        where_clause,
    } = header;
    // No doc comments: the markers are not reachable by path, so rustdoc never shows them.
    marker_idents(&scheme.scopes)
        .into_iter()
        .enumerate()
        .map(|(index, marker)| {
            let index = u32::try_from(index).expect("validation allows at most 128 scopes");
            quote! {
                pub struct #marker;
                impl #impl_generics __authscheme::ScopeMarker<#index> for #ident #ty_generics #where_clause {
                    type Marker = #marker;
                }
            }
        })
        .collect()
}

/// For an API key, whether it travels in `Authorization`, as a type: `AllOf` refuses two
/// schemes there at compile time.
fn api_key_header(kind: &Kind, header: &ImplHeader<'_>) -> Option<TokenStream> {
    let Kind::ApiKey { location, name } = kind else {
        return None;
    };
    let ImplHeader {
        impl_generics,
        ident,
        ty_generics,
        where_clause,
    } = header;
    let authorization = self::ident(
        if *location == ApiKeyLocation::Header && name.eq_ignore_ascii_case("authorization") {
            "InAuthorization"
        } else {
            "Elsewhere"
        },
    );
    Some(quote! {
        #[automatically_derived]
        impl #impl_generics __authscheme::ApiKeyHeader for #ident #ty_generics #where_clause {
            type Authorization = __authscheme::#authorization;
        }
    })
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
            ident(&name)
        })
        .collect()
}

/// The generics of the impl header. A generic type implements the trait only where it meets
/// the trait's `Send + Sync + 'static` supertraits, whatever its parameters are.
fn impl_header_generics<'g>(
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

fn ident(name: &str) -> Ident {
    Ident::new(name, Span::call_site())
}

fn version(version: Version) -> Ident {
    ident(match version {
        Version::V3_0 => "V3_0",
        Version::V3_1 => "V3_1",
        Version::V3_2 => "V3_2",
    })
}

/// `None` or `Some("text")`.
fn optional(value: Option<&str>) -> TokenStream {
    value.map_or_else(|| quote!(None), |value| quote!(Some(#value)))
}

/// `None` or `Some(Text::Borrowed("text"))`.
fn optional_text(value: Option<&str>) -> TokenStream {
    value.map_or_else(
        || quote!(None),
        |value| quote!(Some(__authscheme::Text::Borrowed(#value))),
    )
}

/// `&[Extension { .. }, ..]`: struct literals, so that the borrow is promoted to `'static`.
fn extensions(extensions: &[Extension]) -> TokenStream {
    let elements = extensions.iter().map(|extension| {
        let key = &extension.key;
        let value = extension_value(&extension.value);
        quote! {
            __authscheme::Extension {
                key: __authscheme::Text::Borrowed(#key),
                value: __authscheme::ExtensionValue::#value,
            }
        }
    });
    quote!(&[#(#elements),*])
}

fn extension_value(value: &ExtensionValue) -> TokenStream {
    match value {
        ExtensionValue::Str(value) => quote!(Str(__authscheme::Text::Borrowed(#value))),
        ExtensionValue::Bool(value) => quote!(Bool(#value)),
        ExtensionValue::Int(value) => {
            let literal = Literal::u64_unsuffixed(value.unsigned_abs());
            let sign = (*value < 0).then(|| quote!(-));
            quote!(Int(#sign #literal))
        }
        ExtensionValue::Float(value) => {
            let literal = Literal::f64_unsuffixed(value.abs());
            let sign = value.is_sign_negative().then(|| quote!(-));
            quote!(Float(#sign #literal))
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
