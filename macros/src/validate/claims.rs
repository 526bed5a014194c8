//! `issuer` and `audience` (`docs/RULES.md` CT-E8, CT-E9): the `iss` and `aud` that the bearer
//! tokens of `#[oauth2]`, `#[openid_connect]` and `#[http(bearer)]` must carry, which every JWT
//! verifier of the scheme requires. `authscheme-grammar` finds the problem, this module words
//! it on the offending literal.

use authscheme_grammar::url::{
    IdentifierProblem, UrlPolicy, UrlProblem, UrnProblem, audience_problem, issuer_problem,
};
use syn::LitStr;

use super::Checked;
use super::url::url_message;
use crate::attr::common::{self, Attr};
use crate::ctxt::Ctxt;
use crate::grammar;
use crate::model::TokenClaims;

/// The claims as declared, each optional.
pub(super) fn check_token_claims(cx: &Ctxt, claims: &common::TokenClaims) -> Checked<TokenClaims> {
    let issuer = check_identifier(cx, &claims.issuer, Claim::Issuer);
    let audience = check_identifier(cx, &claims.audience, Claim::Audience);
    Some(TokenClaims {
        issuer: issuer?,
        audience: audience?,
    })
}

/// Which claim a literal declares.
#[derive(Clone, Copy)]
enum Claim {
    /// CT-E8: an issuer identifier is an absolute `https` URL with no query and no fragment
    /// (RFC 8414 §2, OpenID Connect Discovery §2); like every URL a declaration names, it may
    /// use `http` on a loopback host (CT-E3), for a development identity provider.
    Issuer,
    /// CT-E9: this resource server's identifier, a resource indicator: an absolute URI without
    /// a fragment (RFC 8707 §2), which the DSL takes as an `https` URL (`http` on loopback,
    /// CT-E3) or a URN (RFC 8141 §2).
    Audience,
}

impl Claim {
    const fn key(self) -> &'static str {
        match self {
            Self::Issuer => "issuer",
            Self::Audience => "audience",
        }
    }

    /// What a good value looks like, for messages.
    const fn example(self) -> &'static str {
        match self {
            Self::Issuer => "\"https://idp.example.com\"",
            Self::Audience => "\"https://api.example.com\" or \"urn:example:api\"",
        }
    }
}

/// An optional claim: `Some(None)` when absent.
fn check_identifier(cx: &Ctxt, attr: &Attr<LitStr>, claim: Claim) -> Checked<Option<String>> {
    let Some(lit) = attr.get() else {
        return Some(None);
    };
    let text = lit.value();
    let problem = match claim {
        Claim::Issuer => issuer_problem(&text),
        Claim::Audience => audience_problem(&text),
    };
    let Some(problem) = problem else {
        return Some(Some(text));
    };
    cx.error_spanned_by(lit, identifier_message(&text, claim, problem));
    None
}

