//! [`AnyOf<(A, B, ..)>`]: alternatives (OR).

use http::request::Parts;

use super::{AuthorizationUse, Check, Requirement, every_challenge, security};
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
/// `AnyOf<(A, B)>` is the enum [`AnyOf2<A, B>`], `AnyOf<(A, B, C)>` is [`AnyOf3`], and so on
/// up to [`AnyOf6`]: one variant per alternative, named `A`, `B`, `C`.. in declaration order,
/// holding the alternative that passed (as axum-extra's `Either*`).
///
/// ```
/// use authscheme::SecurityScheme;
/// use authscheme::compose::{AnyOf, AnyOf2, Auth, Requirement};
///
/// #[derive(SecurityScheme)]
/// #[http(bearer, format = "JWT")]
/// struct Jwt;
/// #[derive(SecurityScheme)]
/// #[api_key(header = "X-Key")]
/// struct Key;
///
/// type JwtOrKey = AnyOf<(Auth<Jwt>, Auth<Key>)>;
///
/// let security = JwtOrKey::security();
/// assert_eq!(security.len(), 2);
/// assert_eq!(security[0].schemes[0].0, "Jwt");
/// assert_eq!(security[1].schemes[0].0, "Key");
///
/// fn who(any: JwtOrKey) -> &'static str {
///     match any {
///         AnyOf2::A(_jwt) => "jwt",
///         AnyOf2::B(_key) => "key",
///     }
/// }
/// # let _ = who;
/// ```
pub type AnyOf<T> = <T as Alternatives>::AnyOf;

/// Tuples of [`Requirement`]s that [`AnyOf`] accepts, and the enum it is for them.
pub trait Alternatives {
    /// [`AnyOf2<A, B>`] for `(A, B)`, and so on.
    type AnyOf: Requirement;
}

macro_rules! any_of {
    ($(#[$doc:meta])* $name:ident: $($T:ident)+; $First:ident $($Rest:ident)*) => {
        $(#[$doc])*
        #[derive(Debug)]
        pub enum $name<$($T),+> {
            $(
                #[doc = concat!("The alternative `", stringify!($T), "` passed.")]
                $T($T),
            )+
        }

        impl<$($T: Requirement),+> Alternatives for ($($T,)+) {
            type AnyOf = $name<$($T),+>;
        }

        impl<$($T: Requirement),+> Requirement for $name<$($T),+> {
            type Authorization =
                <$First::Authorization as AuthorizationUse>::Or<any_of!(@or $($Rest)*)>;

            fn security() -> Vec<SecurityRequirement> {
                security::any([$($T::security()),+])
            }

            fn missing() -> Rejection {
                every_challenge([$($T::missing()),+])
            }

            fn anonymous() -> Option<Self> {
                $(
                    if let Some(value) = $T::anonymous() {
                        return Some(Self::$T(value));
                    }
                )+
                None
            }
        }

        impl<Ctx: ?Sized + Sync, $($T: Check<Ctx>),+> Check<Ctx> for $name<$($T),+> {
            async fn attempt(parts: &Parts, ctx: &Ctx) -> Result<Option<Self>, Rejection> {
                $(
                    if let Some(value) = $T::attempt(parts, ctx).await? {
                        return Ok(Some(Self::$T(value)));
                    }
                )+
                Ok(None)
            }
        }
    };
    // The `Authorization` use of the rest: the first's, or-ed with the others'.
    (@or $First:ident $($Rest:ident)*) => {
        <$First::Authorization as AuthorizationUse>::Or<any_of!(@or $($Rest)*)>
    };
    (@or) => {
        super::Elsewhere
    };
}

any_of!(
    /// [`AnyOf`] of two alternatives: the one that passed.
    AnyOf2: A B; A B
);
any_of!(
    /// [`AnyOf`] of three alternatives: the one that passed.
    AnyOf3: A B C; A B C
);
any_of!(
    /// [`AnyOf`] of four alternatives: the one that passed.
    AnyOf4: A B C D; A B C D
);
any_of!(
    /// [`AnyOf`] of five alternatives: the one that passed.
    AnyOf5: A B C D E; A B C D E
);
any_of!(
    /// [`AnyOf`] of six alternatives: the one that passed.
    AnyOf6: A B C D E F; A B C D E F
);
