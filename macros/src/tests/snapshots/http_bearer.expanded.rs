#[allow(
    unused_imports,
    unused_qualifications,
    non_camel_case_types,
    clippy::absolute_paths
)]
const _: () = {
    use ::authscheme::__private::{self as __authscheme, None, Some};
    #[automatically_derived]
    impl __authscheme::SecurityScheme for Jwt {
        const DECLARATION: __authscheme::Declaration = __authscheme::Declaration::new(
                "Jwt",
                &[],
                __authscheme::OpenApiVersion::V3_0,
            )
            .roles()
            .issuer("https://idp.example.com")
            .audience("urn:example:items-api");
        type Credentials = __authscheme::BearerToken;
        const CONFIG: () = ();
        const OPENAPI: __authscheme::openapi::SecurityScheme = __authscheme::openapi::SecurityScheme::declared(
            __authscheme::SecuritySchemeKind::Http {
                scheme: __authscheme::Text::Borrowed("bearer"),
                bearer_format: Some(__authscheme::Text::Borrowed("JWT")),
            },
            None,
            false,
            &[],
        );
    }
};