fn identifier_message(text: &str, claim: Claim, problem: IdentifierProblem) -> String {
    let key = claim.key();
    let example = claim.example();
    match (claim, problem) {
        (Claim::Issuer, IdentifierProblem::Url(UrlProblem::Empty)) => format!(
            "`{key}` must not be empty; write the issuer identifier the tokens carry in `iss`, such as {example}"
        ),
        (Claim::Audience, IdentifierProblem::Url(UrlProblem::Empty)) => format!(
            "`{key}` must not be empty; write this resource server's identifier, which the tokens carry in `aud`, such as {example}"
        ),
        (Claim::Issuer, IdentifierProblem::Url(UrlProblem::Relative)) => format!(
            "`{key}` must be an absolute `https://` URL, such as {example} (RFC 8414 §2, OpenID Connect Discovery §2: an issuer identifier is an `https` URL)"
        ),
        // `NotUrn` cannot happen (only text starting with `urn:` is read as a URN), and would
        // mean the same.
        (Claim::Audience, IdentifierProblem::Url(UrlProblem::Relative))
        | (_, IdentifierProblem::Urn(UrnProblem::NotUrn)) => format!(
            "`{key}` must be an absolute `https://` URL or a URN, such as {example} (RFC 8707 §2: a resource indicator is an absolute URI)"
        ),
        (claim, IdentifierProblem::Url(UrlProblem::Insecure(scheme))) => {
            let what = match claim {
                Claim::Issuer => {
                    "must use https (RFC 8414 §2, OpenID Connect Discovery §2: an issuer identifier is an `https` URL)"
                }
                Claim::Audience => "must be an `https` URL (OAuth 2.1 §1.5) or a URN (`urn:...`)",
            };
            let loopback = if scheme.eq_ignore_ascii_case("http") {
                "; `http` is only allowed on `localhost`, `127.0.0.1` and `[::1]`"
            } else {
                ""
            };
            format!("`{key}` {what}, found `{scheme}:`{loopback}")
        }
        (Claim::Issuer, IdentifierProblem::Url(UrlProblem::Fragment)) => format!(
            "`{key}` must not contain a fragment (`#...`): an issuer identifier has no query or fragment components (RFC 8414 §2, OpenID Connect Discovery §2)"
        ),
        (_, IdentifierProblem::Query) => format!(
            "`{key}` must not contain a query (`?...`): an issuer identifier has no query or fragment components (RFC 8414 §2, OpenID Connect Discovery §2)"
        ),
        (Claim::Audience, IdentifierProblem::Url(UrlProblem::Fragment)) => {
            format!("`{key}` must not contain a fragment (`#...`) (RFC 8707 §2)")
        }
        (_, IdentifierProblem::Url(problem)) => url_message(text, key, UrlPolicy::Fetched, problem),
        (_, IdentifierProblem::Urn(problem)) => urn_message(text, key, problem),
    }
}

/// The message for a URN problem; `text` starts with `urn:`.
fn urn_message(text: &str, key: &str, problem: UrnProblem) -> String {
    let nid = text
        .get("urn:".len()..)
        .and_then(|rest| rest.split(':').next())
        .unwrap_or_default();
    let write = "write `urn:<NID>:<NSS>`, such as \"urn:example:api\"";
    match problem {
        UrnProblem::NotUrn => format!("`{key}` is not a URN; {write}"),
        UrnProblem::Nid if nid.is_empty() => format!(
            "`{key}` is not a valid URN: the namespace identifier after `urn:` is empty (RFC 8141 §2); {write}"
        ),
        UrnProblem::Nid => format!(
            "`{key}` is not a valid URN: the namespace identifier `{nid}` must be 2 to 32 letters, digits and `-`, starting and ending with a letter or digit (RFC 8141 §2); {write}"
        ),
        UrnProblem::NoNss => format!(
            "`{key}` is not a valid URN: nothing follows the namespace identifier `{nid}` (RFC 8141 §2); {write}"
        ),
        UrnProblem::Character('/', _) => format!(
            "`{key}` is not a valid URN: the namespace-specific string cannot start with `/` (RFC 8141 §2)"
        ),
        UrnProblem::Character(c, index) => format!(
            "`{key}` is not a valid URN: {} at {index} is not allowed (RFC 8141 §2); percent-encode it",
            grammar::describe(c)
        ),
        UrnProblem::Percent(index) => {
            format!("`{key}` is not a valid URN: `%` at {index} must be followed by two hex digits")
        }
        UrnProblem::Component(index)
            if text.get(index..).is_some_and(|rest| rest.starts_with('#')) =>
        {
            format!(
                "`{key}` must not contain a fragment (`#...`): an f-component is not part of a URN's name (RFC 8141 §3; RFC 8707 §2)"
            )
        }
        UrnProblem::Component(index) => format!(
            "`{key}` must be a URN's name alone: the `?` at {index} starts an r- or q-component (`?+...`, `?=...`), which is not part of it (RFC 8141 §3)"
        ),
    }
}
