//! The stand-in impl emitted next to `compile_error!`s: it keeps the user's other uses of the
//! scheme (`S::NAME`, `Auth<S>`, `scopes!(S: ..)`) from adding errors of their own.
//!
//! It is the real expansion of a placeholder declaration of the same kind, so the impl is
//! written in one place (`security_scheme`): only the values differ, never the code.

use proc_macro2::TokenStream;
use syn::Path;
use syn::ext::IdentExt as _;

use super::krate::{declared_path, default_path};
use super::security_scheme::{self, Origin};
use crate::attr::{Input, KindAttr};
use crate::model::{ApiKeyLocation, Http, Kind, Scheme, TokenClaims, Version};
use crate::symbol::{BASIC, BEARER, DIGEST};

/// The stand-in for `input`, with the credentials type its kind attribute suggests.
pub(crate) fn expand(input: &Input) -> TokenStream {
    let original = input.original;
    let kind = input.kinds.first();
    let krate: Path = kind
        .and_then(|kind| kind.common().krate.get())
        .and_then(declared_path)
        .unwrap_or_else(default_path);
    let placeholder = Scheme {
        ident: &original.ident,
        generics: &original.generics,
        krate,
        name: original.ident.unraw().to_string(),
        description: None,
        deprecated: false,
        extensions: Vec::new(),
        min_version: Version::V3_0,
        scopes: Vec::new(),
        roles: false,
        kind: placeholder_kind(kind),
    };
    security_scheme::expand(&placeholder, Origin::StandIn)
}

/// A kind with the credentials type that the kind attribute, as far as it could be read,
/// asks for, and empty values: no issuer or audience either, as the stand-in verifies nothing.
fn placeholder_kind(kind: Option<&KindAttr>) -> Kind {
    match kind {
        // Where the key travels is unknown: a query parameter needs no `HeaderName`, and
        // `AllOf`'s check refuses nothing for it.
        Some(KindAttr::ApiKey(_)) => Kind::ApiKey {
            location: ApiKeyLocation::Query,
            name: String::new(),
        },
        Some(KindAttr::MutualTls(_)) => Kind::MutualTls,
        Some(KindAttr::Http(http)) => Kind::Http(match http.schemes.first() {
            Some(choice) if choice.key == BASIC => Http::Basic { realm: None },
            Some(choice) if choice.key == DIGEST => Http::Digest,
            Some(choice) if choice.key == BEARER => Http::Bearer {
                format: None,
                claims: TokenClaims::default(),
            },
            _ => Http::Custom {
                scheme: String::new(),
            },
        }),
        Some(KindAttr::OAuth2(_)) => Kind::OAuth2 {
            flows: Vec::new(),
            flows_extensions: Vec::new(),
            metadata_url: None,
            claims: TokenClaims::default(),
        },
        Some(KindAttr::OpenIdConnect(_)) | None => Kind::OpenIdConnect {
            url: String::new(),
            claims: TokenClaims::default(),
        },
    }
}
