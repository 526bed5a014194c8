#[doc(hidden)]
#[allow(unused_qualifications, clippy::absolute_paths)]
const _: () = {
    #[automatically_derived]
    impl ::authscheme::SecurityScheme for Scram {
        const DECLARATION: ::authscheme::__private::Declaration = ::authscheme::__private::Declaration::new(
                "Scram",
                &[],
                ::authscheme::__private::OpenApiVersion::V3_0,
            )
            .roles();
        type Credentials = ::authscheme::__private::HttpCredentials;
        const CONFIG: ::authscheme::__private::HttpConfig = ::authscheme::__private::HttpConfig::new(
            "SCRAM-SHA-256",
        );
        const OPENAPI: ::authscheme::__private::openapi::SecurityScheme = {
            ::authscheme::__private::openapi::SecurityScheme::declared(
                ::authscheme::__private::SecuritySchemeKind::Http {
                    scheme: ::authscheme::__private::Text::Borrowed("scram-sha-256"),
                    bearer_format: ::core::option::Option::None,
                },
                ::core::option::Option::Some("SCRAM"),
                false,
                &[],
            )
        };
    }
};
