//! The rules of the DSL: `attr` (what was written) → `model` (what is expanded). Every rule is
//! one `check_*` function naming its rule in `docs/RULES.md` (a); each reports into the
//! `Ctxt` and goes on, so that a declaration's errors all appear at once.

use syn::ext::IdentExt as _;
use syn::{Attribute, Data, Fields, Ident, LitStr, Path};

use crate::attr::api_key::ApiKey;
use crate::attr::common::{Attr, Common, did_you_mean};
use crate::attr::extensions::{ExtensionEntry, ExtensionLit};
use crate::attr::http::Http;
use crate::attr::mutual_tls::MutualTls;
use crate::attr::oauth2::{self, OAuth2};
use crate::attr::openid_connect::OpenIdConnect;
use crate::attr::scopes::ScopeEntry;
use crate::attr::{Input, KindAttr};
use crate::ctxt::Ctxt;
use crate::grammar::{self, UrlPolicy, UrlProblem};
use crate::model::{
    self, ApiKeyLocation, Extension, ExtensionValue, Flow, FlowKind, FlowUrls, Kind, Pin, Scheme,
    Version,
};
use crate::symbol::KINDS;

/// The most scopes (or roles) a scheme can declare: `ScopeSet` is a 128-bit set.
const MAX_SCOPES: usize = 128;

/// Validates `input`; `None` when an error was recorded (the model is only built from a
/// declaration without errors).
pub(crate) fn validate<'a>(cx: &Ctxt, input: &Input<'a>) -> Option<Scheme<'a>> {
    let original = input.original;
    check_not_union(cx, original);
    check_kind_attrs_on_type(cx, original);
    let kind_attr = check_one_kind(cx, input)?;
    let common = kind_attr.common();
    let pin = check_openapi_pin(cx, common);
    let krate = check_crate_path(cx, common);
    let name = check_component_name(cx, common, &original.ident);
    let deprecated = check_deprecated_version(cx, common, pin.as_ref());
    let extensions = check_extensions(cx, common.extensions.get(), pin.as_ref());
    let description = common
        .description
        .get()
        .map(LitStr::value)
        .or_else(|| input.doc.clone());
    let declared = match kind_attr {
        KindAttr::OAuth2(attr) => validate_oauth2(cx, attr, pin.as_ref()),
        KindAttr::OpenIdConnect(attr) => validate_openid_connect(cx, attr),
        KindAttr::ApiKey(attr) => validate_api_key(cx, attr, pin.as_ref()),
        KindAttr::Http(attr) => validate_http(cx, attr, pin.as_ref()),
        KindAttr::MutualTls(attr) => validate_mutual_tls(cx, attr, pin.as_ref()),
    };
    let (kind, scopes, roles) = declared?;
    let min_version = min_version(deprecated, &kind);
    if cx.has_errors() {
        return None;
    }
    Some(Scheme {
        ident: &original.ident,
        generics: &original.generics,
        krate: krate?,
        name: name?,
        description,
        deprecated,
        extensions: extensions?,
        min_version,
        scopes,
        roles,
        kind,
    })
}

/// An error that has been reported to the `Ctxt` already.
struct Reported;

/// What a kind contributes: the kind, `SCOPES`, and whether those are role names.
type Declared = (Kind, Vec<String>, bool);

// The derive describes a type and ignores its fields, so structs and enums of any shape are
// fine; a union is refused so that nobody relies on a scheme type being a union by accident.
fn check_not_union(cx: &Ctxt, input: &syn::DeriveInput) {
    if let Data::Union(data) = &input.data {
        cx.error_spanned_by(
            data.union_token,
            "`#[derive(SecurityScheme)]` does not support unions; declare the scheme on a struct or an enum, e.g. `struct ItemsAuth;`",
        );
    }
}

