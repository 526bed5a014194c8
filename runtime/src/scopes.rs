//! Typed scope sets: the scopes of one scheme as a bitset.

use std::fmt;
use std::marker::PhantomData;

use crate::SecurityScheme;

/// The most scopes (or roles) one scheme can declare.
pub const MAX_SCOPES: usize = 128;

/// A set of scopes declared by the scheme `S`, as a bitset over [`SecurityScheme::SCOPES`].
///
/// Build one from [`scopes!`](crate::scopes) (`<scopes!(S: "a")>::SET`), which checks at
/// compile time that every name is declared by `S`, or from the names a token grants
/// ([`from_names`](Self::from_names)). Checking that the granted scopes cover the required
/// ones is one bitwise operation.
///
/// ```
/// use authscheme::{ScopeSet, SecurityScheme, scopes};
///
/// #[derive(SecurityScheme)]
/// #[oauth2(token_url = "/token", scopes("items:read" = "Read items", "items:write" = "Write items"))]
/// struct ItemsAuth;
///
/// let required = <scopes!(ItemsAuth: "items:read")>::SET;
/// let granted = ScopeSet::from_names("items:read items:write".split(' '));
/// assert!(granted.contains_all(required));
/// assert!(!required.contains_all(granted));
/// assert_eq!(granted.names().collect::<Vec<_>>(), ["items:read", "items:write"]);
/// ```
pub struct ScopeSet<S> {
    bits: u128,
    scheme: PhantomData<fn() -> S>,
}

impl<S: SecurityScheme> ScopeSet<S> {
    /// The empty set.
    pub const EMPTY: Self = Self::from_bits(0);

    /// A set from its bits: bit `i` stands for `S::SCOPES[i]`. Bits beyond the declared
    /// scopes are dropped.
    pub const fn from_bits(bits: u128) -> Self {
        let declared = S::SCOPES.len();
        let mask = if declared >= 128 {
            u128::MAX
        } else {
            (1u128 << declared) - 1
        };
        Self {
            bits: bits & mask,
            scheme: PhantomData,
        }
    }

    /// The bits of the set.
    pub const fn bits(self) -> u128 {
        self.bits
    }

    /// Whether every scope of `required` is in `self`.
    pub const fn contains_all(self, required: Self) -> bool {
        required.bits & !self.bits == 0
    }

    /// The union of two sets.
    #[must_use]
    pub const fn union(self, other: Self) -> Self {
        Self::from_bits(self.bits | other.bits)
    }

    /// The scopes of `required` that `self` lacks (never one that `self` holds beyond
    /// them).
    ///
    /// ```
    /// use authscheme::{ScopeSet, SecurityScheme, scopes};
    ///
    /// #[derive(SecurityScheme)]
    /// #[oauth2(token_url = "/token", scopes("read" = "Read", "write" = "Write", "admin" = "Admin"))]
    /// struct Api;
    ///
    /// let granted = ScopeSet::<Api>::from_names(["read", "admin"]);
    /// let required = <scopes!(Api: "read", "write")>::SET;
    /// assert_eq!(granted.missing(required).names().collect::<Vec<_>>(), ["write"]);
    /// assert!(granted.missing(<scopes!(Api: "read")>::SET).is_empty());
    /// ```
    #[must_use]
    pub const fn missing(self, required: Self) -> Self {
        Self::from_bits(required.bits & !self.bits)
    }

    /// Whether the set is empty.
    ///
    /// ```
    /// use authscheme::{ScopeSet, SecurityScheme, scopes};
    ///
    /// #[derive(SecurityScheme)]
    /// #[oauth2(token_url = "/token", scopes("read" = "Read"))]
    /// struct Api;
    ///
    /// assert!(ScopeSet::<Api>::EMPTY.is_empty());
    /// assert!(!<scopes!(Api: "read")>::SET.is_empty());
    /// // Names the scheme does not declare are dropped.
    /// assert!(ScopeSet::<Api>::from_names(["write"]).is_empty());
    /// ```
    pub const fn is_empty(self) -> bool {
        self.bits == 0
    }

