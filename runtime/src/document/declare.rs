//! Which schemes a requirement type names, and what the runtime answers for each.

use http::HeaderValue;

use super::DocumentError;
use crate::compose::{
    AllMembers, AllOf, AnyOf2, AnyOf3, AnyOf4, AnyOf5, AnyOf6, Auth, Requirement, Transport,
    Verified,
};
use crate::credentials::Credentials;
use crate::openapi::{self, OpenApiVersion};
use crate::verify::Verifier;
use crate::{Rejection, RequiredScopes, SecurityScheme};

/// A [`Requirement`] that can name the scheme types it is made of, so that a document built
/// from it declares them in `components.securitySchemes` and describes the 401s the runtime
/// sends.
///
/// Implemented for every use-site type of [`compose`](crate::compose); a hand-written
/// [`Requirement`] implements it by calling [`Declarations::auth`] or
/// [`Declarations::verified`] for each scheme it checks.
///
/// ```
/// use authscheme::SecurityScheme;
/// use authscheme::compose::Auth;
/// use authscheme::document::{Declarations, Documented};
///
/// #[derive(SecurityScheme)]
/// #[http(bearer)]
/// struct Jwt;
///
/// let mut declarations = Declarations::default();
/// Option::<Auth<Jwt>>::declare(&mut declarations);
/// assert_eq!(declarations.names().collect::<Vec<_>>(), ["Jwt"]);
/// ```
pub trait Documented: Requirement {
    /// Adds every scheme this requirement checks to `declarations`.
    fn declare(declarations: &mut Declarations);
}

/// The schemes named by requirement types, in first-seen order, each once.
#[derive(Clone, Debug, Default)]
pub struct Declarations {
    entries: Vec<Declared>,
}

/// One declared scheme.
#[derive(Clone, Debug)]
pub(crate) struct Declared {
    /// `S::NAME`.
    pub(crate) name: &'static str,
    /// The Rust type, for messages.
    pub(crate) rust_type: &'static str,
    /// `S::openapi()`.
    pub(crate) scheme: &'static openapi::SecurityScheme,
    /// `S::MIN_OPENAPI_VERSION`.
    pub(crate) min_version: OpenApiVersion,
    /// Whether its credentials are RFC 6750 bearer tokens.
    pub(crate) bearer: bool,
    /// The `WWW-Authenticate` values of its 401s: for missing or malformed credentials and,
    /// when a verifier checks them, for refused ones.
    pub(crate) challenges: Vec<HeaderValue>,
}

impl Declared {
    /// `DocumentError::SchemeVersion` if the scheme needs a newer version than `version`.
    pub(crate) fn check_version(&self, version: OpenApiVersion) -> Result<(), DocumentError> {
        if version.at_least(self.min_version) {
            Ok(())
        } else {
            Err(DocumentError::SchemeVersion {
                name: self.name,
                rust_type: self.rust_type,
                required: self.min_version,
                target: version,
            })
        }
    }
}

impl Declarations {
    /// Declares `S`, whose credentials are only extracted ([`Auth<S>`]).
    pub fn auth<S>(&mut self)
    where
        S: SecurityScheme,
        S::Credentials: Transport<S>,
    {
        let missing = S::Credentials::missing(&S::CONFIG);
        self.add::<S>(&missing, None);
    }

    /// Declares `S`, whose credentials a verifier checks ([`Verified<S, ..>`](Verified)): its
    /// 401 may also carry the refusal challenge (`Bearer error="invalid_token"`).
    pub fn verified<S>(&mut self)
    where
        S: SecurityScheme,
        S::Credentials: Transport<S>,
    {
        let missing = S::Credentials::missing(&S::CONFIG);
        let invalid =
            S::Credentials::invalid(&S::CONFIG, crate::verify::VerifyError::COULD_NOT_VALIDATE);
        self.add::<S>(&missing, Some(&invalid));
    }

    fn add<S>(&mut self, missing: &Rejection, invalid: Option<&Rejection>)
    where
        S: SecurityScheme,
        S::Credentials: Transport<S>,
    {
        let challenges = missing
            .challenges()
            .iter()
            .chain(invalid.map(Rejection::challenges).unwrap_or_default())
            .cloned()
            .collect();
        self.push(Declared {
            name: S::NAME,
            rust_type: std::any::type_name::<S>(),
            scheme: S::openapi(),
            min_version: S::MIN_OPENAPI_VERSION,
            bearer: <S::Credentials as Transport<S>>::BEARER,
            challenges,
        });
    }

    /// Adds `declared`, merging the challenges of a scheme seen before.
    fn push(&mut self, declared: Declared) {
        let same = self
            .entries
            .iter_mut()
            .find(|known| known.name == declared.name && known.rust_type == declared.rust_type);
        match same {
            Some(known) => {
                for challenge in declared.challenges {
                    if !known.challenges.contains(&challenge) {
                        known.challenges.push(challenge);
                    }
                }
            }
            None => self.entries.push(declared),
        }
    }

    /// Adds every scheme of `other`.
    pub(crate) fn extend(&mut self, other: &Self) {
        for declared in &other.entries {
            self.push(declared.clone());
        }
    }

    /// The declared schemes' components names, in first-seen order. A name appears twice when
    /// two different types declare it (writing the document then checks that both describe
    /// the same scheme).
    pub fn names(&self) -> impl Iterator<Item = &'static str> + '_ {
        self.entries.iter().map(|declared| declared.name)
    }

    pub(crate) fn iter(&self) -> impl Iterator<Item = &Declared> {
        self.entries.iter()
    }

    /// The scheme declared under `name` (the first one).
    pub(crate) fn get(&self, name: &str) -> Option<&Declared> {
        self.entries.iter().find(|declared| declared.name == name)
    }
}

impl<S> Documented for Auth<S>
where
    S: SecurityScheme,
    S::Credentials: Transport<S>,
{
    fn declare(declarations: &mut Declarations) {
        declarations.auth::<S>();
    }
}

impl<R, V> Documented for Verified<R, V>
where
    R: RequiredScopes,
    <R::Scheme as SecurityScheme>::Credentials: Transport<R::Scheme>,
    V: Verifier<R::Scheme>,
{
    fn declare(declarations: &mut Declarations) {
        declarations.verified::<R::Scheme>();
    }
}

impl<R: Documented> Documented for Option<R> {
    fn declare(declarations: &mut Declarations) {
        R::declare(declarations);
    }
}

macro_rules! documented_any_of {
    ($name:ident: $($T:ident),+) => {
        impl<$($T: Documented),+> Documented for $name<$($T),+> {
            fn declare(declarations: &mut Declarations) {
                $($T::declare(declarations);)+
            }
        }

        impl<$($T: Documented),+> Documented for AllOf<($($T,)+)>
        where
            ($($T,)+): AllMembers,
        {
            fn declare(declarations: &mut Declarations) {
                $($T::declare(declarations);)+
            }
        }
    };
}

documented_any_of!(AnyOf2: A, B);
documented_any_of!(AnyOf3: A, B, C);
documented_any_of!(AnyOf4: A, B, C, D);
documented_any_of!(AnyOf5: A, B, C, D, E);
documented_any_of!(AnyOf6: A, B, C, D, E, F);
