//! `#[oauth2(..)]`: the flat password form and the five flows.

use syn::meta::ParseNestedMeta;
use syn::parse::Parser as _;
use syn::{Attribute, Ident, LitStr, token};

use super::common::{Attr, Common, TokenClaims, lit_str, skip_to_comma, unknown_key};
use super::extensions::{self, ExtensionEntry};
use super::scopes::{self, ScopeEntry};
use super::{Context, context, expected_keys, parse_args};
use crate::ctxt::Ctxt;
use crate::model::FlowKind;
use crate::symbol::{
    AUTHORIZATION_URL, DEVICE_AUTHORIZATION_URL, EXTENSIONS, FLOW_KEYS, FLOWS_EXTENSIONS, OAUTH2,
    OAUTH2_METADATA_URL, REFRESH_URL, SCOPES, TOKEN_URL,
};

/// `#[oauth2(..)]` as written.
pub(crate) struct OAuth2 {
    pub(crate) ident: Ident,
    pub(crate) common: Common,
    /// Reading the attribute reported an error.
    pub(crate) malformed: bool,
    /// The flat password form: `token_url = ".."`.
    pub(crate) token_url: Attr<LitStr>,
    /// The flat password form's `refresh_url = ".."`.
    pub(crate) refresh_url: Attr<LitStr>,
    /// Scopes shared by every flow.
    pub(crate) scopes: Attr<Vec<ScopeEntry>>,
    /// Explicit flows, in the order written (at most one of each kind).
    pub(crate) flows: Vec<Flow>,
    pub(crate) flows_extensions: Attr<Vec<ExtensionEntry>>,
    pub(crate) metadata_url: Attr<LitStr>,
    /// `issuer = ".."`, `audience = ".."`.
    pub(crate) claims: TokenClaims,
}

/// One explicit flow, e.g. `password(token_url = "..")`, with every key it was given (also
/// those that do not apply to it, which validation reports).
pub(crate) struct Flow {
    pub(crate) kind: FlowKind,
    pub(crate) ident: Ident,
    pub(crate) authorization_url: Attr<LitStr>,
    pub(crate) device_authorization_url: Attr<LitStr>,
    pub(crate) token_url: Attr<LitStr>,
    pub(crate) refresh_url: Attr<LitStr>,
    pub(crate) scopes: Attr<Vec<ScopeEntry>>,
    pub(crate) extensions: Attr<Vec<ExtensionEntry>>,
    /// Reading the flow reported an error.
    pub(crate) malformed: bool,
}

impl OAuth2 {
    pub(crate) fn from_attr(cx: &Ctxt, attr: &Attribute, ident: &Ident) -> Self {
        let mut this = Self {
            ident: ident.clone(),
            common: Common::new(),
            malformed: false,
            token_url: Attr::none(),
            refresh_url: Attr::none(),
            scopes: Attr::none(),
            flows: Vec::new(),
            flows_extensions: Attr::none(),
            metadata_url: Attr::none(),
            claims: TokenClaims::new(),
        };
        this.malformed = parse_args(cx, attr, OAUTH2, |meta, key| this.parse_key(cx, meta, key));
        this
    }

    fn parse_key(&mut self, cx: &Ctxt, meta: &ParseNestedMeta, key: &Ident) -> syn::Result<()> {
        let context = context(OAUTH2);
        if self.common.parse_key(cx, meta, key, &context)?
            || self.claims.parse_key(cx, meta, key, &context)?
        {
            return Ok(());
        }
        if key == TOKEN_URL {
            // #[oauth2(token_url = "/token")]
            if let Some(value) = lit_str(cx, meta, key)? {
                self.token_url.set(cx, key, value, &context);
            }
        } else if key == REFRESH_URL {
            // #[oauth2(token_url = "/token", refresh_url = "/refresh")]
            if let Some(value) = lit_str(cx, meta, key)? {
                self.refresh_url.set(cx, key, value, &context);
            }
        } else if key == SCOPES {
            // #[oauth2(scopes("items:read" = "Read items", ..))]
            if let Some(value) = scopes::parse(cx, meta, key)? {
                self.scopes.set(cx, key, value, &context);
            }
        } else if key == FLOWS_EXTENSIONS {
            // #[oauth2(flows_extensions("x-key" = "value"))]
            if let Some(value) = extensions::parse(cx, meta, key)? {
                self.flows_extensions.set(cx, key, value, &context);
            }
        } else if key == OAUTH2_METADATA_URL {
            // #[oauth2(oauth2_metadata_url = "https://as.example.com/.well-known/oauth-authorization-server")]
            if let Some(value) = lit_str(cx, meta, key)? {
                self.metadata_url.set(cx, key, value, &context);
            }
        } else if let Some(kind) = FlowKind::from_ident(key) {
            // #[oauth2(password(token_url = "..", refresh_url = "..", scopes(..), extensions(..)))]
            if let Some(flow) = Flow::parse(cx, meta, key, kind)? {
                // CT-D4: each flow at most once.
                if let Some(first) = self.flows.iter().find(|other| other.kind == kind) {
                    cx.duplicate(
                        key,
                        format!("duplicate flow `{key}` in `{context}`"),
                        &first.ident,
                        format!("first `{key}` here"),
                    );
                } else {
                    self.flows.push(flow);
                }
            }
        } else {
            unknown_key(cx, meta, &context, &expected_keys(OAUTH2))?;
        }
        Ok(())
    }
}