    /// The set of the declared scopes among `names`; names `S` does not declare are ignored
    /// (use it for scopes granted at run time, e.g. a token's `scope` claim).
    pub fn from_names<'a>(names: impl IntoIterator<Item = &'a str>) -> Self {
        let mut bits = 0u128;
        for name in names {
            if let Some(index) = S::SCOPES.iter().position(|declared| *declared == name) {
                bits |= 1 << index;
            }
        }
        Self::from_bits(bits)
    }

    /// The names in the set, in declaration order.
    pub fn names(self) -> impl Iterator<Item = &'static str> {
        S::SCOPES
            .iter()
            .enumerate()
            .filter(move |(index, _)| self.bits & (1 << index) != 0)
            .map(|(_, name)| *name)
    }
}

// Manual impls: a derive would require `S: Clone` etc., which scheme types need not be.
impl<S> Clone for ScopeSet<S> {
    fn clone(&self) -> Self {
        *self
    }
}
impl<S> Copy for ScopeSet<S> {}
impl<S> PartialEq for ScopeSet<S> {
    fn eq(&self, other: &Self) -> bool {
        self.bits == other.bits
    }
}
impl<S> Eq for ScopeSet<S> {}
impl<S: SecurityScheme> fmt::Debug for ScopeSet<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_set().entries(self.names()).finish()
    }
}
impl<S: SecurityScheme> Default for ScopeSet<S> {
    fn default() -> Self {
        Self::EMPTY
    }
}

/// The scopes an operation requires of the scheme `S`, as a type: what
/// [`scopes!(S: "a", "b")`](crate::scopes) names. `L` is a tuple of [`ScopeAt`]s, each the
/// index of a declared scope and the marker type the derive generates for it, named after
/// the scope (`items:read` becomes `items_read`), so compiler messages read
/// `Scopes<ItemsAuth, (ScopeAt<0, items_read>,)>`.
///
/// The scheme is part of the type, and each scope is checked to be the scheme's own
/// ([`ScopeMarker`]): the scopes of one scheme can never stand for another's.
///
/// ```
/// use authscheme::{ScopeSet, Scopes, SecurityScheme, scopes};
///
/// #[derive(SecurityScheme)]
/// #[oauth2(token_url = "/token", scopes("items:read" = "Read items", "items:write" = "Write items"))]
/// struct ItemsAuth;
///
/// type ReadItems = scopes!(ItemsAuth: "items:read");
/// const READ: ScopeSet<ItemsAuth> = ReadItems::SET;
/// assert_eq!(READ.names().collect::<Vec<_>>(), ["items:read"]);
/// // `scopes!(S)` is `Scopes<S, ()>`: no scope.
/// assert_eq!(<scopes!(ItemsAuth)>::SET, <Scopes<ItemsAuth, ()>>::SET);
/// assert!(<Scopes<ItemsAuth, ()>>::SET.is_empty());
/// ```
pub struct Scopes<S, L> {
    marker: PhantomData<fn() -> (S, L)>,
}

impl<S: SecurityScheme, L: ScopeList<S>> Scopes<S, L> {
    /// The required scopes, as a set.
    pub const SET: ScopeSet<S> = L::SET;
}

/// Scope number `INDEX` of a scheme, whose marker type is `M`: an element of the list in
/// [`Scopes`].
pub struct ScopeAt<const INDEX: u32, M> {
    marker: PhantomData<fn() -> M>,
}

/// The marker type of the scheme's scope number `INDEX` in
/// [`SecurityScheme::SCOPES`]: implemented on the scheme by `#[derive(SecurityScheme)]`,
/// once per declared scope (or role), for a type named after the scope. A hand-written
/// [`SecurityScheme`] implements it the same way to be used with [`Scopes`].
///
/// ```
/// use authscheme::compose::{ScopeAt, ScopeMarker};
/// use authscheme::{Scopes, SecurityScheme, scopes};
///
/// #[derive(SecurityScheme)]
/// #[oauth2(token_url = "/token", scopes("items:read" = "Read items"))]
/// struct ItemsAuth;
///
/// // `scopes!` names the marker through this trait.
/// type Read = scopes!(ItemsAuth: "items:read");
/// type Same = Scopes<ItemsAuth, (ScopeAt<0, <ItemsAuth as ScopeMarker<0>>::Marker>,)>;
/// assert_eq!(Read::SET, Same::SET);
/// ```
pub trait ScopeMarker<const INDEX: u32> {
    /// The marker type of the scope.
    type Marker;
}

