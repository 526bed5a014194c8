#[doc(hidden)]
#[allow(unused_qualifications, clippy::absolute_paths)]
const _: () = {
    #[automatically_derived]
    impl ::authscheme::SecurityScheme for PetstoreAuth {
        const DECLARATION: ::authscheme::__private::Declaration = ::authscheme::__private::Declaration::new(
            "petstore_auth",
            &["read:pets", "write:pets", "admin"],
            ::authscheme::__private::OpenApiVersion::V3_2,
        );
        type Credentials = ::authscheme::__private::BearerToken;
        const CONFIG: () = ();
        const OPENAPI: ::authscheme::__private::openapi::SecurityScheme = {
            const __CLIENT_CREDENTIALS_SCOPES: &[::authscheme::__private::Scope] = &[
                ::authscheme::__private::Scope::new("read:pets", "Read your pets"),
                ::authscheme::__private::Scope::new("write:pets", "Modify pets"),
                ::authscheme::__private::Scope::new("admin", "Admin"),
            ];
            const __CLIENT_CREDENTIALS_EXTENSIONS: &[::authscheme::__private::Extension] = &[
                ::authscheme::__private::Extension::new(
                    "x-c",
                    ::authscheme::__private::ExtensionValue::Int(1),
                ),
            ];
            const __AUTHORIZATION_CODE_SCOPES: &[::authscheme::__private::Scope] = &[
                ::authscheme::__private::Scope::new("read:pets", "Read your pets"),
                ::authscheme::__private::Scope::new("write:pets", "Modify pets"),
            ];
            const __FLOWS_EXTENSIONS: &[::authscheme::__private::Extension] = &[
                ::authscheme::__private::Extension::new(
                    "x-f",
                    ::authscheme::__private::ExtensionValue::Bool(false),
                ),
            ];
            const __EXTENSIONS: &[::authscheme::__private::Extension] = &[
                ::authscheme::__private::Extension::new(
                    "x-client-id",
                    ::authscheme::__private::ExtensionValue::str("petstore-ui"),
                ),
                ::authscheme::__private::Extension::new(
                    "x-ratio",
                    ::authscheme::__private::ExtensionValue::Float(-0.5),
                ),
                ::authscheme::__private::Extension::new(
                    "x-min",
                    ::authscheme::__private::ExtensionValue::Int(-9223372036854775808),
                ),
            ];
            ::authscheme::__private::openapi::SecurityScheme::declared(
                ::authscheme::__private::SecuritySchemeKind::OAuth2 {
                    flows: ::authscheme::__private::OAuthFlows::declared(
                        ::core::option::Option::None,
                        ::core::option::Option::None,
                        ::core::option::Option::Some(
                            ::authscheme::__private::OAuthFlow::declared(
                                ::authscheme::__private::FlowKind::ClientCredentials,
                                ::core::option::Option::None,
                                ::core::option::Option::None,
                                ::core::option::Option::Some(
                                    "https://auth.example.com/token",
                                ),
                                ::core::option::Option::None,
                                __CLIENT_CREDENTIALS_SCOPES,
                                __CLIENT_CREDENTIALS_EXTENSIONS,
                            ),
                        ),
                        ::core::option::Option::Some(
                            ::authscheme::__private::OAuthFlow::declared(
                                ::authscheme::__private::FlowKind::AuthorizationCode,
                                ::core::option::Option::Some(
                                    "https://auth.example.com/authorize",
                                ),
                                ::core::option::Option::None,
                                ::core::option::Option::Some(
                                    "https://auth.example.com/token",
                                ),
                                ::core::option::Option::Some(
                                    "https://auth.example.com/refresh",
                                ),
                                __AUTHORIZATION_CODE_SCOPES,
                                &[],
                            ),
                        ),
                        ::core::option::Option::None,
                        __FLOWS_EXTENSIONS,
                    ),
                    metadata_url: ::core::option::Option::Some(
                        ::authscheme::__private::Text::Borrowed(
                            "https://auth.example.com/.well-known/oauth-authorization-server",
                        ),
                    ),
                },
                ::core::option::Option::None,
                false,
                __EXTENSIONS,
            )
        };
    }
};
