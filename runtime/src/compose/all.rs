//! [`AllOf<(A, B, ..)>`]: every requirement (AND).

use http::request::Parts;

use super::{Check, Elsewhere, InAuthorization, Requirement, every_challenge, security};
use crate::Rejection;
use crate::openapi::SecurityRequirement;

/// Every requirement in the tuple `T` (2 to 6 of them). Documented as one Security
/// Requirement Object holding every member's schemes (distributed over alternatives when a
/// member is an [`AnyOf`](super::AnyOf) or an `Option`).
///
/// Members are checked in declaration order and the first that fails answers; a member whose
/// credentials are absent fails with its own 401 as soon as any member's credentials are
/// present. When nothing at all is presented, the 401 carries every member's challenge.
///
/// Two members that both need the `Authorization` header can never be satisfied together
/// (RFC 9110 §11.6.2): naming such an `AllOf` is a compile error, at `cargo check`, under
/// the type (see [`AllMembers`]).
///
/// ```
/// use authscheme::SecurityScheme;
/// use authscheme::compose::{AllOf, Auth, Requirement};
///
/// #[derive(SecurityScheme)]
/// #[http(bearer, format = "JWT")]
/// struct Jwt;
/// #[derive(SecurityScheme)]
/// #[api_key(header = "X-Tenant")]
/// struct Tenant;
///
/// let security = AllOf::<(Auth<Jwt>, Auth<Tenant>)>::security();
/// assert_eq!(security.len(), 1);
/// let names: Vec<_> = security[0].schemes.iter().map(|(name, _)| name.as_ref()).collect();
/// assert_eq!(names, ["Jwt", "Tenant"]);
/// ```
pub struct AllOf<T: AllMembers>(pub T);

impl<T: AllMembers> AllOf<T> {
    /// The tuple of every member.
    pub fn into_inner(self) -> T {
        self.0
    }
}

/// Tuples of [`Requirement`]s that [`AllOf`] accepts: 2 to 6 members, at most one of which
/// needs the `Authorization` header.
pub trait AllMembers: Sized + Send {
    /// [`InAuthorization`] when one member needs the `Authorization` header.
    type Authorization: super::AuthorizationUse;
}

/// The members `Self` of an [`AllOf`], whose uses of the `Authorization` header are `Uses`,
/// can be satisfied by one request: at most one of them needs that header. Implemented for
/// every such combination, and for no other, so that `AllOf` of two `Authorization` schemes
/// fails where the user names it, with this message.
#[diagnostic::on_unimplemented(
    message = "`AllOf<{Self}>` can never be satisfied: more than one member needs the `Authorization` header",
    label = "no request can carry both credentials",
    note = "a request carries one credential in `Authorization` (RFC 9110 §11.6.2); require these schemes as alternatives with `AnyOf` instead, or merge the scopes of one scheme into one `Verified`"
)]
pub trait OneAuthorization<Uses> {
    /// The use of the whole [`AllOf`].
    type Authorization: super::AuthorizationUse;
}

// Every combination with at most one `InAuthorization`, for 2 to 6 members: all
// `Elsewhere` (the whole is `Elsewhere`), or one `InAuthorization` (the whole is too).
macro_rules! one_authorization {
    ($whole:ident: $($member:ident)+) => {
        impl<T> OneAuthorization<($($member,)+)> for T {
            type Authorization = $whole;
        }
    };
}

