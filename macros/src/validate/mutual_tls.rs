//! `#[mutual_tls(..)]` (`docs/RULES.md` G).

use super::common::check_version;
use super::scopes::check_roles;
use super::{Checked, Declared};
use crate::attr::mutual_tls::MutualTls;
use crate::ctxt::Ctxt;
use crate::model::{Kind, Pin, Version};

pub(super) fn validate_mutual_tls(
    cx: &Ctxt,
    attr: &MutualTls,
    pin: Option<&Pin>,
) -> Checked<Declared> {
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
