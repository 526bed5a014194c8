#[allow(
    unused_imports,
    unused_qualifications,
    non_camel_case_types,
    clippy::absolute_paths
)]
const _: () = {
    use ::authscheme::__private::{self as __authscheme, None, Some};
    #[automatically_derived]
    impl __authscheme::SecurityScheme for Admin {
        const DECLARATION: __authscheme::Declaration = __authscheme::Declaration::new(
                "Admin",
                &[],
                __authscheme::OpenApiVersion::V3_2,
            )
            .roles();
        type Credentials = __authscheme::BasicCredentials;
        const CONFIG: __authscheme::BasicConfig = __authscheme::BasicConfig {
            realm: Some("admin"),
            challenge: "Basic realm=\"admin\"",
        };
        const OPENAPI: __authscheme::openapi::SecurityScheme = __authscheme::openapi::SecurityScheme::declared(
            __authscheme::SecuritySchemeKind::Http {
                scheme: __authscheme::Text::Borrowed("basic"),
                bearer_format: None,
            },
            None,
            true,
            &[],
        );
    }
};
