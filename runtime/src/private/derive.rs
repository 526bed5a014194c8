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
//!     [                                            // what every kind shares, one group:
//!         [<impl generics>] Type [<type generics>] [<where clause>]
//!         "name" ["scope", ..] V3_0 [roles]?      // the DECLARATION
//!         [Some("description") false [("x-key", Int(1)), ..]]   // description, deprecated, extensions
//!     ]
//!     <kind> <kind fields>                         // see the arms below
//! }
//! ```
//!
//! Optional strings are written `None` or `Some("text")` (the variant name is pasted after
//! `::core::option::Option::`). Lists hold struct literals only (never `const fn` calls), so
//! that borrowing them promotes them to `'static` data in place.

/// Implements `SecurityScheme` from a validated declaration; see the module docs.
#[doc(hidden)]
#[macro_export]
macro_rules! __impl_security_scheme {
    // The impl every kind shares.
    (@impl [
        [$($impl_generics:tt)*] $ty:ident [$($ty_generics:tt)*] [$($where_clause:tt)*]
        $name:literal [$($scope:literal),*] $min:ident [$($roles:ident)?]
        [
            $description:ident $(($description_text:literal))? $deprecated:literal
            [$($extension:tt),*]
        ]
    ]
        credentials($credentials:ident, $config_type:ty = $config:expr)
        kind($kind:expr)
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
                    ::core::option::Option::$description $(($description_text))?,
                    $deprecated,
                    &[$($crate::__private::extension!($extension)),*],
                );
        }
    };
    // Where an API key travels, as `AllOf`'s check reads it.
    (@api_key_header [
        [$($impl_generics:tt)*] $ty:ident [$($ty_generics:tt)*] [$($where_clause:tt)*]
        $($rest:tt)*
    ] $uses:ident) => {
        #[automatically_derived]
        #[allow(unused_qualifications, clippy::absolute_paths)]
        impl $($impl_generics)* $crate::compose::ApiKeyHeader for $ty $($ty_generics)* $($where_clause)* {
            type Authorization = $crate::compose::$uses;
        }
    };
    (
        $head:tt
        oauth2 [$($slot:tt),*] [$($flows_extension:tt),*]
        $metadata_url:ident $(($metadata_url_text:literal))?
    ) => {
        $crate::__private::impl_security_scheme! { @impl $head
            credentials(BearerToken, () = ())
            kind($crate::__private::SecuritySchemeKind::OAuth2 {
                flows: $crate::__private::OAuthFlows::declared(
                    $($crate::__private::flow_slot!($slot),)*
                    &[$($crate::__private::extension!($flows_extension)),*],
                ),
                metadata_url: ::core::option::Option::$metadata_url
                    $(($crate::__private::Text::Borrowed($metadata_url_text)))?,
            })
        }
    };
    (
        $head:tt
        openid_connect $url:literal
    ) => {
        $crate::__private::impl_security_scheme! { @impl $head
            credentials(BearerToken, () = ())
            kind($crate::__private::SecuritySchemeKind::OpenIdConnect {
                url: $crate::__private::Text::Borrowed($url),
            })
        }
    };
    // An API key: where it travels, its name, whether that is the `Authorization` header
    // (`InAuthorization` or `Elsewhere`); for a header, also its name lowercased, from which the lookup's
    // `HeaderName` is built once, in a `static`.
    (
        $head:tt
        api_key $location:ident $key:literal $uses:ident $($header_name:literal)?
    ) => {
        $crate::__private::impl_security_scheme! { @impl $head
            credentials(ApiKey, $crate::__private::ApiKeyConfig = $crate::__private::ApiKeyConfig::new(
                $crate::__private::ApiKeyLocation::$location,
                $key,
            )$(.with_header_name(|| {
                static HEADER_NAME: $crate::__private::HeaderName =
                    $crate::__private::HeaderName::from_static($header_name);
                &HEADER_NAME
            }))?)
            kind($crate::__private::SecuritySchemeKind::ApiKey {
                name: $crate::__private::Text::Borrowed($key),
                location: $crate::__private::ApiKeyLocation::$location,
            })
        }
        $crate::__private::impl_security_scheme! { @api_key_header $head $uses }
    };
    // Basic: the realm, then the finished challenge (`Basic` or `Basic realm="…"`).
    (
        $head:tt
        http_basic $realm:ident $(($realm_text:literal))? $challenge:literal
    ) => {
        $crate::__private::impl_security_scheme! { @impl $head
            credentials(BasicCredentials, $crate::__private::BasicConfig =
                $crate::__private::BasicConfig::new(
                    ::core::option::Option::$realm $(($realm_text))?,
                    $challenge,
                ))
            kind($crate::__private::SecuritySchemeKind::Http {
                scheme: $crate::__private::Text::Borrowed("basic"),
                bearer_format: ::core::option::Option::None,
            })
        }
    };
    (
        $head:tt
        http_bearer $format:ident $(($format_text:literal))?
    ) => {
        $crate::__private::impl_security_scheme! { @impl $head
            credentials(BearerToken, () = ())
            kind($crate::__private::SecuritySchemeKind::Http {
                scheme: $crate::__private::Text::Borrowed("bearer"),
                bearer_format: ::core::option::Option::$format
                    $(($crate::__private::Text::Borrowed($format_text)))?,
            })
        }
    };
    (
        $head:tt
        http_digest
    ) => {
        $crate::__private::impl_security_scheme! { @impl $head
            credentials(DigestCredentials, () = ())
            kind($crate::__private::SecuritySchemeKind::Http {
                scheme: $crate::__private::Text::Borrowed("digest"),
                bearer_format: ::core::option::Option::None,
            })
        }
    };
    // A custom scheme: the word as declared (matched case-insensitively in requests),
    // lowercased (the OpenAPI value) and title-cased (the finished challenge).
    (
        $head:tt
        http_custom $scheme:literal $lowercase:literal $challenge:literal
    ) => {
        $crate::__private::impl_security_scheme! { @impl $head
            credentials(HttpCredentials, $crate::__private::HttpConfig =
                $crate::__private::HttpConfig::new($scheme, $challenge))
            kind($crate::__private::SecuritySchemeKind::Http {
                scheme: $crate::__private::Text::Borrowed($lowercase),
                bearer_format: ::core::option::Option::None,
            })
        }
    };
    (
        $head:tt
        mutual_tls
    ) => {
        $crate::__private::impl_security_scheme! { @impl $head
            credentials(ClientCertificate, () = ())
            kind($crate::__private::SecuritySchemeKind::MutualTls)
        }
    };
}

/// One slot of `OAuthFlows::declared`: `[]` is `None`; otherwise the flow's kind, its
/// authorization, device-authorization, token and refresh URLs (each `None` or `Some("url")`), its
/// scopes as `("name", "description")` pairs, and its extensions.
#[doc(hidden)]
#[macro_export]
macro_rules! __flow_slot {
    ([]) => {
        ::core::option::Option::None
    };
    ([
        $kind:ident
        $authorization_url:ident $(($authorization_url_text:literal))?
        $device_authorization_url:ident $(($device_authorization_url_text:literal))?
        $token_url:ident $(($token_url_text:literal))?
        $refresh_url:ident $(($refresh_url_text:literal))?
        [$(($scope:literal, $description:literal)),*]
        [$($extension:tt),*]
    ]) => {
        ::core::option::Option::Some($crate::__private::OAuthFlow::declared(
            $crate::__private::FlowKind::$kind,
            ::core::option::Option::$authorization_url $(($authorization_url_text))?,
            ::core::option::Option::$device_authorization_url $(($device_authorization_url_text))?,
            ::core::option::Option::$token_url $(($token_url_text))?,
            ::core::option::Option::$refresh_url $(($refresh_url_text))?,
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
