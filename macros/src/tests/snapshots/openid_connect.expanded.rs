#[doc(hidden)]
#[allow(unused_qualifications, clippy::absolute_paths)]
const _: () = {
    #[automatically_derived]
    impl ::authscheme::SecurityScheme for Oidc {
        const DECLARATION: ::authscheme::__private::Declaration = ::authscheme::__private::Declaration::new(
            "Oidc",
            &["openid", "email"],
            ::authscheme::__private::OpenApiVersion::V3_0,
        );
        type Credentials = ::authscheme::__private::BearerToken;
        const CONFIG: () = ();
        const OPENAPI: ::authscheme::__private::openapi::SecurityScheme = {
            ::authscheme::__private::openapi::SecurityScheme::declared(
                ::authscheme::__private::SecuritySchemeKind::OpenIdConnect {
                    url: ::authscheme::__private::Text::Borrowed(
                        "https://id.example.com/.well-known/openid-configuration",
                    ),
                },
                ::core::option::Option::None,
                false,
                &[],
            )
        };
    }
};