// A kind attribute describes the type. rustc accepts derive helper attributes on fields and
// variants too, where this derive would never read them: an invalid URL there would pass
// without a word, so they are refused.
fn check_kind_attrs_on_type(cx: &Ctxt, input: &syn::DeriveInput) {
    let misplaced = |attrs: &[Attribute], place: &str| {
        for attr in attrs {
            if let Some(kind) = KINDS.iter().find(|kind| *attr.path() == **kind) {
                cx.error_spanned_by(
                    attr,
                    format!("`#[{kind}(...)]` goes on the type, not on a {place}"),
                );
            }
        }
    };
    let fields = |fields: &Fields| {
        for field in fields {
            misplaced(&field.attrs, "field");
        }
    };
    match &input.data {
        Data::Struct(data) => fields(&data.fields),
        Data::Enum(data) => {
            for variant in &data.variants {
                misplaced(&variant.attrs, "variant");
                fields(&variant.fields);
            }
        }
        Data::Union(data) => {
            for field in &data.fields.named {
                misplaced(&field.attrs, "field");
            }
        }
    }
}

// Exactly one kind attribute (the DSL's spelling of CT-A1's required `type`): none leaves the
// type unknown, two would be two schemes in one.
fn check_one_kind<'i>(cx: &Ctxt, input: &'i Input) -> Option<&'i KindAttr> {
    let Some((first, rest)) = input.kinds.split_first() else {
        // `#[apiKey(..)]`: rustc reports the unknown attribute and suggests `api_key`; a
        // second error about the missing kind would only repeat it.
        if input.original.attrs.iter().any(is_near_miss_of_kind) {
            cx.leave_to_rustc();
            return None;
        }
        let list = KINDS
            .iter()
            .map(|kind| format!("`#[{kind}(...)]`"))
            .collect::<Vec<_>>()
            .join(", ");
        cx.error_spanned_by(
            &input.original.ident,
            format!(
                "missing security scheme attribute; add one of {list} to `{}`",
                input.original.ident
            ),
        );
        return None;
    };
    for extra in rest {
        let (kind, first_kind) = (extra.ident(), first.ident());
        if kind == first_kind {
            cx.duplicate(
                kind,
                format!(
                    "duplicate `#[{kind}(...)]`: a type declares one security scheme; merge them into one `#[{kind}(...)]`"
                ),
                first_kind,
                format!("first `#[{kind}(...)]` here"),
            );
        } else {
            cx.duplicate(
                kind,
                format!(
                    "a type declares one security scheme, but `#[{kind}]` follows `#[{first_kind}]`; declare the other scheme on a type of its own"
                ),
                first_kind,
                format!("`#[{first_kind}]` here"),
            );
        }
    }
    Some(first)
}

/// An attribute whose name is a near miss of a kind attribute's (`apiKey`, `oauth`), which
/// rustc reports as unknown. Names rustc knows are not near misses.
fn is_near_miss_of_kind(attr: &Attribute) -> bool {
    const BUILTIN: &[&str] = &[
        "doc",
        "derive",
        "allow",
        "warn",
        "deny",
        "forbid",
        "expect",
        "cfg",
        "cfg_attr",
        "repr",
        "must_use",
        "deprecated",
        "non_exhaustive",
        "diagnostic",
    ];
    let Some(ident) = attr.path().get_ident() else {
        return false;
    };
    let name = ident.unraw().to_string();
    !BUILTIN.contains(&name.as_str())
        && !KINDS.iter().any(|kind| kind.as_str() == name)
        && did_you_mean(&name, KINDS.iter().map(|kind| kind.as_str())).is_some()
}

// CT-K: `openapi = "3.x"` pins the target version, so that the version-gated rules (A2, A7, D7,
// D8, I4, J2) are checked at compile time.
fn check_openapi_pin(cx: &Ctxt, common: &Common) -> Option<Pin> {
    let lit = common.openapi.get()?;
    let version = Version::parse(&lit.value());
    if version.is_none() {
        cx.error_spanned_by(
            lit,
            format!(
                "unknown OpenAPI version `{}`; expected \"3.0\", \"3.1\" or \"3.2\"",
                lit.value()
            ),
        );
    }
    version.map(|version| Pin { version })
}