/// A tuple of up to 12 [`ScopeAt`]s of `S`, each `S`'s own: the second parameter of [`Scopes`].
pub trait ScopeList<S: SecurityScheme> {
    /// The scopes, as a set.
    const SET: ScopeSet<S>;
}

/// The bit of scope `index`; none for the stand-in index of a declaration that failed to
/// compile (its error is already reported).
const fn bit(index: u32) -> u128 {
    if (index as usize) < MAX_SCOPES {
        1 << index
    } else {
        0
    }
}

macro_rules! scope_lists {
    ($($I:ident $M:ident),*) => {
        impl<S: SecurityScheme, $(const $I: u32, $M),*> ScopeList<S> for ($(ScopeAt<$I, $M>,)*)
        where
            $(S: ScopeMarker<$I, Marker = $M>,)*
        {
            const SET: ScopeSet<S> = ScopeSet::from_bits(0 $(| bit($I))*);
        }
    };
}

scope_lists!();
scope_lists!(A MA);
scope_lists!(A MA, B MB);
scope_lists!(A MA, B MB, C MC);
scope_lists!(A MA, B MB, C MC, D MD);
scope_lists!(A MA, B MB, C MC, D MD, E ME);
scope_lists!(A MA, B MB, C MC, D MD, E ME, F MF);
scope_lists!(A MA, B MB, C MC, D MD, E ME, F MF, G MG);
scope_lists!(A MA, B MB, C MC, D MD, E ME, F MF, G MG, H MH);
scope_lists!(A MA, B MB, C MC, D MD, E ME, F MF, G MG, H MH, I MI);
scope_lists!(A MA, B MB, C MC, D MD, E ME, F MF, G MG, H MH, I MI, J MJ);
scope_lists!(A MA, B MB, C MC, D MD, E ME, F MF, G MG, H MH, I MI, J MJ, K MK);
scope_lists!(A MA, B MB, C MC, D MD, E ME, F MF, G MG, H MH, I MI, J MJ, K MK, L ML);

/// What [`Verified`](crate::Verified) requires: a scheme, and the scopes an operation needs
/// of it. A bare scheme type requires no scopes; [`scopes!(S: ..)`](crate::scopes) requires
/// the scopes it names.
///
/// ```
/// use authscheme::{RequiredScopes, SecurityScheme, scopes};
///
/// #[derive(SecurityScheme)]
/// #[oauth2(token_url = "/token", scopes("me" = "Read your profile"))]
/// struct OAuth;
///
/// assert!(<OAuth as RequiredScopes>::SET.is_empty());
/// assert_eq!(<scopes!(OAuth: "me") as RequiredScopes>::SET.names().collect::<Vec<_>>(), ["me"]);
/// ```
#[diagnostic::on_unimplemented(
    message = "`{Self}` does not name a security scheme with scopes it declares",
    label = "expected a scheme type, or `scopes!(Scheme: \"scope\", ..)`",
    note = "`scopes!(Scheme: ..)` takes every scope from the scheme's own declaration, so it cannot mix schemes"
)]
pub trait RequiredScopes: Send + Sync + 'static {
    /// The scheme whose credentials are checked.
    type Scheme: SecurityScheme;
    /// The scopes the operation needs.
    const SET: ScopeSet<Self::Scheme>;
}

impl<S: SecurityScheme> RequiredScopes for S {
    type Scheme = S;
    const SET: ScopeSet<S> = ScopeSet::EMPTY;
}

impl<S: SecurityScheme, L: ScopeList<S> + 'static> RequiredScopes for Scopes<S, L> {
    type Scheme = S;
    const SET: ScopeSet<S> = L::SET;
}

#[cfg(test)]
mod tests {
    use super::{MAX_SCOPES, ScopeSet};
    use crate::credentials::BearerToken;
    use crate::{Declaration, SecurityScheme, openapi};

