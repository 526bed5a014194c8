#[allow(
    unused_imports,
    unused_qualifications,
    non_camel_case_types,
    clippy::absolute_paths
)]
const _: () = {
    use ::authscheme::__private::{self as __authscheme, None, Some};
    #[automatically_derived]
    impl __authscheme::SecurityScheme for Scram {
        const DECLARATION: __authscheme::Declaration = __authscheme::Declaration::new(
                "Scram",
                &[],
                __authscheme::OpenApiVersion::V3_0,
            )
            .roles();
        type Credentials = __authscheme::HttpCredentials;
        const CONFIG: __authscheme::HttpConfig = __authscheme::HttpConfig {
            scheme: "SCRAM-SHA-256",
            challenge: "Scram-Sha-256",
        };
        const OPENAPI: __authscheme::openapi::SecurityScheme = __authscheme::openapi::SecurityScheme::declared(
            __authscheme::SecuritySchemeKind::Http {
                scheme: __authscheme::Text::Borrowed("scram-sha-256"),
                bearer_format: None,
            },
            Some("SCRAM"),
            false,
            &[],
        );
    }
};
