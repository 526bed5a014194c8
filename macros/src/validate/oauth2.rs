//! `#[oauth2(..)]` (`docs/RULES.md` D): the flat password form, the flows, their URLs and scopes,
//! `oauth2_metadata_url`, and the tokens' `issuer` and `audience` (`claims`).

use authscheme_grammar::url::UrlPolicy;
use syn::{Ident, LitStr};

use super::claims::check_token_claims;
use super::common::{Seen, check_extensions, check_unique, check_version};
use super::scopes::{check_name_count, check_scope_tokens};
use super::url::{check_url, optional_url};
use super::{Checked, Declared};
use crate::attr::common::Attr;
use crate::attr::oauth2::{self, OAuth2};
use crate::attr::scopes::ScopeEntry;
use crate::ctxt::Ctxt;
use crate::model::{Flow, FlowKind, FlowUrls, Kind, Pin, Version};

pub(super) fn validate_oauth2(cx: &Ctxt, attr: &OAuth2, pin: Option<&Pin>) -> Checked<Declared> {
    check_flat_form(cx, attr);
    let shared = attr.scopes.get().map_or(&[][..], Vec::as_slice);
    check_scope_tokens(cx, shared);
    check_scopes_unique(cx, shared, None);
    let mut flows = Vec::new();
    let mut ok = true;
    if let Some(token_url) = attr.token_url.get()
        && !attr
            .flows
            .iter()
            .any(|flow| flow.kind == FlowKind::Password)
    {
        // #[oauth2(token_url = "..", refresh_url = "..")]: FastAPI's OAuth2PasswordBearer.
        let token_url = check_url(cx, token_url, "token_url", UrlPolicy::Declared);
        let refresh_url = optional_url(cx, &attr.refresh_url, "refresh_url", UrlPolicy::Declared);
        match (token_url, refresh_url) {
            (Some(token_url), Some(refresh_url)) => flows.push(Flow {
                urls: FlowUrls::Password { token_url },
                refresh_url,
                scopes: entries(shared),
                extensions: Vec::new(),
            }),
            _ => ok = false,
        }
    }
    for flow in &attr.flows {
        match validate_flow(cx, flow, shared, pin) {
            Some(flow) => flows.push(flow),
            None => ok = false,
        }
    }
    check_flows_present(cx, attr);
    let flows_extensions = check_extensions(cx, attr.flows_extensions.get(), pin);
    let metadata_url = check_metadata_url(cx, attr, pin);
    flows.sort_by_key(|flow| flow.urls.kind());
    let scopes = check_scope_count(cx, attr);
    let claims = check_token_claims(cx, &attr.claims);
    if !ok {
        return None;
    }
    Some((
        Kind::OAuth2 {
            flows,
            flows_extensions: flows_extensions?,
            metadata_url: metadata_url?,
            claims: claims?,
        },
        scopes?,
        false,
    ))
}

// The flat form is FastAPI's `OAuth2PasswordBearer(tokenUrl=.., refreshUrl=..)`: a password
// flow. It cannot be combined with an explicit `password(..)` (two password flows), and a flat
// `refresh_url` needs the flat `token_url` it refreshes.
fn check_flat_form(cx: &Ctxt, attr: &OAuth2) {
    if let Some(key) = attr.token_url.key()
        && let Some(password) = attr
            .flows
            .iter()
            .find(|flow| flow.kind == FlowKind::Password)
    {
        cx.error_spanned_by(
            key,
            format!(
                "`token_url` at the top of `#[oauth2(...)]` declares a password flow, and `{}(...)` declares one too; move it into `password(token_url = \"...\")`",
                password.ident
            ),
        );
    }
    if let Some(key) = attr.refresh_url.key()
        && !attr.token_url.is_set()
    {
        cx.error_spanned_by(
            key,
            "`refresh_url` at the top of `#[oauth2(...)]` belongs to the flat password form; add `token_url = \"...\"`, or move it into a flow: `password(token_url = \"...\", refresh_url = \"...\")`",
        );
    }
}

