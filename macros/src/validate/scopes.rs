//! Scope names (RFC 6749 §3.3 scope-tokens) and the role names that stand in for them on the
//! other kinds: their grammar, and how many a scheme can declare.

use syn::LitStr;

use super::common::{Seen, check_unique};
use super::{Checked, MAX_SCOPES};
use crate::attr::common::Attr;
use crate::attr::scopes::ScopeEntry;
use crate::ctxt::Ctxt;
use crate::grammar;
use crate::model::{Pin, Version};

// CT-D13: scope names are RFC 6749 scope-tokens (printable ASCII without space, `"` or `\`).
pub(super) fn check_scope_tokens(cx: &Ctxt, entries: &[ScopeEntry]) {
    for entry in entries {
        check_scope_token(cx, &entry.name);
    }
}

pub(super) fn check_scope_token(cx: &Ctxt, lit: &LitStr) -> Checked<()> {
    let name = lit.value();
    if name.is_empty() {
        cx.error_spanned_by(lit, "a scope name must not be empty (RFC 6749 §3.3)");
        return None;
    }
    match grammar::scope_token_problem(&name) {
        None => Some(()),
        Some(problem) => {
            cx.error_spanned_by(
                lit,
                format!(
                    "scope `{name}` is not a valid OAuth scope-token (RFC 6749 §3.3): {problem}"
                ),
            );
            None
        }
    }
}

/// The distinct values of `lits`, reporting the first one past [`MAX_SCOPES`].
pub(super) fn check_name_count<'l>(
    cx: &Ctxt,
    lits: impl Iterator<Item = &'l LitStr>,
    what: &str,
) -> Checked<Vec<String>> {
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

// CT-I4: with OpenAPI 3.0 a requirement on a non-OAuth scheme must be an empty list, so role
// names need 3.1; names are unique and at most 128. Role names stand in requirement arrays
// where OAuth schemes list scopes, so they get the scope-token grammar (RFC 6749 §3.3,
// CT-D13): printable ASCII without space, `"` or `\`, and not empty.
pub(super) fn check_roles(
    cx: &Ctxt,
    roles: &Attr<Vec<LitStr>>,
    pin: Option<&Pin>,
) -> Checked<Vec<String>> {
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
    let mut seen = Seen::default();
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
        } else {
            ok &= check_unique(cx, lit, "role", &mut seen).is_some();
        }
    }
    let names = check_name_count(cx, keyed.value.iter(), "roles");
    if ok { names } else { None }
}
