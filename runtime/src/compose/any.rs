//! [`AnyOf<(A, B, ..)>`]: alternatives (OR).

use http::request::Parts;

use super::{Check, Requirement, every_challenge, security};
use crate::Rejection;
use crate::openapi::SecurityRequirement;

/// Any one of the requirements in the tuple `T` (2 to 6 of them): the first alternative
/// whose credentials are present decides. Documented as one Security Requirement Object per
/// alternative.
///
/// * Credentials of an alternative are present: its result is the answer, success or
///   rejection (bad credentials, verifier refusal, insufficient scope); later alternatives are
///   not looked at.
/// * Nothing is presented: 401 `Not authenticated` with every alternative's challenge, one
///   `WWW-Authenticate` line each, in declaration order — unless an alternative allows
///   anonymous access (`Option<..>`).
///
/// The value is a tuple of `Option`s with exactly one `Some`, the alternative that passed
/// (or the anonymous one).
///
/// ```
/// use authscheme::SecurityScheme;
/// # use authscheme::{openapi, credentials::{ApiKey, ApiKeyConfig, BearerToken}};
/// #[derive(SecurityScheme)]
/// #[http(bearer, format = "JWT")]
/// struct Jwt;
/// #[derive(SecurityScheme)]
/// #[api_key(header = "X-Key")]
/// struct Key;
/// use authscheme::compose::{AnyOf, Auth, Requirement};
///
/// type JwtOrKey = AnyOf<(Auth<Jwt>, Auth<Key>)>;
///
/// let security = JwtOrKey::security();
/// assert_eq!(security.len(), 2);
/// assert_eq!(security[0].schemes[0].0, "Jwt");
/// assert_eq!(security[1].schemes[0].0, "Key");
///
/// fn who(any: JwtOrKey) -> &'static str {
///     match any.0 {
///         (Some(_jwt), _) => "jwt",
///         (_, Some(_key)) => "key",
///         (None, None) => unreachable!("exactly one alternative is chosen"),
///     }
/// }
/// # let _ = who;
/// ```
pub struct AnyOf<T: Alternatives>(pub T::Chosen);

impl<T: Alternatives> AnyOf<T> {
    /// The tuple of `Option`s, exactly one of which is `Some`.
    pub fn into_inner(self) -> T::Chosen {
        self.0
    }

    fn none_chosen() -> T::Chosen {
        T::Chosen::default()
    }
}

/// Tuples of [`Requirement`]s that [`AnyOf`] accepts, and the value it yields for them.
pub trait Alternatives {
    /// `(Option<A>, Option<B>, ..)`.
    type Chosen: Send + Default;
}

macro_rules! any_of {
    ($(($idx:tt $T:ident)),+) => {
        impl<$($T: Requirement),+> Alternatives for ($($T,)+) {
            type Chosen = ($(Option<$T>,)+);
        }

        impl<$($T: Requirement),+> Requirement for AnyOf<($($T,)+)> {
            const AUTHORIZATION_SCHEMES: usize = {
                let mut most = 0;
                $(
                    if $T::AUTHORIZATION_SCHEMES > most {
                        most = $T::AUTHORIZATION_SCHEMES;
                    }
                )+
                most
            };

            fn security() -> Vec<SecurityRequirement> {
                security::any([$($T::security()),+])
            }

            fn missing() -> Rejection {
                every_challenge([$($T::missing()),+])
            }

            fn anonymous() -> Option<Self> {
                $(
                    if let Some(value) = $T::anonymous() {
                        let mut chosen = Self::none_chosen();
                        chosen.$idx = Some(value);
                        return Some(Self(chosen));
                    }
                )+
                None
            }
        }

        impl<Ctx: ?Sized + Sync, $($T: Check<Ctx>),+> Check<Ctx> for AnyOf<($($T,)+)> {
            async fn attempt(parts: &Parts, ctx: &Ctx) -> Result<Option<Self>, Rejection> {
                $(
                    if let Some(value) = $T::attempt(parts, ctx).await? {
                        let mut chosen = Self::none_chosen();
                        chosen.$idx = Some(value);
                        return Ok(Some(Self(chosen)));
                    }
                )+
                Ok(None)
            }
        }
    };
}

any_of!((0 A), (1 B));
any_of!((0 A), (1 B), (2 D));
any_of!((0 A), (1 B), (2 D), (3 E));
any_of!((0 A), (1 B), (2 D), (3 E), (4 F));
any_of!((0 A), (1 B), (2 D), (3 E), (4 F), (5 G));
