//! URL-valued fields (`docs/RULES.md` E): `authscheme-grammar` finds the problem, this module
//! words it on the offending literal.

use authscheme_grammar::url::{UrlPolicy, UrlProblem, url_problem};
use syn::LitStr;

use super::Checked;
use crate::attr::common::Attr;
use crate::ctxt::Ctxt;
use crate::grammar;

/// An optional URL: `Some(None)` when absent.
pub(super) fn optional_url(
    cx: &Ctxt,
    attr: &Attr<LitStr>,
    key: &str,
    policy: UrlPolicy,
) -> Checked<Option<String>> {
    match attr.get() {
        Some(lit) => check_url(cx, lit, key, policy).map(Some),
        None => Some(None),
    }
}

// CT-E1 (a URI-reference of RFC 3986 characters), CT-E2 (relative references are fine),
// CT-E3 (absolute URLs use https, or http on a loopback host, our policy), CT-E4 (no
// fragment); with `UrlPolicy::AbsoluteHttps` for discovery URLs that must be absolute.
pub(super) fn check_url(cx: &Ctxt, lit: &LitStr, key: &str, policy: UrlPolicy) -> Checked<String> {
    let url = lit.value();
    let Some(problem) = url_problem(&url, policy) else {
        return Some(url);
    };
    cx.error_spanned_by(lit, url_message(&url, key, policy, problem));
    None
}

/// The message for `problem` in the value `url` of `key`, checked under `policy`.
pub(super) fn url_message(url: &str, key: &str, policy: UrlPolicy, problem: UrlProblem) -> String {
    match problem {
        UrlProblem::Empty => {
            format!("`{key}` must not be empty; write a URL such as \"/token\" or \"https://...\"")
        }
        UrlProblem::Character('{' | '}', index) => format!(
            "`{key}` is not a valid URL: `{{` or `}}` at {index}; braces are not URL characters (server variables do not apply here)"
        ),
        UrlProblem::Character(c, index) => format!(
            "`{key}` is not a valid URL: {} at {index} is not allowed (RFC 3986); percent-encode it",
            grammar::describe(c)
        ),
        UrlProblem::Percent(index) => {
            format!("`{key}` is not a valid URL: `%` at {index} must be followed by two hex digits")
        }
        UrlProblem::Bracket(index) => format!(
            "`{key}` is not a valid URL: `[` and `]` are only allowed around an IPv6 host (found one at {index})"
        ),
        UrlProblem::IpLiteral(index) => format!(
            "`{key}` is not a valid URL: malformed IP-literal host at {index}; write an IPv6 address in brackets, like `http://[::1]:8080/`"
        ),
        UrlProblem::Authority(index) => format!(
            "`{key}` is not a valid URL: {} at {index} is out of place in the authority (RFC 3986 §3.2: `userinfo@host:port`)",
            grammar::describe(
                url.get(index..)
                    .and_then(|rest| rest.chars().next())
                    .unwrap_or('?')
            )
        ),
        UrlProblem::Scheme => format!(
            "`{key}` is not a valid URL: the text before the first `:` is not a scheme (RFC 3986 §3.1); write `https://...` or a path such as `/token`"
        ),
        UrlProblem::Misplaced(c, index) => format!(
            "`{key}` is not a valid URL: {} at {index} is not allowed there (RFC 3986)",
            grammar::describe(c)
        ),
        UrlProblem::Fragment => match key {
            "url" => format!(
                "`{key}` must not contain a fragment (`#...`): the discovery URL is the issuer followed by `/.well-known/openid-configuration`, and an issuer has no fragment (OpenID Connect Discovery §3, §4)"
            ),
            "oauth2_metadata_url" => format!(
                "`{key}` must not contain a fragment (`#...`): a discovery URL derives from an issuer, which has none (RFC 8414 §2)"
            ),
            _ => format!("`{key}` must not contain a fragment (`#...`) (RFC 6749 §3.1)"),
        },
        UrlProblem::SchemeRelative => format!(
            "`{key}` must name its scheme: write `https://...` (a scheme-relative `//host` URL may resolve to http)"
        ),
        UrlProblem::Insecure(scheme) => match policy {
            // Only `#[openid_connect(..)]` has a `url`.
            UrlPolicy::Declared | UrlPolicy::Document if key == "url" => format!(
                "`{key}` must use https (OpenAPI `openIdConnectUrl`: \"requires the use of TLS\"; OpenID Connect Discovery §4), found `{scheme}:`; `http` is only allowed on `localhost`, `127.0.0.1` and `[::1]`"
            ),
            UrlPolicy::Declared | UrlPolicy::Document | UrlPolicy::Fetched => format!(
                "`{key}` must use https (OAuth 2.1 §1.5, RFC 6749 §3.2), found `{scheme}:`; `http` is only allowed on `localhost`, `127.0.0.1` and `[::1]`"
            ),
            UrlPolicy::AbsoluteHttps => {
                format!("`{key}` must use https (RFC 8414 §3: TLS is required), found `{scheme}:`")
            }
        },
        UrlProblem::NoHost => {
            format!("`{key}` is not a valid URL: it has no host; write `https://host/...`")
        }
        UrlProblem::BadPort(_) => format!("`{key}` is not a valid URL: the port must be a number"),
        UrlProblem::Relative => format!("`{key}` must be an absolute `https://` URL (RFC 8414 §3)"),
    }
}
