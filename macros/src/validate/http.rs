//! `#[http(..)]` (`docs/RULES.md` B).

use syn::LitStr;

use super::claims::check_token_claims;
use super::common::check_exactly_one;
use super::scopes::check_roles;
use super::{Checked, Declared};
use crate::attr::http::Http;
use crate::ctxt::Ctxt;
use crate::grammar;
use crate::model::{self, Kind, Pin, TokenClaims};

/// The auth-scheme an `#[http(..)]` names, before its options are checked.
enum AuthScheme {
    Basic,
    Bearer,
    Digest,
    Custom(String),
}

pub(super) fn validate_http(cx: &Ctxt, attr: &Http, pin: Option<&Pin>) -> Checked<Declared> {
    let roles = check_roles(cx, &attr.roles, pin);
    let scheme = check_http_scheme(cx, attr)
        .and_then(|(scheme, lit)| check_auth_scheme_token(cx, scheme, lit))?;
    let format = check_bearer_format(cx, attr, &scheme);
    let realm = check_realm(cx, attr, &scheme);
    let claims = check_bearer_claims(cx, attr, &scheme);
    let (format, realm, claims) = (format?, realm?, claims?);
    let http = match scheme {
        AuthScheme::Basic => model::Http::Basic { realm },
        AuthScheme::Bearer => model::Http::Bearer { format, claims },
        AuthScheme::Digest => model::Http::Digest,
        AuthScheme::Custom(scheme) => model::Http::Custom { scheme },
    };
    Some((Kind::Http(http), roles?, true))
}

// CT-B1: `scheme` is required; the DSL takes exactly one of `basic`, `bearer`, `digest` and
// `scheme = ".."`. `scheme` is case-insensitive (CT-B4), so `scheme = "Bearer"` is `bearer`.
fn check_http_scheme<'a>(cx: &Ctxt, attr: &'a Http) -> Checked<(AuthScheme, Option<&'a LitStr>)> {
    let first = check_exactly_one(
        cx,
        &attr.schemes,
        |choice| &choice.key,
        (&attr.ident, attr.malformed),
        "missing auth scheme; add one of `basic`, `bearer`, `digest` or `scheme = \"...\"` to `#[http(...)]`",
        "`basic`, `bearer`, `digest`, `scheme = \"...\"`",
    )?;
    let word = match &first.scheme {
        Some(lit) => lit.value(),
        None => first.key.to_string(),
    };
    let scheme = if word.eq_ignore_ascii_case("basic") {
        AuthScheme::Basic
    } else if word.eq_ignore_ascii_case("bearer") {
        AuthScheme::Bearer
    } else if word.eq_ignore_ascii_case("digest") {
        AuthScheme::Digest
    } else {
        AuthScheme::Custom(word)
    };
    Some((scheme, first.scheme.as_ref()))
}

// CT-B2: the auth-scheme is an HTTP `token` (RFC 9110 §11.1).
fn check_auth_scheme_token(
    cx: &Ctxt,
    scheme: AuthScheme,
    lit: Option<&LitStr>,
) -> Checked<AuthScheme> {
    if let (AuthScheme::Custom(word), Some(lit)) = (&scheme, lit)
        && let Some(problem) = grammar::token_problem(word)
    {
        cx.error_spanned_by(
            lit,
            format!("`scheme` must be an HTTP auth-scheme token (RFC 9110 §11.1): {problem}"),
        );
        return None;
    }
    Some(scheme)
}

// CT-B5: `bearerFormat` only applies to `scheme: bearer`.
fn check_bearer_format(cx: &Ctxt, attr: &Http, scheme: &AuthScheme) -> Checked<Option<String>> {
    let Some(keyed) = attr.format.keyed() else {
        return Some(None);
    };
    if matches!(scheme, AuthScheme::Bearer) {
        return Some(Some(keyed.value.value()));
    }
    cx.error_spanned_by(
        &keyed.key,
        format!(
            "`format` (`bearerFormat`) is only allowed with `bearer` (found {})",
            scheme_name(scheme)
        ),
    );
    None
}

// CT-A3, for CT-E8 and CT-E9: `issuer` and `audience` name what a bearer token carries, so
// `#[http(..)]` takes them with `bearer` only (the other kinds do not accept the keys at all).
fn check_bearer_claims(cx: &Ctxt, attr: &Http, scheme: &AuthScheme) -> Checked<TokenClaims> {
    if matches!(scheme, AuthScheme::Bearer) {
        return check_token_claims(cx, &attr.claims);
    }
    let keys = [attr.claims.issuer.key(), attr.claims.audience.key()];
    let mut ok = true;
    for key in keys.into_iter().flatten() {
        cx.error_spanned_by(
            key,
            format!(
                "`{key}` is only allowed with `bearer` (found {}): it applies to bearer-token schemes only",
                scheme_name(scheme)
            ),
        );
        ok = false;
    }
    ok.then(TokenClaims::default)
}

// `realm` belongs to Basic's challenge (RFC 7617 §2) and is sent as a quoted-string, which
// cannot hold control characters (RFC 9110 §5.6.4).
fn check_realm(cx: &Ctxt, attr: &Http, scheme: &AuthScheme) -> Checked<Option<String>> {
    let Some(keyed) = attr.realm.keyed() else {
        return Some(None);
    };
    if !matches!(scheme, AuthScheme::Basic) {
        cx.error_spanned_by(
            &keyed.key,
            format!(
                "`realm` is only allowed with `basic` (found {})",
                scheme_name(scheme)
            ),
        );
        return None;
    }
    let realm = keyed.value.value();
    if let Some(c) = realm.chars().find(char::is_ascii_control) {
        cx.error_spanned_by(
            &keyed.value,
            format!(
                "`realm` must not contain control characters (found {})",
                c.escape_default()
            ),
        );
        return None;
    }
    Some(Some(realm))
}

fn scheme_name(scheme: &AuthScheme) -> String {
    match scheme {
        AuthScheme::Basic => "`basic`".to_owned(),
        AuthScheme::Bearer => "`bearer`".to_owned(),
        AuthScheme::Digest => "`digest`".to_owned(),
        AuthScheme::Custom(word) => format!("`scheme = \"{word}\"`"),
    }
}
