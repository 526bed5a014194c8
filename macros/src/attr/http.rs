//! `#[http(basic | bearer | digest | scheme = "..", realm = "..", format = "..", issuer = "..",
//! audience = "..", roles(..))]`.

use syn::meta::ParseNestedMeta;
use syn::{Attribute, Ident, LitStr};

use super::common::{Attr, Common, TokenClaims, flag, lit_str, str_list, unknown_key};
use super::{Context, context, expected_keys, parse_args};
use crate::ctxt::Ctxt;
use crate::symbol::{BASIC, BEARER, DIGEST, FORMAT, HTTP, REALM, ROLES, SCHEME};

/// `#[http(..)]` as written.
pub(crate) struct Http {
    pub(crate) ident: Ident,
    pub(crate) common: Common,
    /// Reading the attribute reported an error.
    pub(crate) malformed: bool,
    /// Every auth-scheme given, in order (validation wants exactly one).
    pub(crate) schemes: Vec<SchemeChoice>,
    pub(crate) realm: Attr<LitStr>,
    pub(crate) format: Attr<LitStr>,
    /// `issuer = ".."`, `audience = ".."`; validation allows them with `bearer` only.
    pub(crate) claims: TokenClaims,
    pub(crate) roles: Attr<Vec<LitStr>>,
}

/// `basic`, `bearer`, `digest` or `scheme = ".."`.
pub(crate) struct SchemeChoice {
    pub(crate) key: Ident,
    /// The literal of `scheme = ".."`; `None` for the flags.
    pub(crate) scheme: Option<LitStr>,
}

impl Http {
    pub(crate) fn from_attr(cx: &Ctxt, attr: &Attribute, ident: &Ident) -> Self {
        let mut this = Self {
            ident: ident.clone(),
            common: Common::new(),
            malformed: false,
            schemes: Vec::new(),
            realm: Attr::none(),
            format: Attr::none(),
            claims: TokenClaims::new(),
            roles: Attr::none(),
        };
        this.malformed = parse_args(cx, attr, HTTP, |meta, key| this.parse_key(cx, meta, key));
        this
    }

    fn parse_key(&mut self, cx: &Ctxt, meta: &ParseNestedMeta, key: &Ident) -> syn::Result<()> {
        let context = context(HTTP);
        if self.common.parse_key(cx, meta, key, &context)?
            || self.claims.parse_key(cx, meta, key, &context)?
        {
            return Ok(());
        }
        if key == BASIC || key == BEARER || key == DIGEST {
            // #[http(basic)], #[http(bearer)], #[http(digest)]
            if flag(cx, meta, key)? {
                self.push_scheme(cx, key, None, &context);
            }
        } else if key == SCHEME {
            // #[http(scheme = "scram-sha-256")]
            if let Some(value) = lit_str(cx, meta, key)? {
                self.push_scheme(cx, key, Some(value), &context);
            }
        } else if key == REALM {
            // #[http(basic, realm = "admin")]
            if let Some(value) = lit_str(cx, meta, key)? {
                self.realm.set(cx, key, value, &context);
            }
        } else if key == FORMAT {
            // #[http(bearer, format = "JWT")]
            if let Some(value) = lit_str(cx, meta, key)? {
                self.format.set(cx, key, value, &context);
            }
        } else if key == ROLES {
            // #[http(basic, roles("admin"))]
            if let Some(value) = str_list(cx, meta, key)? {
                self.roles.set(cx, key, value, &context);
            }
        } else {
            unknown_key(cx, meta, &context, &expected_keys(HTTP))?;
        }
        Ok(())
    }

    fn push_scheme(
        &mut self,
        cx: &Ctxt,
        key: &Ident,
        scheme: Option<LitStr>,
        context: &Context<'_>,
    ) {
        if let Some(first) = self.schemes.iter().find(|choice| choice.key == *key) {
            cx.duplicate(
                key,
                format!("duplicate `{key}` in `{context}`"),
                &first.key,
                format!("first `{key}` here"),
            );
        } else {
            self.schemes.push(SchemeChoice {
                key: key.clone(),
                scheme,
            });
        }
    }
}
