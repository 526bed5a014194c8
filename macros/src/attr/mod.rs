//! What the user wrote: the helper attributes of one derive input, read into plain structs
//! that keep every literal (and so its span). Nothing here decides whether the declaration is
//! valid beyond its syntax; that is `validate`'s job.

pub(crate) mod api_key;
pub(crate) mod common;
pub(crate) mod extensions;
pub(crate) mod http;
pub(crate) mod mutual_tls;
pub(crate) mod oauth2;
pub(crate) mod openid_connect;
pub(crate) mod scopes;

use std::fmt;

use syn::meta::ParseNestedMeta;
use syn::{Attribute, DeriveInput, Expr, ExprLit, Ident, Lit, Meta};

use self::common::{Common, unknown_key};
use crate::ctxt::Ctxt;
use crate::symbol::{self, API_KEY, COMMON_KEYS, HTTP, MUTUAL_TLS, OAUTH2, OPENID_CONNECT, Symbol};

/// The derive input and everything its attributes say.
pub(crate) struct Input<'a> {
    pub(crate) original: &'a DeriveInput,
    /// The doc comment, unindented, if any.
    pub(crate) doc: Option<String>,
    /// Every kind attribute, in order (validation wants exactly one).
    pub(crate) kinds: Vec<KindAttr>,
}

/// One kind attribute.
pub(crate) enum KindAttr {
    OAuth2(oauth2::OAuth2),
    OpenIdConnect(openid_connect::OpenIdConnect),
    ApiKey(api_key::ApiKey),
    Http(http::Http),
    MutualTls(mutual_tls::MutualTls),
}

impl KindAttr {
    /// The attribute's name as written (`oauth2` in `#[oauth2(..)]`).
    pub(crate) fn ident(&self) -> &Ident {
        match self {
            Self::OAuth2(attr) => &attr.ident,
            Self::OpenIdConnect(attr) => &attr.ident,
            Self::ApiKey(attr) => &attr.ident,
            Self::Http(attr) => &attr.ident,
            Self::MutualTls(attr) => &attr.ident,
        }
    }

    pub(crate) fn common(&self) -> &Common {
        match self {
            Self::OAuth2(attr) => &attr.common,
            Self::OpenIdConnect(attr) => &attr.common,
            Self::ApiKey(attr) => &attr.common,
            Self::Http(attr) => &attr.common,
            Self::MutualTls(attr) => &attr.common,
        }
    }
}

impl<'a> Input<'a> {
    /// Reads the attributes of `input`, recording syntax errors in `cx`.
    pub(crate) fn from_ast(cx: &Ctxt, input: &'a DeriveInput) -> Self {
        let mut doc = Vec::new();
        let mut kinds = Vec::new();
        for attr in &input.attrs {
            let Some(ident) = attr.path().get_ident() else {
                continue;
            };
            if ident == "doc" {
                if let Some(line) = doc_line(attr) {
                    doc.push(line);
                }
            } else if ident == OAUTH2 {
                kinds.push(KindAttr::OAuth2(oauth2::OAuth2::from_attr(cx, attr, ident)));
            } else if ident == OPENID_CONNECT {
                kinds.push(KindAttr::OpenIdConnect(
                    openid_connect::OpenIdConnect::from_attr(cx, attr, ident),
                ));
            } else if ident == API_KEY {
                kinds.push(KindAttr::ApiKey(api_key::ApiKey::from_attr(
                    cx, attr, ident,
                )));
            } else if ident == HTTP {
                kinds.push(KindAttr::Http(http::Http::from_attr(cx, attr, ident)));
            } else if ident == MUTUAL_TLS {
                kinds.push(KindAttr::MutualTls(mutual_tls::MutualTls::from_attr(
                    cx, attr, ident,
                )));
            }
        }
        Self {
            original: input,
            doc: unindent(&doc),
            kinds,
        }
    }
}

/// Where a key is written: directly in a kind attribute, or in a flow of `#[oauth2(..)]`.
/// Messages show it as written (`#[oauth2(...)]`, `password(...)`); hints that depend on the
/// place match on it.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Context<'a> {
    Kind(Symbol),
    Flow(&'a Ident),
}

