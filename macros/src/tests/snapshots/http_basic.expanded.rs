#[doc(hidden)]
#[allow(unused_qualifications, clippy::absolute_paths)]
const _: () = {
    #[automatically_derived]
    impl ::authscheme::SecurityScheme for Admin {
        const DECLARATION: ::authscheme::__private::Declaration = ::authscheme::__private::Declaration::new(
                "Admin",
                &[],
                ::authscheme::__private::OpenApiVersion::V3_2,
            )
            .roles();
        type Credentials = ::authscheme::__private::BasicCredentials;
        const CONFIG: ::authscheme::__private::BasicConfig = ::authscheme::__private::BasicConfig::new(
            ::core::option::Option::Some("admin"),
        );
        const OPENAPI: ::authscheme::__private::openapi::SecurityScheme = {
            ::authscheme::__private::openapi::SecurityScheme::declared(
                ::authscheme::__private::SecuritySchemeKind::Http {
                    scheme: ::authscheme::__private::Text::Borrowed("basic"),
                    bearer_format: ::core::option::Option::None,
                },
                ::core::option::Option::None,
                true,
                &[],
            )
        };
    }
};