// `crate = ".."` must be a path; it replaces `::authscheme` in the expansion.
fn check_crate_path(cx: &Ctxt, common: &Common) -> Option<Path> {
    let Some(lit) = common.krate.get() else {
        return Some(crate::expand::krate::default_path());
    };
    let path = lit.parse::<Path>().ok();
    if path.is_none() {
        cx.error_spanned_by(
            lit,
            format!(
                "`crate` must be a path to the `authscheme` crate, like `crate = \"my_crate::authscheme\"`; found `{}`",
                lit.value()
            ),
        );
    }
    path
}

// CT-H1: component names match `^[a-zA-Z0-9.\-_]+$`. A Rust identifier can fail it too (it may
// be non-ASCII), so the default name is checked as well.
fn check_component_name(cx: &Ctxt, common: &Common, ident: &Ident) -> Option<String> {
    if let Some(lit) = common.name.get() {
        let name = lit.value();
        if grammar::is_component_name(&name) {
            return Some(name);
        }
        if name.is_empty() {
            cx.error_spanned_by(
                lit,
                "`name` must not be empty; it names the scheme in `components.securitySchemes`",
            );
            return None;
        }
        cx.error_spanned_by(
            lit,
            format!(
                "security scheme name `{name}` must match ^[a-zA-Z0-9.\\-_]+$ (OpenAPI components)"
            ),
        );
        return None;
    }
    let name = ident.unraw().to_string();
    if grammar::is_component_name(&name) {
        return Some(name);
    }
    cx.error_spanned_by(
        ident,
        format!("the type name `{name}` is not a valid security scheme name (^[a-zA-Z0-9.\\-_]+$); add `name = \"...\"`"),
    );
    None
}

// CT-A7: `deprecated` on a scheme exists from OpenAPI 3.2 on.
fn check_deprecated_version(cx: &Ctxt, common: &Common, pin: Option<&Pin>) -> bool {
    let Some(keyed) = common.deprecated.keyed() else {
        return false;
    };
    let deprecated = keyed.value.value;
    if deprecated {
        check_version(
            cx,
            &keyed.key,
            "`deprecated` on a security scheme",
            Version::V3_2,
            pin,
        );
    }
    deprecated
}

/// Reports `feature` when the pinned target is older than `required`.
fn check_version(cx: &Ctxt, key: &Ident, feature: &str, required: Version, pin: Option<&Pin>) {
    if let Some(pin) = pin
        && pin.version < required
    {
        cx.error_spanned_by(
            key,
            format!(
                "{feature} requires OpenAPI {} or later (target is {}, pinned by `openapi = \"{}\"`)",
                required.as_str(),
                pin.version.as_str(),
                pin.version.as_str()
            ),
        );
    }
}

/// The extensions of one object (CT-J1, J2, J3, J5; J4 holds by the grammar: extensions are
/// accepted only on the scheme, the OAuth Flows Object and each flow).
fn check_extensions(
    cx: &Ctxt,
    entries: Option<&Vec<ExtensionEntry>>,
    pin: Option<&Pin>,
) -> Option<Vec<Extension>> {
    let entries = entries.map_or(&[][..], Vec::as_slice);
    let mut ok = true;
    let mut seen: Vec<&LitStr> = Vec::new();
    let mut extensions = Vec::with_capacity(entries.len());
    for entry in entries {
        let key = entry.key.value();
        ok &= check_extension_key(cx, &entry.key, &key, pin);
        ok &= check_extension_unique(cx, &entry.key, &key, &mut seen);
        match check_extension_value(cx, &entry.value) {
            Some(value) => extensions.push(Extension { key, value }),
            None => ok = false,
        }
    }
    ok.then_some(extensions)
}

