//! `#[openid_connect(..)]` (`docs/RULES.md` F).

use authscheme_grammar::url::UrlPolicy;

use super::claims::check_token_claims;
use super::common::{Seen, check_unique};
use super::scopes::{check_name_count, check_scope_token};
use super::url::check_url;
use super::{Checked, Declared};
use crate::attr::openid_connect::OpenIdConnect;
use crate::ctxt::Ctxt;
use crate::model::Kind;

pub(super) fn validate_openid_connect(cx: &Ctxt, attr: &OpenIdConnect) -> Checked<Declared> {
    let url = check_openid_connect_url(cx, attr);
    let lits = attr.scopes.get().map_or(&[][..], Vec::as_slice);
    // CT-I3 does not apply to OpenID Connect (its scopes live in the discovery document); the
    // names listed here only get the scope-token grammar (CT-D13), uniqueness and the limit.
    let mut ok = true;
    let mut seen = Seen::default();
    for lit in lits {
        ok &= check_scope_token(cx, lit).is_some();
        ok &= check_unique(cx, lit, "scope", &mut seen).is_some();
    }
    let scopes = check_name_count(cx, lits.iter(), "scopes");
    let claims = check_token_claims(cx, &attr.claims);
    if !ok {
        return None;
    }
    Some((
        Kind::OpenIdConnect {
            url: url?,
            claims: claims?,
        },
        scopes?,
        false,
    ))
}

// CT-F1: `openIdConnectUrl` is required; CT-F2: the URL rules apply (E1, E3, E4).
fn check_openid_connect_url(cx: &Ctxt, attr: &OpenIdConnect) -> Checked<String> {
    let Some(lit) = attr.url.get() else {
        if attr.malformed {
            return None;
        }
        cx.error_spanned_by(
            &attr.ident,
            "missing `url`; add `#[openid_connect(url = \"https://.../.well-known/openid-configuration\")]`",
        );
        return None;
    };
    check_url(cx, lit, "url", UrlPolicy::Declared)
}