// CT-D1, CT-D2: an OAuth2 scheme declares at least one flow.
fn check_flows_present(cx: &Ctxt, attr: &OAuth2) {
    // After another error in the attribute (say `token_urll`), the flow is probably there,
    // misspelt: one mistake, one error.
    if attr.flows.is_empty()
        && !attr.token_url.is_set()
        && !attr.refresh_url.is_set()
        && !attr.malformed
    {
        cx.error_spanned_by(
            &attr.ident,
            "missing OAuth flow; add `token_url = \"...\"` (a password flow, like FastAPI's `OAuth2PasswordBearer`) or a flow such as `authorization_code(authorization_url = \"...\", token_url = \"...\")`",
        );
    }
}

fn validate_flow(
    cx: &Ctxt,
    flow: &oauth2::Flow,
    shared: &[ScopeEntry],
    pin: Option<&Pin>,
) -> Checked<Flow> {
    let kind = flow.kind;
    check_flow_urls_apply(cx, flow);
    if kind == FlowKind::DeviceAuthorization {
        // CT-D7: the deviceAuthorization flow exists from OpenAPI 3.2 on.
        check_version(
            cx,
            &flow.ident,
            "OAuth flow `device_authorization`",
            Version::V3_2,
            pin,
        );
    }
    let own = flow.scopes.get().map_or(&[][..], Vec::as_slice);
    check_scope_tokens(cx, own);
    check_scopes_unique(cx, own, Some((shared, &flow.ident)));
    let extensions = check_extensions(cx, flow.extensions.get(), pin);
    let refresh_url = optional_url(cx, &flow.refresh_url, "refresh_url", UrlPolicy::Declared);
    let urls = check_flow_required_urls(cx, flow);
    let mut scopes = entries(shared);
    scopes.extend(entries(own));
    Some(Flow {
        urls: urls?,
        refresh_url: refresh_url?,
        scopes,
        extensions: extensions?,
    })
}

// CT-D6: a URL that does not apply to the flow is an error (every schema rejects it).
fn check_flow_urls_apply(cx: &Ctxt, flow: &oauth2::Flow) {
    let checks = [
        (&flow.authorization_url, flow.kind.uses_authorization_url()),
        (
            &flow.device_authorization_url,
            flow.kind.uses_device_authorization_url(),
        ),
        (&flow.token_url, flow.kind.uses_token_url()),
    ];
    for (attr, applies) in checks {
        if let Some(key) = attr.key()
            && !applies
        {
            cx.error_spanned_by(
                key,
                format!(
                    "`{key}` does not apply to the `{}` flow; it takes {}",
                    flow.ident,
                    flow_urls_hint(flow.kind)
                ),
            );
        }
    }
}

/// What a flow takes, for messages.
fn flow_urls_hint(kind: FlowKind) -> &'static str {
    match kind {
        FlowKind::Implicit => "`authorization_url` (and optionally `refresh_url`)",
        FlowKind::Password | FlowKind::ClientCredentials => {
            "`token_url` (and optionally `refresh_url`)"
        }
        FlowKind::AuthorizationCode => {
            "`authorization_url` and `token_url` (and optionally `refresh_url`)"
        }
        FlowKind::DeviceAuthorization => {
            "`device_authorization_url` and `token_url` (and optionally `refresh_url`)"
        }
    }
}