// CT-J1: extension keys start with lowercase `x-`. CT-J2: `x-oai-`/`x-oas-` are reserved from
// OpenAPI 3.1 on, an error unless the target is pinned to 3.0.
fn check_extension_key(cx: &Ctxt, lit: &LitStr, key: &str, pin: Option<&Pin>) -> bool {
    if key.is_empty() {
        cx.error_spanned_by(
            lit,
            "an extension field name must not be empty; write `\"x-...\"`",
        );
        return false;
    }
    if !key.starts_with("x-") {
        cx.error_spanned_by(lit, format!("extension field `{key}` must start with `x-`"));
        return false;
    }
    let reserved = ["x-oai-", "x-oas-"]
        .into_iter()
        .find(|prefix| key.starts_with(prefix));
    if let Some(prefix) = reserved
        && pin.is_none_or(|pin| pin.version >= Version::V3_1)
    {
        cx.error_spanned_by(
            lit,
            format!(
                "extension prefix `{prefix}` is reserved by the OpenAPI Initiative (OpenAPI 3.1+)"
            ),
        );
        return false;
    }
    true
}

// CT-J5 (and A5): an extension key appears once per object.
fn check_extension_unique<'l>(
    cx: &Ctxt,
    lit: &'l LitStr,
    key: &str,
    seen: &mut Vec<&'l LitStr>,
) -> bool {
    if let Some(first) = seen.iter().find(|other| other.value() == key) {
        cx.duplicate(
            lit,
            format!("duplicate extension `{key}`"),
            first,
            format!("first `{key}` here"),
        );
        return false;
    }
    seen.push(lit);
    true
}

// CT-J3: values must be JSON: finite numbers; integers must fit the model's `i64`.
fn check_extension_value(cx: &Ctxt, value: &ExtensionLit) -> Option<ExtensionValue> {
    match value {
        ExtensionLit::Str(lit) => Some(ExtensionValue::Str(lit.value())),
        ExtensionLit::Bool(lit) => Some(ExtensionValue::Bool(lit.value)),
        ExtensionLit::Int { negative, lit } => {
            let parsed = lit.base10_parse::<i128>().ok().and_then(|value| {
                let value = if negative.is_some() { -value } else { value };
                i64::try_from(value).ok()
            });
            if parsed.is_none() {
                cx.error_spanned_by(
                    lit,
                    format!("extension value `{lit}` does not fit in a 64-bit signed integer"),
                );
            }
            parsed.map(ExtensionValue::Int)
        }
        ExtensionLit::Float { negative, lit } => {
            let parsed = lit
                .base10_parse::<f64>()
                .ok()
                .filter(|value| value.is_finite())
                .map(|value| if negative.is_some() { -value } else { value });
            if parsed.is_none() {
                cx.error_spanned_by(
                    lit,
                    format!("extension value `{lit}` is not a finite number, which JSON cannot represent"),
                );
            }
            parsed.map(ExtensionValue::Float)
        }
    }
}

/// The oldest OpenAPI version that can describe the scheme (A2, A7, D7, D8).
fn min_version(deprecated: bool, kind: &Kind) -> Version {
    let mut version = Version::V3_0;
    if deprecated {
        version = version.max(Version::V3_2);
    }
    match kind {
        Kind::MutualTls => version = version.max(Version::V3_1),
        Kind::OAuth2 {
            flows,
            metadata_url,
            ..
        } => {
            let device = flows
                .iter()
                .any(|flow| flow.urls.kind() == FlowKind::DeviceAuthorization);
            if device || metadata_url.is_some() {
                version = version.max(Version::V3_2);
            }
        }
        _ => {}
    }
    version
}

// ----- #[oauth2(..)] -----