one_authorization!(Elsewhere: Elsewhere Elsewhere);
one_authorization!(InAuthorization: InAuthorization Elsewhere);
one_authorization!(InAuthorization: Elsewhere InAuthorization);
one_authorization!(Elsewhere: Elsewhere Elsewhere Elsewhere);
one_authorization!(InAuthorization: InAuthorization Elsewhere Elsewhere);
one_authorization!(InAuthorization: Elsewhere InAuthorization Elsewhere);
one_authorization!(InAuthorization: Elsewhere Elsewhere InAuthorization);
one_authorization!(Elsewhere: Elsewhere Elsewhere Elsewhere Elsewhere);
one_authorization!(InAuthorization: InAuthorization Elsewhere Elsewhere Elsewhere);
one_authorization!(InAuthorization: Elsewhere InAuthorization Elsewhere Elsewhere);
one_authorization!(InAuthorization: Elsewhere Elsewhere InAuthorization Elsewhere);
one_authorization!(InAuthorization: Elsewhere Elsewhere Elsewhere InAuthorization);
one_authorization!(Elsewhere: Elsewhere Elsewhere Elsewhere Elsewhere Elsewhere);
one_authorization!(InAuthorization: InAuthorization Elsewhere Elsewhere Elsewhere Elsewhere);
one_authorization!(InAuthorization: Elsewhere InAuthorization Elsewhere Elsewhere Elsewhere);
one_authorization!(InAuthorization: Elsewhere Elsewhere InAuthorization Elsewhere Elsewhere);
one_authorization!(InAuthorization: Elsewhere Elsewhere Elsewhere InAuthorization Elsewhere);
one_authorization!(InAuthorization: Elsewhere Elsewhere Elsewhere Elsewhere InAuthorization);
one_authorization!(Elsewhere: Elsewhere Elsewhere Elsewhere Elsewhere Elsewhere Elsewhere);
one_authorization!(InAuthorization: InAuthorization Elsewhere Elsewhere Elsewhere Elsewhere Elsewhere);
one_authorization!(InAuthorization: Elsewhere InAuthorization Elsewhere Elsewhere Elsewhere Elsewhere);
one_authorization!(InAuthorization: Elsewhere Elsewhere InAuthorization Elsewhere Elsewhere Elsewhere);
one_authorization!(InAuthorization: Elsewhere Elsewhere Elsewhere InAuthorization Elsewhere Elsewhere);
one_authorization!(InAuthorization: Elsewhere Elsewhere Elsewhere Elsewhere InAuthorization Elsewhere);
one_authorization!(InAuthorization: Elsewhere Elsewhere Elsewhere Elsewhere Elsewhere InAuthorization);

macro_rules! all_of {
    ($($T:ident $v:ident),+) => {
        impl<$($T: Requirement),+> AllMembers for ($($T,)+)
        where
            ($($T,)+): OneAuthorization<($($T::Authorization,)+)>,
        {
            type Authorization =
                <($($T,)+) as OneAuthorization<($($T::Authorization,)+)>>::Authorization;
        }

        impl<$($T: Requirement),+> Requirement for AllOf<($($T,)+)>
        where
            ($($T,)+): AllMembers,
        {
            type Authorization = <($($T,)+) as AllMembers>::Authorization;

            fn security() -> Vec<SecurityRequirement> {
                security::all([$($T::security()),+])
            }

            fn missing() -> Rejection {
                every_challenge([$($T::missing()),+])
            }

            fn anonymous() -> Option<Self> {
                Some(Self(($($T::anonymous()?,)+)))
            }
        }

        impl<Ctx: ?Sized + Sync, $($T: Check<Ctx>),+> Check<Ctx> for AllOf<($($T,)+)>
        where
            ($($T,)+): AllMembers,
        {
            #[allow(unused_assignments, reason = "the last member's `failed` is not read")]
            async fn attempt(parts: &Parts, ctx: &Ctx) -> Result<Option<Self>, Rejection> {
                // Look at each member until one fails; a member after a failure counts as
                // absent (it is never reached below).
                let mut failed = false;
                let mut presented = false;
                $(
                    let $v = if failed {
                        Ok(None)
                    } else {
                        let outcome = $T::attempt(parts, ctx).await;
                        failed = outcome.is_err();
                        presented |= !matches!(outcome, Ok(None));
                        outcome
                    };
                )+
                if !presented {
                    return Ok(None);
                }
                $(
                    let $v = match $v? {
                        Some(value) => value,
                        None => $T::anonymous().ok_or_else(|| {
                            let rejection = $T::missing();
                            crate::trace::missing::<$T>(&rejection);
                            rejection
                        })?,
                    };
                )+
                Ok(Some(Self(($($v,)+))))
            }
        }
    };
}

all_of!(A a, B b);
all_of!(A a, B b, D d);
all_of!(A a, B b, D d, E e);
all_of!(A a, B b, D d, E e, F f);
all_of!(A a, B b, D d, E e, F f, G g);
