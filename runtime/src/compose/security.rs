//! Building operation `security` lists: OR (concatenate) and AND (distribute), for the
//! use-site types and for the handlers of the axum router (`document::RouteSecurity`).

use std::borrow::Cow;

use crate::openapi::SecurityRequirement;

/// `{name: [scopes..]}`.
pub(crate) fn single(
    name: &'static str,
    scopes: impl IntoIterator<Item = &'static str>,
) -> SecurityRequirement {
    SecurityRequirement::ANONYMOUS.with(name, scopes)
}

/// OR: the alternatives of every list, in order, without repeats.
pub(crate) fn any(
    lists: impl IntoIterator<Item = Vec<SecurityRequirement>>,
) -> Vec<SecurityRequirement> {
    let mut out: Vec<SecurityRequirement> = Vec::new();
    for requirement in lists.into_iter().flatten() {
        if !out.contains(&requirement) {
            out.push(requirement);
        }
    }
    out
}

/// AND: every combination of one alternative from each list, merged into one object.
pub(crate) fn all(
    lists: impl IntoIterator<Item = Vec<SecurityRequirement>>,
) -> Vec<SecurityRequirement> {
    let mut product = vec![SecurityRequirement::ANONYMOUS];
    for list in lists {
        let mut next = Vec::with_capacity(product.len() * list.len());
        for left in &product {
            for right in &list {
                next.push(merge(left, right));
            }
        }
        product = next;
    }
    any([product])
}

/// One object with the schemes of both; a scheme in both gets the ordered union of its
/// scopes (CT-I5: a name appears once per object; CT-I6: no repeated scope).
fn merge(left: &SecurityRequirement, right: &SecurityRequirement) -> SecurityRequirement {
    let mut schemes = left.schemes.to_vec();
    for (name, scopes) in right.schemes.iter() {
        if let Some((_, existing)) = schemes.iter_mut().find(|(known, _)| known == name) {
            for scope in scopes.iter() {
                if !existing.contains(scope) {
                    existing.to_mut().push(scope.clone());
                }
            }
        } else {
            schemes.push((name.clone(), scopes.clone()));
        }
    }
    SecurityRequirement {
        schemes: Cow::Owned(schemes),
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn names(list: &[SecurityRequirement]) -> Vec<Vec<(String, Vec<String>)>> {
        list.iter()
            .map(|requirement| {
                requirement
                    .schemes
                    .iter()
                    .map(|(name, scopes)| {
                        (
                            name.to_string(),
                            scopes.iter().map(ToString::to_string).collect(),
                        )
                    })
                    .collect()
            })
            .collect()
    }

    #[test]
    fn all_distributes_over_alternatives() {
        let a = vec![single("A", [])];
        let b_or_c = any([vec![single("B", [])], vec![single("C", ["x"])]]);
        let got = all([a, b_or_c]);
        assert_eq!(
            names(&got),
            [
                vec![("A".into(), vec![]), ("B".into(), vec![])],
                vec![("A".into(), vec![]), ("C".into(), vec!["x".into()])],
            ]
        );
    }

    #[test]
    fn all_merges_scopes_of_a_repeated_scheme() {
        let got = all([vec![single("A", ["r", "w"])], vec![single("A", ["w", "x"])]]);
        assert_eq!(
            names(&got),
            [vec![(
                "A".to_string(),
                vec!["r".to_string(), "w".into(), "x".into()]
            )]]
        );
    }

    #[test]
    fn any_drops_repeats_and_keeps_order() {
        let got = any([
            vec![SecurityRequirement::ANONYMOUS, single("A", [])],
            vec![SecurityRequirement::ANONYMOUS, single("B", [])],
        ]);
        assert_eq!(
            names(&got),
            [
                vec![],
                vec![("A".to_string(), vec![])],
                vec![("B".into(), vec![])]
            ]
        );
    }

    #[test]
    fn anonymous_is_the_identity_of_all() {
        let got = all([
            vec![SecurityRequirement::ANONYMOUS, single("A", [])],
            vec![single("B", [])],
        ]);
        assert_eq!(
            names(&got),
            [
                vec![("B".to_string(), vec![])],
                vec![("A".into(), vec![]), ("B".into(), vec![])]
            ]
        );
    }
}
