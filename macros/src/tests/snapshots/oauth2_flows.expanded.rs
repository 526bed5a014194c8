#[allow(
    unused_imports,
    unused_qualifications,
    non_camel_case_types,
    clippy::absolute_paths
)]
const _: () = {
    use ::authscheme::__private::{self as __authscheme, None, Some};
    pub struct read_pets;
    impl __authscheme::ScopeMarker<0u32> for PetstoreAuth {
        type Marker = read_pets;
    }
    pub struct write_pets;
    impl __authscheme::ScopeMarker<1u32> for PetstoreAuth {
        type Marker = write_pets;
    }
    pub struct admin;
    impl __authscheme::ScopeMarker<2u32> for PetstoreAuth {
        type Marker = admin;
    }
    #[automatically_derived]
    impl __authscheme::SecurityScheme for PetstoreAuth {
        const DECLARATION: __authscheme::Declaration = __authscheme::Declaration::new(
            "petstore_auth",
            &["read:pets", "write:pets", "admin"],
            __authscheme::OpenApiVersion::V3_2,
        );
        type Credentials = __authscheme::BearerToken;
        const CONFIG: () = ();
        const OPENAPI: __authscheme::openapi::SecurityScheme = __authscheme::openapi::SecurityScheme::declared(
            __authscheme::SecuritySchemeKind::OAuth2 {
                flows: __authscheme::OAuthFlows {
                    implicit: None,
                    password: None,
                    client_credentials: Some(
                        __authscheme::Flow {
                            kind: __authscheme::FlowKind::ClientCredentials,
                            authorization_url: None,
                            device_authorization_url: None,
                            token_url: Some("https://auth.example.com/token"),
                            refresh_url: None,
                            scopes: &[
                                __authscheme::Scope {
                                    name: __authscheme::Text::Borrowed("read:pets"),
                                    description: __authscheme::Text::Borrowed("Read your pets"),
                                },
                                __authscheme::Scope {
                                    name: __authscheme::Text::Borrowed("write:pets"),
                                    description: __authscheme::Text::Borrowed("Modify pets"),
                                },
                                __authscheme::Scope {
                                    name: __authscheme::Text::Borrowed("admin"),
                                    description: __authscheme::Text::Borrowed("Admin"),
                                },
                            ],
                            extensions: &[
                                __authscheme::Extension {
                                    key: __authscheme::Text::Borrowed("x-c"),
                                    value: __authscheme::ExtensionValue::Int(1),
                                },
                            ],
                        }
                            .build(),
                    ),
                    authorization_code: Some(
                        __authscheme::Flow {
                            kind: __authscheme::FlowKind::AuthorizationCode,
                            authorization_url: Some(
                                "https://auth.example.com/authorize",
                            ),
                            device_authorization_url: None,
                            token_url: Some("https://auth.example.com/token"),
                            refresh_url: Some("https://auth.example.com/refresh"),
                            scopes: &[
                                __authscheme::Scope {
                                    name: __authscheme::Text::Borrowed("read:pets"),
                                    description: __authscheme::Text::Borrowed("Read your pets"),
                                },
                                __authscheme::Scope {
                                    name: __authscheme::Text::Borrowed("write:pets"),
                                    description: __authscheme::Text::Borrowed("Modify pets"),
                                },
                            ],
                            extensions: &[],
                        }
                            .build(),
                    ),
                    device_authorization: None,
                    extensions: __authscheme::List::Borrowed(
                        &[
                            __authscheme::Extension {
                                key: __authscheme::Text::Borrowed("x-f"),
                                value: __authscheme::ExtensionValue::Bool(false),
                            },
                        ],
                    ),
                }
                    .checked(),
                metadata_url: Some(
                    __authscheme::Text::Borrowed(
                        "https://auth.example.com/.well-known/oauth-authorization-server",
                    ),
                ),
            },
            None,
            false,
            &[
                __authscheme::Extension {
                    key: __authscheme::Text::Borrowed("x-client-id"),
                    value: __authscheme::ExtensionValue::Str(
                        __authscheme::Text::Borrowed("petstore-ui"),
                    ),
                },
                __authscheme::Extension {
                    key: __authscheme::Text::Borrowed("x-ratio"),
                    value: __authscheme::ExtensionValue::Float(-0.5),
                },
                __authscheme::Extension {
                    key: __authscheme::Text::Borrowed("x-min"),
                    value: __authscheme::ExtensionValue::Int(-9223372036854775808),
                },
            ],
        );
    }
};
