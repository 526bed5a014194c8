//! The keys every kind attribute has (`name`, `openapi`, `crate`, `deprecated`,
//! `extensions`), and the uniqueness rule that extensions, scopes and roles share.

use authscheme_grammar::text::{ExtensionKeyProblem, extension_key_problem, is_component_name};
use syn::ext::IdentExt as _;
use syn::{Ident, LitStr, Path};

use super::Checked;
use crate::attr::common::Common;
use crate::attr::extensions::{ExtensionEntry, ExtensionLit};
use crate::ctxt::Ctxt;
use crate::model::{Extension, ExtensionValue, Pin, Version};

// CT-K: `openapi = "3.x"` pins the target version, so that the version-gated rules (A2, A7, D7,
// D8, I4, J2) are checked at compile time.
/// `None` without a pin, and with an unknown version (reported): both leave the target open.
pub(super) fn check_openapi_pin(cx: &Ctxt, common: &Common) -> Option<Pin> {
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

// `crate = ".."` must be a module path; it replaces `::authscheme` in the expansion.
pub(super) fn check_crate_path(cx: &Ctxt, common: &Common) -> Checked<Path> {
    let Some(lit) = common.krate.get() else {
        return Some(crate::expand::krate::default_path());
    };
    let path = crate::expand::krate::declared_path(lit);
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
pub(super) fn check_component_name(cx: &Ctxt, common: &Common, ident: &Ident) -> Checked<String> {
    if let Some(lit) = common.name.get() {
        let name = lit.value();
        if is_component_name(&name) {
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
    if is_component_name(&name) {
        return Some(name);
    }
    cx.error_spanned_by(
        ident,
        format!("the type name `{name}` is not a valid security scheme name (^[a-zA-Z0-9.\\-_]+$); add `name = \"...\"`"),
    );
    None
}

// CT-A7: `deprecated` on a scheme exists from OpenAPI 3.2 on.
pub(super) fn check_deprecated_version(cx: &Ctxt, common: &Common, pin: Option<&Pin>) -> bool {
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
pub(super) fn check_version(
    cx: &Ctxt,
    key: &Ident,
    feature: &str,
    required: Version,
    pin: Option<&Pin>,
) {
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
pub(super) fn check_extensions(
    cx: &Ctxt,
    entries: Option<&Vec<ExtensionEntry>>,
    pin: Option<&Pin>,
) -> Checked<Vec<Extension>> {
    let entries = entries.map_or(&[][..], Vec::as_slice);
    let mut ok = true;
    let mut seen = Seen::default();
    let mut extensions = Vec::with_capacity(entries.len());
    for entry in entries {
        let key = entry.key.value();
        ok &= check_extension_key(cx, &entry.key, &key, pin).is_some();
        // CT-J5 (and A5): an extension key appears once per object.
        ok &= check_unique(cx, &entry.key, "extension", &mut seen).is_some();
        match check_extension_value(cx, &entry.value) {
            Some(value) => extensions.push(Extension { key, value }),
            None => ok = false,
        }
    }
    ok.then_some(extensions)
}

// CT-J1: extension keys start with lowercase `x-`. CT-J2: `x-oai-`/`x-oas-` are reserved from
// OpenAPI 3.1 on, an error unless the target is pinned to 3.0.
fn check_extension_key(cx: &Ctxt, lit: &LitStr, key: &str, pin: Option<&Pin>) -> Checked<()> {
    let reserved = pin.is_none_or(|pin| pin.version >= Version::V3_1);
    let Some(problem) = extension_key_problem(key, reserved) else {
        return Some(());
    };
    let message = match problem {
        ExtensionKeyProblem::Empty => {
            "an extension field name must not be empty; write `\"x-...\"`".to_owned()
        }
        ExtensionKeyProblem::NoPrefix => format!("extension field `{key}` must start with `x-`"),
        ExtensionKeyProblem::Reserved(prefix) => format!(
            "extension prefix `{prefix}` is reserved by the OpenAPI Initiative (OpenAPI 3.1+)"
        ),
    };
    cx.error_spanned_by(lit, message);
    None
}

/// The names one list has declared so far, for [`check_unique`].
pub(super) type Seen<'l> = Vec<&'l LitStr>;

/// A name appears once in its list (extension keys, scope names, role names): a repeat is
/// reported as ``duplicate {what} `x` ``, with a note on the first one. The first of each name
/// is remembered in `seen`.
pub(super) fn check_unique<'l>(
    cx: &Ctxt,
    lit: &'l LitStr,
    what: &str,
    seen: &mut Seen<'l>,
) -> Checked<()> {
    let name = lit.value();
    if let Some(first) = seen.iter().find(|other| other.value() == name) {
        cx.duplicate(
            lit,
            format!("duplicate {what} `{name}`"),
            first,
            format!("first `{name}` here"),
        );
        return None;
    }
    seen.push(lit);
    Some(())
}

// CT-J3: values must be JSON: finite numbers; integers must fit the model's `i64`.
fn check_extension_value(cx: &Ctxt, value: &ExtensionLit) -> Checked<ExtensionValue> {
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

/// The one choice an attribute takes exactly one of (`#[api_key]`'s location, `#[http]`'s
/// scheme): `None` with an error at `attr` when there is none (unless the attribute already
/// failed to parse, `malformed`), and with an error at each extra one when there are several.
/// `missing` is the whole message; `one_of` lists the choices, for the conflict message.
pub(super) fn check_exactly_one<'a, T>(
    cx: &Ctxt,
    choices: &'a [T],
    key: impl Fn(&T) -> &Ident,
    (attr, malformed): (&Ident, bool),
    missing: &str,
    one_of: &str,
) -> Checked<&'a T> {
    let Some((first, rest)) = choices.split_first() else {
        if !malformed {
            cx.error_spanned_by(attr, missing);
        }
        return None;
    };
    for extra in rest {
        cx.duplicate(
            key(extra),
            format!(
                "`{}` conflicts with `{}`: `#[{attr}(...)]` takes exactly one of {one_of}",
                key(extra),
                key(first)
            ),
            key(first),
            format!("`{}` here", key(first)),
        );
    }
    rest.is_empty().then_some(first)
}
