//! The second half of `#[derive(SecurityScheme)]`.
//!
//! The derive reads and validates a declaration, then emits one short invocation of
//! [`impl_security_scheme!`](crate::__impl_security_scheme) that states *what* was declared;
//! this `macro_rules!` macro spells *how*: the impl, its consts and the OpenAPI object. Token
//! building in a proc macro is slow (it runs unoptimised in a debug build, and every token
//! crosses the compiler bridge), whereas `macro_rules!` transcription runs inside rustc, so a
//! crate with many declarations compiles faster this way. `$crate` also names this crate
//! whatever the user calls it.
//!
//! The invocation, as the derive writes it:
//!
//! ```text
//! impl_security_scheme! {
//!     [<impl generics>] Type [<type generics>] [<where clause>]
//!     "name" ["scope", ..] V3_0 [roles]?          // the DECLARATION
//!     <kind> <kind fields>                         // see the arms below
//!     ["description"]? false [("x-key", Int(1)), ..]   // description, deprecated, extensions
//! }
//! ```
//!
//! Optional strings are written `[]` or `["text"]`. Lists hold struct literals only (never
//! `const fn` calls), so that borrowing them promotes them to `'static` data in place.

/// `Some(text)` from `["text"]`, `None` from `[]`: how the derive writes an optional string.
#[must_use]
pub const fn optional(text: &[&'static str]) -> Option<&'static str> {
    match text {
        [text] => Some(*text),
        _ => None,
    }
}

/// [`optional`], as an OpenAPI text field.
#[must_use]
pub const fn optional_text(text: &[&'static str]) -> Option<crate::openapi::Text> {
    match text {
        [text] => Some(crate::openapi::Text::Borrowed(text)),
        _ => None,
    }
}

/// Implements `SecurityScheme` from a validated declaration; see the module docs.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_security_scheme {
    // The impl every kind shares.
    (@impl
        [$($impl_generics:tt)*] $ty:ident [$($ty_generics:tt)*] [$($where_clause:tt)*]
        $name:literal [$($scope:literal),*] $min:ident [$($roles:ident)?]
        credentials($credentials:ident, $config_type:ty = $config:expr)
        kind($kind:expr)
        [$($description:literal)?] $deprecated:literal [$($extension:tt),*]
    ) => {
        #[automatically_derived]
        #[allow(unused_qualifications, clippy::absolute_paths)]
        impl $($impl_generics)* $crate::SecurityScheme for $ty $($ty_generics)* $($where_clause)* {
            const DECLARATION: $crate::__private::Declaration = $crate::__private::Declaration::new(
                $name,
                &[$($scope),*],
                $crate::__private::OpenApiVersion::$min,
            )$(.$roles())?;
            type Credentials = $crate::__private::$credentials;
            const CONFIG: $config_type = $config;
            const OPENAPI: $crate::__private::openapi::SecurityScheme =
                $crate::__private::openapi::SecurityScheme::declared(
                    $kind,
                    $crate::__private::optional(&[$($description)?]),
                    $deprecated,
                    &[$($crate::__private::extension!($extension)),*],
                );
        }
    };
    (
        [$($head:tt)*] $ty:ident [$($ty_generics:tt)*] [$($where_clause:tt)*]
        $name:literal $scopes:tt $min:ident $roles:tt
        oauth2 [$($slot:tt),*] [$($flows_extension:tt),*] [$($metadata_url:literal)?]
        $($common:tt)*
    ) => {
        $crate::__private::impl_security_scheme! { @impl
            [$($head)*] $ty [$($ty_generics)*] [$($where_clause)*] $name $scopes $min $roles
            credentials(BearerToken, () = ())
            kind($crate::__private::SecuritySchemeKind::OAuth2 {
                flows: $crate::__private::OAuthFlows::declared(
                    $($crate::__private::flow_slot!($slot),)*
                    &[$($crate::__private::extension!($flows_extension)),*],
                ),
                metadata_url: $crate::__private::optional_text(&[$($metadata_url)?]),
            })
            $($common)*
        }
    };
    (
        [$($head:tt)*] $ty:ident [$($ty_generics:tt)*] [$($where_clause:tt)*]
        $name:literal $scopes:tt $min:ident $roles:tt
        openid_connect $url:literal
        $($common:tt)*
    ) => {
        $crate::__private::impl_security_scheme! { @impl
            [$($head)*] $ty [$($ty_generics)*] [$($where_clause)*] $name $scopes $min $roles
            credentials(BearerToken, () = ())
            kind($crate::__private::SecuritySchemeKind::OpenIdConnect {
                url: $crate::__private::Text::Borrowed($url),
            })
            $($common)*
        }
    };
    (
        [$($head:tt)*] $ty:ident [$($ty_generics:tt)*] [$($where_clause:tt)*]
        $name:literal $scopes:tt $min:ident $roles:tt
        api_key $location:ident $key:literal
        $($common:tt)*
    ) => {
        $crate::__private::impl_security_scheme! { @impl
            [$($head)*] $ty [$($ty_generics)*] [$($where_clause)*] $name $scopes $min $roles
            credentials(ApiKey, $crate::__private::ApiKeyConfig = $crate::__private::ApiKeyConfig::new(
                $crate::__private::ApiKeyLocation::$location,
                $key,
            ))
            kind($crate::__private::SecuritySchemeKind::ApiKey {
                name: $crate::__private::Text::Borrowed($key),
                location: $crate::__private::ApiKeyLocation::$location,
            })
            $($common)*
        }
    };
    (
        [$($head:tt)*] $ty:ident [$($ty_generics:tt)*] [$($where_clause:tt)*]
        $name:literal $scopes:tt $min:ident $roles:tt
        http_basic [$($realm:literal)?]
        $($common:tt)*
    ) => {
        $crate::__private::impl_security_scheme! { @impl
            [$($head)*] $ty [$($ty_generics)*] [$($where_clause)*] $name $scopes $min $roles
            credentials(BasicCredentials, $crate::__private::BasicConfig =
                $crate::__private::BasicConfig::new($crate::__private::optional(&[$($realm)?])))
            kind($crate::__private::SecuritySchemeKind::Http {
                scheme: $crate::__private::Text::Borrowed("basic"),
                bearer_format: ::core::option::Option::None,
            })
            $($common)*
        }
    };
    (
        [$($head:tt)*] $ty:ident [$($ty_generics:tt)*] [$($where_clause:tt)*]
        $name:literal $scopes:tt $min:ident $roles:tt
        http_bearer [$($format:literal)?]
        $($common:tt)*
    ) => {
        $crate::__private::impl_security_scheme! { @impl
            [$($head)*] $ty [$($ty_generics)*] [$($where_clause)*] $name $scopes $min $roles
            credentials(BearerToken, () = ())
            kind($crate::__private::SecuritySchemeKind::Http {
                scheme: $crate::__private::Text::Borrowed("bearer"),
                bearer_format: $crate::__private::optional_text(&[$($format)?]),
            })
            $($common)*
        }
    };
    (
        [$($head:tt)*] $ty:ident [$($ty_generics:tt)*] [$($where_clause:tt)*]
        $name:literal $scopes:tt $min:ident $roles:tt
        http_digest
        $($common:tt)*
    ) => {
        $crate::__private::impl_security_scheme! { @impl
            [$($head)*] $ty [$($ty_generics)*] [$($where_clause)*] $name $scopes $min $roles
            credentials(DigestCredentials, () = ())
            kind($crate::__private::SecuritySchemeKind::Http {
                scheme: $crate::__private::Text::Borrowed("digest"),
                bearer_format: ::core::option::Option::None,
            })
            $($common)*
        }
    };
    // A custom scheme: the word as declared (matched case-insensitively in requests) and
    // lowercased (the OpenAPI value).
    (
        [$($head:tt)*] $ty:ident [$($ty_generics:tt)*] [$($where_clause:tt)*]
        $name:literal $scopes:tt $min:ident $roles:tt
        http_custom $scheme:literal $lowercase:literal
        $($common:tt)*
    ) => {
        $crate::__private::impl_security_scheme! { @impl
            [$($head)*] $ty [$($ty_generics)*] [$($where_clause)*] $name $scopes $min $roles
            credentials(HttpCredentials, $crate::__private::HttpConfig =
                $crate::__private::HttpConfig::new($scheme))
            kind($crate::__private::SecuritySchemeKind::Http {
                scheme: $crate::__private::Text::Borrowed($lowercase),
                bearer_format: ::core::option::Option::None,
            })
            $($common)*
        }
    };
    (
        [$($head:tt)*] $ty:ident [$($ty_generics:tt)*] [$($where_clause:tt)*]
        $name:literal $scopes:tt $min:ident $roles:tt
        mutual_tls
        $($common:tt)*
    ) => {
        $crate::__private::impl_security_scheme! { @impl
            [$($head)*] $ty [$($ty_generics)*] [$($where_clause)*] $name $scopes $min $roles
            credentials(ClientCertificate, () = ())
            kind($crate::__private::SecuritySchemeKind::MutualTls)
            $($common)*
        }
    };
}

/// One slot of `OAuthFlows::declared`: `[]` is `None`; otherwise the flow's kind, its
/// authorization, device-authorization, token and refresh URLs (each `[]` or `["url"]`), its
/// scopes as `("name", "description")` pairs, and its extensions.
#[doc(hidden)]
#[macro_export]
macro_rules! __flow_slot {
    ([]) => {
        ::core::option::Option::None
    };
    ([
        $kind:ident
        [$($authorization_url:literal)?]
        [$($device_authorization_url:literal)?]
        [$($token_url:literal)?]
        [$($refresh_url:literal)?]
        [$(($scope:literal, $description:literal)),*]
        [$($extension:tt),*]
    ]) => {
        ::core::option::Option::Some($crate::__private::OAuthFlow::declared(
            $crate::__private::FlowKind::$kind,
            $crate::__private::optional(&[$($authorization_url)?]),
            $crate::__private::optional(&[$($device_authorization_url)?]),
            $crate::__private::optional(&[$($token_url)?]),
            $crate::__private::optional(&[$($refresh_url)?]),
            &[$($crate::__private::Scope {
                name: $crate::__private::Text::Borrowed($scope),
                description: $crate::__private::Text::Borrowed($description),
            }),*],
            &[$($crate::__private::extension!($extension)),*],
        ))
    };
}

/// One `x-` extension, `("x-key", Variant(value))`, as a struct literal.
#[doc(hidden)]
#[macro_export]
macro_rules! __extension {
    (($key:literal, $variant:ident($($value:tt)*))) => {
        $crate::__private::Extension {
            key: $crate::__private::Text::Borrowed($key),
            value: $crate::__private::ExtensionValue::$variant($($value)*),
        }
    };
}
