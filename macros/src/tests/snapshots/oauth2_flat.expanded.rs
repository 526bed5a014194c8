#[doc(hidden)]
#[allow(unused_qualifications, clippy::absolute_paths)]
const _: () = {
    #[automatically_derived]
    impl ::authscheme::SecurityScheme for ItemsAuth {
        const DECLARATION: ::authscheme::__private::Declaration = ::authscheme::__private::Declaration::new(
            "ItemsAuth",
            &["items:read", "items:write"],
            ::authscheme::__private::OpenApiVersion::V3_0,
        );
        type Credentials = ::authscheme::__private::BearerToken;
        const CONFIG: () = ();
        const OPENAPI: ::authscheme::__private::openapi::SecurityScheme = {
            const __PASSWORD_SCOPES: &[::authscheme::__private::Scope] = &[
                ::authscheme::__private::Scope::new("items:read", "Read items"),
                ::authscheme::__private::Scope::new("items:write", "Create items"),
            ];
            ::authscheme::__private::openapi::SecurityScheme::declared(
                ::authscheme::__private::SecuritySchemeKind::OAuth2 {
                    flows: ::authscheme::__private::OAuthFlows::declared(
                        ::core::option::Option::None,
                        ::core::option::Option::Some(
                            ::authscheme::__private::OAuthFlow::declared(
                                ::authscheme::__private::FlowKind::Password,
                                ::core::option::Option::None,
                                ::core::option::Option::None,
                                ::core::option::Option::Some("/token"),
                                ::core::option::Option::None,
                                __PASSWORD_SCOPES,
                                &[],
                            ),
                        ),
                        ::core::option::Option::None,
                        ::core::option::Option::None,
                        ::core::option::Option::None,
                        &[],
                    ),
                    metadata_url: ::core::option::Option::None,
                },
                ::core::option::Option::Some(
                    "Password flow against our own token endpoint.",
                ),
                false,
                &[],
            )
        };
    }
};
