//! `#[api_key(..)]` (`docs/RULES.md` C).

use syn::LitStr;

use super::scopes::check_roles;
use super::{Checked, Declared};
use crate::attr::api_key::{ApiKey, LocationAttr};
use crate::ctxt::Ctxt;
use crate::grammar;
use crate::model::{ApiKeyLocation, Kind, Pin};

pub(super) fn validate_api_key(cx: &Ctxt, attr: &ApiKey, pin: Option<&Pin>) -> Checked<Declared> {
    let roles = check_roles(cx, &attr.roles, pin);
    let location = check_api_key_location(cx, attr)?;
    let name = location.name.value();
    check_api_key_name_non_empty(cx, &location.name, &name).and_then(|()| {
        match location.location {
            ApiKeyLocation::Header => check_header_name_token(cx, &location.name, &name)
                .and_then(|()| check_header_not_reserved(cx, &location.name, &name)),
            ApiKeyLocation::Cookie => check_cookie_name_token(cx, &location.name, &name),
            ApiKeyLocation::Query => Some(()),
        }
    })?;
    Some((
        Kind::ApiKey {
            location: location.location,
            name,
        },
        roles?,
        true,
    ))
}

// CT-C1 (`in` and `name` are required) and CT-C2 (`in` is one of query, header, cookie): the
// DSL spells both as exactly one of `header = ".."`, `query = ".."`, `cookie = ".."`.
fn check_api_key_location<'a>(cx: &Ctxt, attr: &'a ApiKey) -> Checked<&'a LocationAttr> {
    let Some((first, rest)) = attr.locations.split_first() else {
        if attr.malformed {
            return None;
        }
        cx.error_spanned_by(
            &attr.ident,
            "missing API key location; add `header = \"X-API-Key\"`, `query = \"api_key\"` or `cookie = \"session\"`",
        );
        return None;
    };
    for extra in rest {
        cx.duplicate(
            &extra.key,
            format!(
                "`{}` conflicts with `{}`: `#[api_key(...)]` takes exactly one of `header`, `query`, `cookie`",
                extra.key, first.key
            ),
            &first.key,
            format!("`{}` here", first.key),
        );
    }
    rest.is_empty().then_some(first)
}

// CT-C3: the name is non-empty.
fn check_api_key_name_non_empty(cx: &Ctxt, lit: &LitStr, name: &str) -> Checked<()> {
    if name.is_empty() {
        cx.error_spanned_by(lit, "API key name must not be empty");
        return None;
    }
    Some(())
}

// CT-C4: a header name is an HTTP field-name, i.e. a token.
fn check_header_name_token(cx: &Ctxt, lit: &LitStr, name: &str) -> Checked<()> {
    match grammar::token_problem(name) {
        None => Some(()),
        Some(problem) => {
            cx.error_spanned_by(
                lit,
                format!("header name `{name}` is not a valid HTTP field-name token (RFC 9110 §5.1): {problem}"),
            );
            None
        }
    }
}

// CT-C7: framing and connection headers cannot carry an API key.
fn check_header_not_reserved(cx: &Ctxt, lit: &LitStr, name: &str) -> Checked<()> {
    if grammar::is_reserved_header(name) {
        cx.error_spanned_by(lit, format!("header `{name}` cannot carry an API key; choose a custom header such as `X-API-Key`"));
        return None;
    }
    Some(())
}

// CT-C5: a cookie name is a cookie-name token (RFC 6265 §4.1.1).
fn check_cookie_name_token(cx: &Ctxt, lit: &LitStr, name: &str) -> Checked<()> {
    match grammar::token_problem(name) {
        None => Some(()),
        Some(problem) => {
            cx.error_spanned_by(
                lit,
                format!("cookie name `{name}` is not a valid cookie-name token (RFC 6265 §4.1.1): {problem}"),
            );
            None
        }
    }
}
