//! `#[mutual_tls]` or `#[mutual_tls(description = "..", roles(..))]`.

use syn::meta::ParseNestedMeta;
use syn::{Attribute, Ident, LitStr};

use super::common::{Attr, Common, str_list, unknown_key};
use super::{context, expected_keys, parse_args};
use crate::ctxt::Ctxt;
use crate::symbol::{MUTUAL_TLS, ROLES};

/// `#[mutual_tls(..)]` as written.
pub(crate) struct MutualTls {
    pub(crate) ident: Ident,
    pub(crate) common: Common,
    /// Reading the attribute reported an error.
    pub(crate) malformed: bool,
    pub(crate) roles: Attr<Vec<LitStr>>,
}

impl MutualTls {
    pub(crate) fn from_attr(cx: &Ctxt, attr: &Attribute, ident: &Ident) -> Self {
        let mut this = Self {
            ident: ident.clone(),
            common: Common::new(),
            malformed: false,
            roles: Attr::none(),
        };
        this.malformed = parse_args(cx, attr, MUTUAL_TLS, |meta, key| {
            this.parse_key(cx, meta, key)
        });
        this
    }

    fn parse_key(&mut self, cx: &Ctxt, meta: &ParseNestedMeta, key: &Ident) -> syn::Result<()> {
        let context = context(MUTUAL_TLS);
        if self.common.parse_key(cx, meta, key, &context)? {
            return Ok(());
        }
        if key == ROLES {
            // #[mutual_tls(roles("service"))]
            if let Some(value) = str_list(cx, meta, key)? {
                self.roles.set(cx, key, value, &context);
            }
        } else {
            unknown_key(cx, meta, &context, &expected_keys(MUTUAL_TLS))?;
        }
        Ok(())
    }
}
