//! `#[api_key(header = ".." | query = ".." | cookie = "..", roles(..))]`.

use syn::meta::ParseNestedMeta;
use syn::{Attribute, Ident, LitStr};

use super::common::{Attr, Common, lit_str, str_list, unknown_key};
use super::{context, expected_keys, parse_args};
use crate::ctxt::Ctxt;
use crate::model::ApiKeyLocation;
use crate::symbol::{API_KEY, COOKIE, HEADER, QUERY, ROLES};

/// `#[api_key(..)]` as written.
pub(crate) struct ApiKey {
    pub(crate) ident: Ident,
    pub(crate) common: Common,
    /// Reading the attribute reported an error.
    pub(crate) malformed: bool,
    /// Every location given, in order (validation wants exactly one).
    pub(crate) locations: Vec<LocationAttr>,
    pub(crate) roles: Attr<Vec<LitStr>>,
}

/// `header = "X-API-Key"` and the like.
pub(crate) struct LocationAttr {
    pub(crate) key: Ident,
    pub(crate) location: ApiKeyLocation,
    pub(crate) name: LitStr,
}

impl ApiKey {
    pub(crate) fn from_attr(cx: &Ctxt, attr: &Attribute, ident: &Ident) -> Self {
        let mut this = Self {
            ident: ident.clone(),
            common: Common::new(),
            malformed: false,
            locations: Vec::new(),
            roles: Attr::none(),
        };
        this.malformed = parse_args(cx, attr, API_KEY, |meta, key| this.parse_key(cx, meta, key));
        this
    }

    fn parse_key(&mut self, cx: &Ctxt, meta: &ParseNestedMeta, key: &Ident) -> syn::Result<()> {
        let context = context(API_KEY);
        if self.common.parse_key(cx, meta, key, &context)? {
            return Ok(());
        }
        let location = if key == HEADER {
            // #[api_key(header = "X-API-Key")]
            Some(ApiKeyLocation::Header)
        } else if key == QUERY {
            // #[api_key(query = "api_key")]
            Some(ApiKeyLocation::Query)
        } else if key == COOKIE {
            // #[api_key(cookie = "session")]
            Some(ApiKeyLocation::Cookie)
        } else {
            None
        };
        if let Some(location) = location {
            if let Some(name) = lit_str(cx, meta, key)? {
                if let Some(first) = self
                    .locations
                    .iter()
                    .find(|other| other.location == location)
                {
                    cx.duplicate(
                        key,
                        format!("duplicate `{key}` in `{context}`"),
                        &first.key,
                        format!("first `{key}` here"),
                    );
                } else {
                    self.locations.push(LocationAttr {
                        key: key.clone(),
                        location,
                        name,
                    });
                }
            }
        } else if key == ROLES {
            // #[api_key(header = "X-API-Key", roles("admin", "auditor"))]
            if let Some(value) = str_list(cx, meta, key)? {
                self.roles.set(cx, key, value, &context);
            }
        } else {
            unknown_key(cx, meta, &context, &expected_keys(API_KEY))?;
        }
        Ok(())
    }
}