// CT-D5: each flow has the URLs its kind requires (and CT-E1..E4 for each of them).
fn check_flow_required_urls(cx: &Ctxt, flow: &oauth2::Flow) -> Checked<FlowUrls> {
    // `None` for a URL the kind does not use too: the match below never reads it.
    let require = |attr: &Attr<LitStr>, key: &str, applies: bool| -> Checked<String> {
        if !applies {
            return None;
        }
        if let Some(lit) = attr.get() {
            return check_url(cx, lit, key, UrlPolicy::Declared);
        }
        if flow.malformed {
            return None;
        }
        cx.error_spanned_by(
            &flow.ident,
            format!(
                "missing `{key}` in the `{ident}` flow; add `{ident}({})`",
                example_flow(flow.kind),
                ident = flow.ident
            ),
        );
        None
    };
    let kind = flow.kind;
    let authorization_url = require(
        &flow.authorization_url,
        "authorization_url",
        kind.uses_authorization_url(),
    );
    let device_authorization_url = require(
        &flow.device_authorization_url,
        "device_authorization_url",
        kind.uses_device_authorization_url(),
    );
    let token_url = require(&flow.token_url, "token_url", kind.uses_token_url());
    Some(match kind {
        FlowKind::Implicit => FlowUrls::Implicit {
            authorization_url: authorization_url?,
        },
        FlowKind::Password => FlowUrls::Password {
            token_url: token_url?,
        },
        FlowKind::ClientCredentials => FlowUrls::ClientCredentials {
            token_url: token_url?,
        },
        FlowKind::AuthorizationCode => FlowUrls::AuthorizationCode {
            authorization_url: authorization_url?,
            token_url: token_url?,
        },
        FlowKind::DeviceAuthorization => FlowUrls::DeviceAuthorization {
            device_authorization_url: device_authorization_url?,
            token_url: token_url?,
        },
    })
}

fn example_flow(kind: FlowKind) -> &'static str {
    match kind {
        FlowKind::Implicit => "authorization_url = \"...\"",
        FlowKind::Password | FlowKind::ClientCredentials => "token_url = \"...\"",
        FlowKind::AuthorizationCode => "authorization_url = \"...\", token_url = \"...\"",
        FlowKind::DeviceAuthorization => "device_authorization_url = \"...\", token_url = \"...\"",
    }
}

// CT-D8: `oauth2_metadata_url` exists from OpenAPI 3.2 on and must be absolute https (RFC 8414
// §3: "TLS is required").
fn check_metadata_url(cx: &Ctxt, attr: &OAuth2, pin: Option<&Pin>) -> Checked<Option<String>> {
    let Some(keyed) = attr.metadata_url.keyed() else {
        return Some(None);
    };
    check_version(cx, &keyed.key, "`oauth2_metadata_url`", Version::V3_2, pin);
    check_url(
        cx,
        &keyed.value,
        "oauth2_metadata_url",
        UrlPolicy::AbsoluteHttps,
    )
    .map(Some)
}

// CT-D12: scope names are unique within a flow; a flow's own scopes come after the shared ones.
// A flow's scope that the shared list declares is reported against the shared one, every time
// it appears, and is left out of the flow's own uniqueness check.
fn check_scopes_unique(cx: &Ctxt, entries: &[ScopeEntry], shared: Option<(&[ScopeEntry], &Ident)>) {
    let mut seen = Seen::default();
    for entry in entries {
        let name = entry.name.value();
        if let Some((shared, flow)) = shared
            && let Some(first) = shared.iter().find(|other| other.name.value() == name)
        {
            cx.duplicate(
                &entry.name,
                format!("duplicate scope `{name}` in flow `{flow}`: the shared `scopes(...)` of `#[oauth2(...)]` declares it for every flow"),
                &first.name,
                format!("`{name}` declared for every flow here"),
            );
            continue;
        }
        let _ = check_unique(cx, &entry.name, "scope", &mut seen);
    }
}

/// `SCOPES`: the distinct scope names, shared ones first, then each flow's in output order; at
/// most 128, the size of a `ScopeSet`.
fn check_scope_count(cx: &Ctxt, attr: &OAuth2) -> Checked<Vec<String>> {
    let mut lists: Vec<&[ScopeEntry]> = vec![attr.scopes.get().map_or(&[][..], Vec::as_slice)];
    let mut flows: Vec<&oauth2::Flow> = attr.flows.iter().collect();
    flows.sort_by_key(|flow| flow.kind);
    lists.extend(
        flows
            .iter()
            .map(|flow| flow.scopes.get().map_or(&[][..], Vec::as_slice)),
    );
    let names = lists
        .into_iter()
        .flat_map(|list| list.iter().map(|entry| &entry.name));
    check_name_count(cx, names, "scopes")
}

fn entries(entries: &[ScopeEntry]) -> Vec<(String, String)> {
    entries
        .iter()
        .map(|entry| (entry.name.value(), entry.description.value()))
        .collect()
}
