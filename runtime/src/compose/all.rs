//! [`AllOf<(A, B, ..)>`]: every requirement (AND).

use http::request::Parts;

use super::{Check, Requirement, every_challenge, security};
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
/// (RFC 9110 §11.6.2; RULES CT-B7): using such an `AllOf` is a compile error (see
/// [`Transport`](super::Transport)).
///
/// ```
/// use authscheme::SecurityScheme;
/// # use authscheme::{openapi, credentials::{ApiKey, ApiKeyConfig, BearerToken}};
/// #[derive(SecurityScheme)]
/// #[http(bearer, format = "JWT")]
/// struct Jwt;
/// #[derive(SecurityScheme)]
/// #[api_key(header = "X-Tenant")]
/// struct Tenant;
/// use authscheme::compose::{AllOf, Auth, Requirement};
///
/// let security = AllOf::<(Auth<Jwt>, Auth<Tenant>)>::security();
/// assert_eq!(security.len(), 1);
/// let names: Vec<_> = security[0].schemes.iter().map(|(name, _)| name.as_ref()).collect();
/// assert_eq!(names, ["Jwt", "Tenant"]);
/// ```
pub struct AllOf<T>(pub T);

impl<T> AllOf<T> {
    /// The tuple of every member.
    pub fn into_inner(self) -> T {
        self.0
    }
}

/// The compile-time check of RULES CT-B7, evaluated where an `AllOf` is used.
const fn assert_one_authorization(schemes: usize) {
    assert!(
        schemes <= 1,
        "`AllOf`: two members need the single `Authorization` header (RFC 9110 §11.6.2), so no request can satisfy both (RULES CT-B7); list them as alternatives with `AnyOf` instead"
    );
}

macro_rules! all_of {
    ($($T:ident $v:ident),+) => {
        impl<$($T: Requirement),+> Requirement for AllOf<($($T,)+)> {
            const AUTHORIZATION_SCHEMES: usize = {
                let schemes = 0 $(+ $T::AUTHORIZATION_SCHEMES)+;
                assert_one_authorization(schemes);
                schemes
            };

            fn security() -> Vec<SecurityRequirement> {
                let _: usize = const { Self::AUTHORIZATION_SCHEMES };
                security::all([$($T::security()),+])
            }

            fn missing() -> Rejection {
                let _: usize = const { Self::AUTHORIZATION_SCHEMES };
                every_challenge([$($T::missing()),+])
            }

            fn anonymous() -> Option<Self> {
                Some(Self(($($T::anonymous()?,)+)))
            }
        }

        impl<Ctx: ?Sized + Sync, $($T: Check<Ctx>),+> Check<Ctx> for AllOf<($($T,)+)> {
            #[allow(unused_assignments, reason = "the last member's `failed` is not read")]
            async fn attempt(parts: &Parts, ctx: &Ctx) -> Result<Option<Self>, Rejection> {
                let _: usize = const { Self::AUTHORIZATION_SCHEMES };
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
                        None => $T::anonymous().ok_or_else($T::missing)?,
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