impl Flow {
    fn parse(
        cx: &Ctxt,
        meta: &ParseNestedMeta,
        ident: &Ident,
        kind: FlowKind,
    ) -> syn::Result<Option<Self>> {
        if !meta.input.peek(token::Paren) {
            let rest = skip_to_comma(meta.input)?;
            cx.error_spanned_by(
                quote::quote!(#ident #rest),
                format!("expected `{ident}(...)` with the flow's URLs"),
            );
            return Ok(None);
        }
        let mut flow = Self {
            kind,
            ident: ident.clone(),
            authorization_url: Attr::none(),
            device_authorization_url: Attr::none(),
            token_url: Attr::none(),
            refresh_url: Attr::none(),
            scopes: Attr::none(),
            extensions: Attr::none(),
            malformed: false,
        };
        let before = cx.error_count();
        let context = Context::Flow(ident);
        // The group is parsed in a buffer of its own, so that an error inside it leaves the
        // rest of `#[oauth2(..)]` readable.
        let group;
        syn::parenthesized!(group in meta.input);
        let tokens: proc_macro2::TokenStream = group.parse()?;
        let result = syn::meta::parser(|nested| {
            let Some(key) = nested.path.get_ident().cloned() else {
                return unknown_key(cx, &nested, &context, FLOW_KEYS);
            };
            flow.parse_key(cx, &nested, &key, &context)
        })
        .parse2(tokens);
        if let Err(error) = result {
            cx.syn_error(error);
        }
        flow.malformed = cx.error_count() > before;
        Ok(Some(flow))
    }

    fn parse_key(
        &mut self,
        cx: &Ctxt,
        meta: &ParseNestedMeta,
        key: &Ident,
        context: &Context<'_>,
    ) -> syn::Result<()> {
        if key == AUTHORIZATION_URL {
            // authorization_code(authorization_url = "https://as.example.com/authorize", ..)
            if let Some(value) = lit_str(cx, meta, key)? {
                self.authorization_url.set(cx, key, value, context);
            }
        } else if key == DEVICE_AUTHORIZATION_URL {
            // device_authorization(device_authorization_url = "https://as.example.com/device", ..)
            if let Some(value) = lit_str(cx, meta, key)? {
                self.device_authorization_url.set(cx, key, value, context);
            }
        } else if key == TOKEN_URL {
            // password(token_url = "/token")
            if let Some(value) = lit_str(cx, meta, key)? {
                self.token_url.set(cx, key, value, context);
            }
        } else if key == REFRESH_URL {
            // password(token_url = "/token", refresh_url = "/refresh")
            if let Some(value) = lit_str(cx, meta, key)? {
                self.refresh_url.set(cx, key, value, context);
            }
        } else if key == SCOPES {
            // password(token_url = "/token", scopes("admin" = "Administer"))
            if let Some(value) = scopes::parse(cx, meta, key)? {
                self.scopes.set(cx, key, value, context);
            }
        } else if key == EXTENSIONS {
            // password(token_url = "/token", extensions("x-key" = "value"))
            if let Some(value) = extensions::parse(cx, meta, key)? {
                self.extensions.set(cx, key, value, context);
            }
        } else {
            unknown_key(cx, meta, context, FLOW_KEYS)?;
        }
        Ok(())
    }
}
