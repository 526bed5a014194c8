//! The rules of the DSL: `attr` (what was written) → `model` (what is expanded). Every rule is
//! one `check_*` function naming its rule in `docs/RULES.md` (a); each reports into the
//! `Ctxt` and goes on, so that a declaration's errors all appear at once.
//!
//! One module per kind attribute, as in `attr`, and `common` (the keys every kind has),
//! `scopes` (scope and role names), `url` (URL-valued fields) and `claims` (the issuer and
//! audience of bearer-token kinds) for the checks they share.
//!
//! Every check reports its failures to the `Ctxt` and returns a [`Checked`] value: `None`
//! once it has reported, so a caller never reports the same failure twice and never builds a
//! model from a declaration with errors.

mod api_key;
mod claims;
mod common;
mod http;
mod mutual_tls;
mod oauth2;
mod openid_connect;
mod scopes;
mod url;

use syn::ext::IdentExt as _;
use syn::{Attribute, Data, Fields, LitStr};

use crate::attr::common::did_you_mean;
use crate::attr::{Input, KindAttr};
use crate::ctxt::Ctxt;
use crate::model::{FlowKind, Kind, Scheme, Version};
use crate::symbol::KINDS;

/// What a check returns: `None` when it has reported a failure to the `Ctxt`.
type Checked<T> = Option<T>;

/// The most scopes (or roles) a scheme can declare: `ScopeSet` is a 128-bit set.
const MAX_SCOPES: usize = 128;

/// What a kind contributes: the kind, `SCOPES`, and whether those are role names.
type Declared = (Kind, Vec<String>, bool);

/// Validates `input`; `None` when an error was recorded (the model is only built from a
/// declaration without errors).
pub(crate) fn validate<'a>(cx: &Ctxt, input: &Input<'a>) -> Checked<Scheme<'a>> {
    let original = input.original;
    check_not_union(cx, original);
    check_kind_attrs_on_type(cx, original);
    let kind_attr = check_one_kind(cx, input)?;
    let common = kind_attr.common();
    let pin = common::check_openapi_pin(cx, common);
    let krate = common::check_crate_path(cx, common);
    let name = common::check_component_name(cx, common, &original.ident);
    let deprecated = common::check_deprecated_version(cx, common, pin.as_ref());
    let extensions = common::check_extensions(cx, common.extensions.get(), pin.as_ref());
    let description = common
        .description
        .get()
        .map(LitStr::value)
        .or_else(|| input.doc.clone());
    let declared = match kind_attr {
        KindAttr::OAuth2(attr) => oauth2::validate_oauth2(cx, attr, pin.as_ref()),
        KindAttr::OpenIdConnect(attr) => openid_connect::validate_openid_connect(cx, attr),
        KindAttr::ApiKey(attr) => api_key::validate_api_key(cx, attr, pin.as_ref()),
        KindAttr::Http(attr) => http::validate_http(cx, attr, pin.as_ref()),
        KindAttr::MutualTls(attr) => mutual_tls::validate_mutual_tls(cx, attr, pin.as_ref()),
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
fn check_one_kind<'i>(cx: &Ctxt, input: &'i Input) -> Checked<&'i KindAttr> {
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