    /// A scheme with three scopes, by hand (the derive names `::authscheme`, which the
    /// crate's own unit tests cannot).
    struct Api;

    impl SecurityScheme for Api {
        const DECLARATION: Declaration = Declaration::new(
            "Api",
            &["read", "write", "admin"],
            openapi::OpenApiVersion::V3_0,
        );
        type Credentials = BearerToken;
        const CONFIG: () = ();
        const OPENAPI: openapi::SecurityScheme = openapi::SecurityScheme::bearer(None);
    }

    fn set(names: &[&str]) -> ScopeSet<Api> {
        ScopeSet::from_names(names.iter().copied())
    }

    #[test]
    fn missing_is_what_required_has_and_granted_lacks() {
        let cases: [(&[&str], &[&str], &[&str]); 6] = [
            // granted, required, missing
            (&["read", "admin"], &["read", "write"], &["write"]),
            // Scopes granted beyond the required ones are not missing.
            (&["read", "write", "admin"], &["read"], &[]),
            (&["admin"], &["read", "write"], &["read", "write"]),
            (&[], &["read"], &["read"]),
            (&["read"], &[], &[]),
            (&[], &[], &[]),
        ];
        for (granted, required, missing) in cases {
            let found = set(granted).missing(set(required));
            assert_eq!(
                found.names().collect::<Vec<_>>(),
                missing,
                "{granted:?} {required:?}"
            );
            assert_eq!(found.is_empty(), missing.is_empty());
            assert_eq!(set(granted).contains_all(set(required)), missing.is_empty());
        }
    }

    #[test]
    fn is_empty_only_without_a_scope() {
        assert!(ScopeSet::<Api>::EMPTY.is_empty());
        assert!(ScopeSet::<Api>::default().is_empty());
        assert!(ScopeSet::<Api>::from_bits(0).is_empty());
        // Bits beyond the declared scopes are dropped, so they do not make a set non-empty.
        assert!(ScopeSet::<Api>::from_bits(1 << (MAX_SCOPES - 1)).is_empty());
        for name in ["read", "write", "admin"] {
            assert!(!set(&[name]).is_empty(), "{name}");
        }
    }

    #[test]
    fn union_holds_every_scope_of_either_set_once() {
        let cases: [(&[&str], &[&str], &[&str]); 4] = [
            // Overlapping sets: a scope in both stays in the union.
            (
                &["read", "write"],
                &["write", "admin"],
                &["read", "write", "admin"],
            ),
            (&["read"], &["read"], &["read"]),
            (&["read"], &[], &["read"]),
            (&[], &[], &[]),
        ];
        for (left, right, union) in cases {
            assert_eq!(
                set(left).union(set(right)),
                set(union),
                "{left:?} {right:?}"
            );
            assert_eq!(
                set(right).union(set(left)),
                set(union),
                "{right:?} {left:?}"
            );
        }
    }

    #[test]
    fn debug_lists_the_scope_names() {
        assert_eq!(
            format!("{:?}", set(&["admin", "read"])),
            r#"{"read", "admin"}"#
        );
        assert_eq!(format!("{:?}", ScopeSet::<Api>::EMPTY), "{}");
    }

    #[test]
    fn an_index_past_the_last_scope_has_no_bit() {
        let last = u32::try_from(MAX_SCOPES - 1).expect("MAX_SCOPES fits in u32");
        assert_eq!(super::bit(0), 1);
        assert_eq!(super::bit(last), 1 << last);
        assert_eq!(super::bit(last + 1), 0);
        assert_eq!(super::bit(u32::MAX), 0);
    }

    #[test]
    fn equal_exactly_when_the_same_scopes() {
        assert_eq!(set(&["read", "write"]), set(&["write", "read"]));
        assert_eq!(set(&["read", "undeclared"]), set(&["read"]));
        assert_eq!(ScopeSet::<Api>::EMPTY, set(&[]));
        assert_ne!(set(&["read"]), set(&["write"]));
        assert_ne!(set(&["read"]), set(&["read", "write"]));
        assert_ne!(set(&["read"]), ScopeSet::EMPTY);
    }
}
