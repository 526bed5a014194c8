//! `#[api_key(..)]` (`docs/RULES.md` C).

use syn::LitStr;

use super::common::check_exactly_one;
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
        check_name_token(cx, &location.name, &name, location.location).and_then(|()| match location
            .location
        {
            ApiKeyLocation::Header => check_header_not_reserved(cx, &location.name, &name),
            ApiKeyLocation::Cookie | ApiKeyLocation::Query => Some(()),
        })
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
    check_exactly_one(
        cx,
        &attr.locations,
        |location| &location.key,
        (&attr.ident, attr.malformed),
        "missing API key location; add `header = \"X-API-Key\"`, `query = \"api_key\"` or `cookie = \"session\"`",
        "`header`, `query`, `cookie`",
    )
}

// CT-C3: the name is non-empty.
fn check_api_key_name_non_empty(cx: &Ctxt, lit: &LitStr, name: &str) -> Checked<()> {
    if name.is_empty() {
        cx.error_spanned_by(lit, "API key name must not be empty");
        return None;
    }
    Some(())
}

// CT-C4 (a header name is an HTTP field-name, RFC 9110 §5.1) and CT-C5 (a cookie name is a
// cookie-name, RFC 6265 §4.1.1): both are tokens.
fn check_name_token(cx: &Ctxt, lit: &LitStr, name: &str, location: ApiKeyLocation) -> Checked<()> {
    let (what, rule) = match location {
        ApiKeyLocation::Header => ("header name", "HTTP field-name token (RFC 9110 §5.1)"),
        ApiKeyLocation::Cookie => ("cookie name", "cookie-name token (RFC 6265 §4.1.1)"),
        // A query parameter name may be any text (percent-encoded in the URL).
        ApiKeyLocation::Query => return Some(()),
    };
    match grammar::token_problem(name) {
        None => Some(()),
        Some(problem) => {
            cx.error_spanned_by(
                lit,
                format!("{what} `{name}` is not a valid {rule}: {problem}"),
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
