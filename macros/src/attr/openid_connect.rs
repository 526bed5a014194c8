//! `#[openid_connect(url = "..", scopes("openid", ..), issuer = "..", audience = "..")]`.

use syn::meta::ParseNestedMeta;
use syn::{Attribute, Ident, LitStr};

use super::common::{Attr, Common, TokenClaims, lit_str, str_list, unknown_key};
use super::{context, expected_keys, parse_args};
use crate::ctxt::Ctxt;
use crate::symbol::{OPENID_CONNECT, SCOPES, URL};

/// `#[openid_connect(..)]` as written.
pub(crate) struct OpenIdConnect {
    pub(crate) ident: Ident,
    pub(crate) common: Common,
    /// Reading the attribute reported an error.
    pub(crate) malformed: bool,
    pub(crate) url: Attr<LitStr>,
    /// Scope names requirements may use; not written to the document.
    pub(crate) scopes: Attr<Vec<LitStr>>,
    /// `issuer = ".."`, `audience = ".."`.
    pub(crate) claims: TokenClaims,
}

impl OpenIdConnect {
    pub(crate) fn from_attr(cx: &Ctxt, attr: &Attribute, ident: &Ident) -> Self {
        let mut this = Self {
            ident: ident.clone(),
            common: Common::new(),
            malformed: false,
            url: Attr::none(),
            scopes: Attr::none(),
            claims: TokenClaims::new(),
        };
        this.malformed = parse_args(cx, attr, OPENID_CONNECT, |meta, key| {
            this.parse_key(cx, meta, key)
        });
        this
    }

    fn parse_key(&mut self, cx: &Ctxt, meta: &ParseNestedMeta, key: &Ident) -> syn::Result<()> {
        let context = context(OPENID_CONNECT);
        if self.common.parse_key(cx, meta, key, &context)?
            || self.claims.parse_key(cx, meta, key, &context)?
        {
            return Ok(());
        }
        if key == URL {
            // #[openid_connect(url = "https://id.example.com/.well-known/openid-configuration")]
            if let Some(value) = lit_str(cx, meta, key)? {
                self.url.set(cx, key, value, &context);
            }
        } else if key == SCOPES {
            // #[openid_connect(url = "..", scopes("openid", "email"))]
            if let Some(value) = str_list(cx, meta, key)? {
                self.scopes.set(cx, key, value, &context);
            }
        } else {
            unknown_key(cx, meta, &context, &expected_keys(OPENID_CONNECT))?;
        }
        Ok(())
    }
}
