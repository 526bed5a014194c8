#[allow(
    unused_imports,
    unused_qualifications,
    non_camel_case_types,
    clippy::absolute_paths
)]
const _: () = {
    use ::authscheme::__private::{self as __authscheme, None, Some};
    pub struct items_read;
    impl __authscheme::ScopeMarker<0u32> for ItemsAuth {
        type Marker = items_read;
    }
    pub struct items_write;
    impl __authscheme::ScopeMarker<1u32> for ItemsAuth {
        type Marker = items_write;
    }
    #[automatically_derived]
    impl __authscheme::SecurityScheme for ItemsAuth {
        const DECLARATION: __authscheme::Declaration = __authscheme::Declaration::new(
            "ItemsAuth",
            &["items:read", "items:write"],
            __authscheme::OpenApiVersion::V3_0,
        );
        type Credentials = __authscheme::BearerToken;
        const CONFIG: () = ();
        const OPENAPI: __authscheme::openapi::SecurityScheme = __authscheme::openapi::SecurityScheme::declared(
            __authscheme::SecuritySchemeKind::OAuth2 {
                flows: __authscheme::OAuthFlows {
                    implicit: None,
                    password: Some(
                        __authscheme::Flow {
                            kind: __authscheme::FlowKind::Password,
                            authorization_url: None,
                            device_authorization_url: None,
                            token_url: Some("/token"),
                            refresh_url: None,
                            scopes: &[
                                __authscheme::Scope {
                                    name: __authscheme::Text::Borrowed("items:read"),
                                    description: __authscheme::Text::Borrowed("Read items"),
                                },
                                __authscheme::Scope {
                                    name: __authscheme::Text::Borrowed("items:write"),
                                    description: __authscheme::Text::Borrowed("Create items"),
                                },
                            ],
                            extensions: &[],
                        }
                            .build(),
                    ),
                    client_credentials: None,
                    authorization_code: None,
                    device_authorization: None,
                    extensions: __authscheme::List::Borrowed(&[]),
                }
                    .checked(),
                metadata_url: None,
            },
            Some("Password flow against our own token endpoint."),
            false,
            &[],
        );
    }
};