fn validate_oauth2(cx: &Ctxt, attr: &OAuth2, pin: Option<&Pin>) -> Option<Declared> {
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
        let token_url = check_url(cx, token_url, "token_url", UrlPolicy::Default);
        let refresh_url = optional_url(cx, &attr.refresh_url, "refresh_url", UrlPolicy::Default);
        match (token_url, refresh_url) {
            (Some(token_url), Ok(refresh_url)) => flows.push(Flow {
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
    if !ok {
        return None;
    }
    Some((
        Kind::OAuth2 {
            flows,
            flows_extensions: flows_extensions?,
            metadata_url: metadata_url.ok()?,
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
) -> Option<Flow> {
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
    let refresh_url = optional_url(cx, &flow.refresh_url, "refresh_url", UrlPolicy::Default);
    let urls = check_flow_required_urls(cx, flow);
    let mut scopes = entries(shared);
    scopes.extend(entries(own));
    Some(Flow {
        urls: urls?,
        refresh_url: refresh_url.ok()?,
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
fn check_flow_required_urls(cx: &Ctxt, flow: &oauth2::Flow) -> Option<FlowUrls> {
    let require = |attr: &Attr<LitStr>, key: &str, applies: bool| -> Option<String> {
        if !applies {
            return None;
        }
        if let Some(lit) = attr.get() {
            return check_url(cx, lit, key, UrlPolicy::Default);
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
fn check_metadata_url(
    cx: &Ctxt,
    attr: &OAuth2,
    pin: Option<&Pin>,
) -> Result<Option<String>, Reported> {
    let Some(keyed) = attr.metadata_url.keyed() else {
        return Ok(None);
    };
    check_version(cx, &keyed.key, "`oauth2_metadata_url`", Version::V3_2, pin);
    check_url(
        cx,
        &keyed.value,
        "oauth2_metadata_url",
        UrlPolicy::AbsoluteHttps,
    )
    .map(Some)
    .ok_or(Reported)
}

/// An optional URL: `Ok(None)` when absent.
fn optional_url(
    cx: &Ctxt,
    attr: &Attr<LitStr>,
    key: &str,
    policy: UrlPolicy,
) -> Result<Option<String>, Reported> {
    match attr.get() {
        Some(lit) => check_url(cx, lit, key, policy).map(Some).ok_or(Reported),
        None => Ok(None),
    }
}

// CT-E1 (a URI-reference of RFC 3986 characters), CT-E2 (relative references are fine),
// CT-E3 (absolute URLs use https, or http on a loopback host, our policy), CT-E4 (no
// fragment); with `UrlPolicy::AbsoluteHttps` for discovery URLs that must be absolute.
fn check_url(cx: &Ctxt, lit: &LitStr, key: &str, policy: UrlPolicy) -> Option<String> {
    let url = lit.value();
    let Some(problem) = grammar::url_problem(&url, policy) else {
        return Some(url);
    };
    let message = match problem {
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
            UrlPolicy::Default if key == "url" => format!(
                "`{key}` must use https (OpenAPI `openIdConnectUrl`: \"requires the use of TLS\"; OpenID Connect Discovery §4), found `{scheme}:`; `http` is only allowed on `localhost`, `127.0.0.1` and `[::1]`"
            ),
            UrlPolicy::Default => format!(
                "`{key}` must use https (OAuth 2.1 §1.5, RFC 6749 §3.2), found `{scheme}:`; `http` is only allowed on `localhost`, `127.0.0.1` and `[::1]`"
            ),
            UrlPolicy::AbsoluteHttps => {
                format!("`{key}` must use https (RFC 8414 §3: TLS is required), found `{scheme}:`")
            }
        },
        UrlProblem::NoHost => {
            format!("`{key}` is not a valid URL: it has no host; write `https://host/...`")
        }
        UrlProblem::BadPort => format!("`{key}` is not a valid URL: the port must be a number"),
        UrlProblem::Relative => format!("`{key}` must be an absolute `https://` URL (RFC 8414 §3)"),
    };
    cx.error_spanned_by(lit, message);
    None
}

// CT-D13: scope names are RFC 6749 scope-tokens (printable ASCII without space, `"` or `\`).
fn check_scope_tokens(cx: &Ctxt, entries: &[ScopeEntry]) {
    for entry in entries {
        check_scope_token(cx, &entry.name);
    }
}

fn check_scope_token(cx: &Ctxt, lit: &LitStr) -> bool {
    let name = lit.value();
    if name.is_empty() {
        cx.error_spanned_by(lit, "a scope name must not be empty (RFC 6749 §3.3)");
        return false;
    }
    match grammar::scope_token_problem(&name) {
        None => true,
        Some(problem) => {
            cx.error_spanned_by(
                lit,
                format!(
                    "scope `{name}` is not a valid OAuth scope-token (RFC 6749 §3.3): {problem}"
                ),
            );
            false
        }
    }
}

// CT-D12: scope names are unique within a flow; a flow's own scopes come after the shared ones.
fn check_scopes_unique(cx: &Ctxt, entries: &[ScopeEntry], shared: Option<(&[ScopeEntry], &Ident)>) {
    let mut seen: Vec<&LitStr> = Vec::new();
    for entry in entries {
        let name = entry.name.value();
        if let Some(first) = seen.iter().find(|other| other.value() == name) {
            cx.duplicate(
                &entry.name,
                format!("duplicate scope `{name}`"),
                first,
                format!("first `{name}` here"),
            );
            continue;
        }
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
        seen.push(&entry.name);
    }
}

/// `SCOPES`: the distinct scope names, shared ones first, then each flow's in output order; at
/// most 128, the size of a `ScopeSet`.
fn check_scope_count(cx: &Ctxt, attr: &OAuth2) -> Option<Vec<String>> {
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

/// The distinct values of `lits`, reporting the first one past [`MAX_SCOPES`].
fn check_name_count<'l>(
    cx: &Ctxt,
    lits: impl Iterator<Item = &'l LitStr>,
    what: &str,
) -> Option<Vec<String>> {
    let mut names: Vec<String> = Vec::new();
    for lit in lits {
        let name = lit.value();
        if names.contains(&name) {
            continue;
        }
        if names.len() == MAX_SCOPES {
            cx.error_spanned_by(
                lit,
                format!("too many {what}: a scheme declares at most {MAX_SCOPES} (a `ScopeSet` is a 128-bit set)"),
            );
            return None;
        }
        names.push(name);
    }
    Some(names)
}

fn entries(entries: &[ScopeEntry]) -> Vec<(String, String)> {
    entries
        .iter()
        .map(|entry| (entry.name.value(), entry.description.value()))
        .collect()
}

// ----- #[openid_connect(..)] -----

fn validate_openid_connect(cx: &Ctxt, attr: &OpenIdConnect) -> Option<Declared> {
    let url = check_openid_connect_url(cx, attr);
    let lits = attr.scopes.get().map_or(&[][..], Vec::as_slice);
    // CT-I3 does not apply to OpenID Connect (its scopes live in the discovery document); the
    // names listed here only get the scope-token grammar (CT-D13), uniqueness and the limit.
    let mut ok = true;
    let mut seen: Vec<&LitStr> = Vec::new();
    for lit in lits {
        ok &= check_scope_token(cx, lit);
        let name = lit.value();
        if let Some(first) = seen.iter().find(|other| other.value() == name) {
            cx.duplicate(
                lit,
                format!("duplicate scope `{name}`"),
                first,
                format!("first `{name}` here"),
            );
            ok = false;
        }
        seen.push(lit);
    }
    let scopes = check_name_count(cx, lits.iter(), "scopes");
    if !ok {
        return None;
    }
    Some((Kind::OpenIdConnect { url: url? }, scopes?, false))
}

// CT-F1: `openIdConnectUrl` is required; CT-F2: the URL rules apply (E1, E3, E4).
fn check_openid_connect_url(cx: &Ctxt, attr: &OpenIdConnect) -> Option<String> {
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
    check_url(cx, lit, "url", UrlPolicy::Default)
}

// ----- roles (api_key, http, mutual_tls) -----

// CT-I4: with OpenAPI 3.0 a requirement on a non-OAuth scheme must be an empty list, so role
// names need 3.1; names are unique and at most 128. Role names stand in requirement arrays
// where OAuth schemes list scopes, so they get the scope-token grammar (RFC 6749 §3.3,
// CT-D13): printable ASCII without space, `"` or `\`, and not empty.
fn check_roles(cx: &Ctxt, roles: &Attr<Vec<LitStr>>, pin: Option<&Pin>) -> Option<Vec<String>> {
    let Some(keyed) = roles.keyed() else {
        return Some(Vec::new());
    };
    if let Some(pin) = pin
        && pin.version == Version::V3_0
    {
        cx.error_spanned_by(
            &keyed.key,
            "OpenAPI 3.0 requires an empty list for non-OAuth schemes in security requirements, so `roles(...)` needs `openapi = \"3.1\"` or later",
        );
        return None;
    }
    let mut ok = true;
    let mut seen: Vec<&LitStr> = Vec::new();
    for lit in &keyed.value {
        let role = lit.value();
        if role.is_empty() {
            cx.error_spanned_by(lit, "a role name must not be empty");
            ok = false;
        } else if let Some(problem) = grammar::scope_token_problem(&role) {
            cx.error_spanned_by(
                lit,
                format!("role `{role}` is not a valid role name: {problem}; role names stand next to scopes in security requirements, so they follow the scope-token grammar (RFC 6749 §3.3)"),
            );
            ok = false;
        } else if let Some(first) = seen.iter().find(|other| other.value() == role) {
            cx.duplicate(
                lit,
                format!("duplicate role `{role}`"),
                first,
                format!("first `{role}` here"),
            );
            ok = false;
        }
        seen.push(lit);
    }
    let names = check_name_count(cx, keyed.value.iter(), "roles");
    if ok { names } else { None }
}

// ----- #[api_key(..)] -----

fn validate_api_key(cx: &Ctxt, attr: &ApiKey, pin: Option<&Pin>) -> Option<Declared> {
    let roles = check_roles(cx, &attr.roles, pin);
    let location = check_api_key_location(cx, attr)?;
    let name = location.name.value();
    let mut ok = check_api_key_name_non_empty(cx, &location.name, &name);
    if ok {
        ok = match location.location {
            ApiKeyLocation::Header => {
                check_header_name_token(cx, &location.name, &name)
                    && check_header_not_reserved(cx, &location.name, &name)
            }
            ApiKeyLocation::Cookie => check_cookie_name_token(cx, &location.name, &name),
            ApiKeyLocation::Query => true,
        };
    }
    if !ok {
        return None;
    }
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
fn check_api_key_location<'a>(
    cx: &Ctxt,
    attr: &'a ApiKey,
) -> Option<&'a crate::attr::api_key::LocationAttr> {
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
fn check_api_key_name_non_empty(cx: &Ctxt, lit: &LitStr, name: &str) -> bool {
    if name.is_empty() {
        cx.error_spanned_by(lit, "API key name must not be empty");
        return false;
    }
    true
}

// CT-C4: a header name is an HTTP field-name, i.e. a token.
fn check_header_name_token(cx: &Ctxt, lit: &LitStr, name: &str) -> bool {
    match grammar::token_problem(name) {
        None => true,
        Some(problem) => {
            cx.error_spanned_by(
                lit,
                format!("header name `{name}` is not a valid HTTP field-name token (RFC 9110 §5.1): {problem}"),
            );
            false
        }
    }
}

// CT-C7: framing and connection headers cannot carry an API key.
fn check_header_not_reserved(cx: &Ctxt, lit: &LitStr, name: &str) -> bool {
    if grammar::is_reserved_header(name) {
        cx.error_spanned_by(lit, format!("header `{name}` cannot carry an API key; choose a custom header such as `X-API-Key`"));
        return false;
    }
    true
}

// CT-C5: a cookie name is a cookie-name token (RFC 6265 §4.1.1).
fn check_cookie_name_token(cx: &Ctxt, lit: &LitStr, name: &str) -> bool {
    match grammar::token_problem(name) {
        None => true,
        Some(problem) => {
            cx.error_spanned_by(
                lit,
                format!("cookie name `{name}` is not a valid cookie-name token (RFC 6265 §4.1.1): {problem}"),
            );
            false
        }
    }
}

// ----- #[http(..)] -----

/// The auth-scheme an `#[http(..)]` names, before its options are checked.
enum AuthScheme {
    Basic,
    Bearer,
    Digest,
    Custom(String),
}

fn validate_http(cx: &Ctxt, attr: &Http, pin: Option<&Pin>) -> Option<Declared> {
    let roles = check_roles(cx, &attr.roles, pin);
    let scheme = check_http_scheme(cx, attr)
        .and_then(|(scheme, lit)| check_auth_scheme_token(cx, scheme, lit))?;
    let format = check_bearer_format(cx, attr, &scheme);
    let realm = check_realm(cx, attr, &scheme);
    let (format, realm) = (format.ok()?, realm.ok()?);
    let http = match scheme {
        AuthScheme::Basic => model::Http::Basic { realm },
        AuthScheme::Bearer => model::Http::Bearer { format },
        AuthScheme::Digest => model::Http::Digest,
        AuthScheme::Custom(scheme) => model::Http::Custom { scheme },
    };
    Some((Kind::Http(http), roles?, true))
}

// CT-B1: `scheme` is required; the DSL takes exactly one of `basic`, `bearer`, `digest` and
// `scheme = ".."`. `scheme` is case-insensitive (CT-B4), so `scheme = "Bearer"` is `bearer`.
fn check_http_scheme<'a>(cx: &Ctxt, attr: &'a Http) -> Option<(AuthScheme, Option<&'a LitStr>)> {
    let Some((first, rest)) = attr.schemes.split_first() else {
        if attr.malformed {
            return None;
        }
        cx.error_spanned_by(
            &attr.ident,
            "missing auth scheme; add one of `basic`, `bearer`, `digest` or `scheme = \"...\"` to `#[http(...)]`",
        );
        return None;
    };
    for extra in rest {
        cx.duplicate(
            &extra.key,
            format!(
                "`{}` conflicts with `{}`: `#[http(...)]` takes exactly one of `basic`, `bearer`, `digest`, `scheme = \"...\"`",
                extra.key, first.key
            ),
            &first.key,
            format!("`{}` here", first.key),
        );
    }
    if !rest.is_empty() {
        return None;
    }
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
) -> Option<AuthScheme> {
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
fn check_bearer_format(
    cx: &Ctxt,
    attr: &Http,
    scheme: &AuthScheme,
) -> Result<Option<String>, Reported> {
    let Some(keyed) = attr.format.keyed() else {
        return Ok(None);
    };
    if matches!(scheme, AuthScheme::Bearer) {
        return Ok(Some(keyed.value.value()));
    }
    cx.error_spanned_by(
        &keyed.key,
        format!(
            "`format` (`bearerFormat`) is only allowed with `bearer` (found {})",
            scheme_name(scheme)
        ),
    );
    Err(Reported)
}

// `realm` belongs to Basic's challenge (RFC 7617 §2) and is sent as a quoted-string, which
// cannot hold control characters (RFC 9110 §5.6.4).
fn check_realm(cx: &Ctxt, attr: &Http, scheme: &AuthScheme) -> Result<Option<String>, Reported> {
    let Some(keyed) = attr.realm.keyed() else {
        return Ok(None);
    };
    if !matches!(scheme, AuthScheme::Basic) {
        cx.error_spanned_by(
            &keyed.key,
            format!(
                "`realm` is only allowed with `basic` (found {})",
                scheme_name(scheme)
            ),
        );
        return Err(Reported);
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
        return Err(Reported);
    }
    Ok(Some(realm))
}

fn scheme_name(scheme: &AuthScheme) -> String {
    match scheme {
        AuthScheme::Basic => "`basic`".to_owned(),
        AuthScheme::Bearer => "`bearer`".to_owned(),
        AuthScheme::Digest => "`digest`".to_owned(),
        AuthScheme::Custom(word) => format!("`scheme = \"{word}\"`"),
    }
}

// ----- #[mutual_tls(..)] -----

fn validate_mutual_tls(cx: &Ctxt, attr: &MutualTls, pin: Option<&Pin>) -> Option<Declared> {
    // CT-A2 / CT-G1: `mutualTLS` exists from OpenAPI 3.1 on. CT-G2 (only the common keys)
    // holds by the grammar.
    check_version(
        cx,
        &attr.ident,
        "security scheme type `mutualTLS`",
        Version::V3_1,
        pin,
    );
    let roles = check_roles(cx, &attr.roles, pin)?;
    Some((Kind::MutualTls, roles, true))
}