impl Context<'_> {
    /// Whether this is `#[kind(...)]` itself.
    pub(crate) fn is_kind(self, kind: Symbol) -> bool {
        matches!(self, Self::Kind(this) if this == kind)
    }
}

impl fmt::Display for Context<'_> {
    fn fmt(&self, formatter: &mut fmt::Formatter<'_>) -> fmt::Result {
        match self {
            Self::Kind(kind) => write!(formatter, "#[{kind}(...)]"),
            Self::Flow(ident) => write!(formatter, "{ident}(...)"),
        }
    }
}

/// The context of the keys of `#[kind(..)]`.
pub(crate) const fn context(kind: Symbol) -> Context<'static> {
    Context::Kind(kind)
}

/// Every key `#[kind(..)]` accepts, for "expected one of" lists.
pub(crate) fn expected_keys(kind: Symbol) -> Vec<Symbol> {
    let mut keys = symbol::kind_keys(kind).to_vec();
    keys.extend_from_slice(COMMON_KEYS);
    keys
}

/// Calls `parse_key` for every `key ..` inside `#[kind(..)]`; `#[kind]` alone has no keys. A
/// syntax error aborts the rest of this attribute only. Returns whether an error was reported
/// (then validation does not add "missing key" errors: the user's key was probably there,
/// misspelt, and one mistake should give one error).
pub(crate) fn parse_args(
    cx: &Ctxt,
    attr: &Attribute,
    kind: Symbol,
    mut parse_key: impl FnMut(&ParseNestedMeta, &Ident) -> syn::Result<()>,
) -> bool {
    let before = cx.error_count();
    match &attr.meta {
        Meta::Path(_) => {}
        Meta::List(_) => {
            let result = attr.parse_nested_meta(|meta| match meta.path.get_ident() {
                Some(key) => {
                    let key = key.clone();
                    parse_key(&meta, &key)
                }
                None => unknown_key(cx, &meta, &context(kind), &expected_keys(kind)),
            });
            if let Err(error) = result {
                cx.syn_error(error);
            }
        }
        Meta::NameValue(name_value) => {
            cx.error_spanned_by(
                name_value,
                format!("expected `#[{kind}(...)]`, not `#[{kind} = ...]`"),
            );
        }
    }
    cx.error_count() > before
}

/// The text of `#[doc = "..."]`; `None` for other forms (e.g. `#[doc = include_str!(..)]`).
fn doc_line(attr: &Attribute) -> Option<String> {
    match &attr.meta {
        Meta::NameValue(name_value) => match &name_value.value {
            Expr::Lit(ExprLit {
                lit: Lit::Str(lit), ..
            }) => Some(lit.value()),
            _ => None,
        },
        _ => None,
    }
}

/// Joins doc lines, removing the indentation they share (`/// text` gives ` text`) and blank
/// lines at both ends; `None` when nothing is left.
fn unindent(lines: &[String]) -> Option<String> {
    // The usual one-line doc comment, without the general case's allocations.
    if let [line] = lines
        && !line.contains('\n')
    {
        let text = line.trim_start_matches([' ', '\t']).trim_end();
        return (!text.is_empty()).then(|| text.to_owned());
    }
    let lines: Vec<&str> = lines.iter().flat_map(|line| line.split('\n')).collect();
    let indent = lines
        .iter()
        .filter(|line| !line.trim().is_empty())
        .map(|line| line.len() - line.trim_start_matches([' ', '\t']).len())
        .min()
        .unwrap_or(0);
    let text = lines
        .iter()
        .map(|line| line.get(indent..).unwrap_or("").trim_end())
        .collect::<Vec<_>>()
        .join("\n");
    let text = text.trim_matches('\n');
    (!text.trim().is_empty()).then(|| text.to_owned())
}

#[cfg(test)]
mod tests {
    use super::unindent;

    #[test]
    fn doc_comments_are_unindented() {
        let lines = [
            " First line.".to_owned(),
            String::new(),
            "   indented".to_owned(),
        ];
        assert_eq!(
            unindent(&lines).as_deref(),
            Some("First line.\n\n  indented")
        );
        assert_eq!(unindent(&[" ".to_owned()]), None);
        assert_eq!(unindent(&[]), None);
    }
}
