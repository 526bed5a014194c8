//! Typed scope sets: the scopes of one scheme as a bitset.

use std::fmt;
use std::marker::PhantomData;

use crate::SecurityScheme;

/// The most scopes (or roles) one scheme can declare.
pub const MAX_SCOPES: usize = 128;

/// A set of scopes declared by the scheme `S`, as a bitset over [`SecurityScheme::SCOPES`].
///
/// Build one with [`scopes!`](crate::scopes), which checks at compile time that every name
/// is declared by `S`. Checking that the granted scopes cover the required ones is one
/// bitwise operation.
///
/// ```
/// use authscheme::{SecurityScheme, scopes};
///
/// #[derive(SecurityScheme)]
/// #[oauth2(token_url = "/token", scopes("items:read" = "Read items", "items:write" = "Write items"))]
/// struct ItemsAuth;
///
/// let required = scopes!(ItemsAuth: "items:read");
/// let granted = scopes!(ItemsAuth: "items:read", "items:write");
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

    /// The scopes of `required` that `self` lacks.
    #[must_use]
    pub const fn missing(self, required: Self) -> Self {
        Self::from_bits(required.bits & !self.bits)
    }

    /// Whether the set is empty.
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
