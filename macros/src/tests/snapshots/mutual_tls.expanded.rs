#[allow(
    unused_imports,
    unused_qualifications,
    non_camel_case_types,
    clippy::absolute_paths
)]
const _: () = {
    use ::authscheme::__private::{self as __authscheme, None, Some};
    #[automatically_derived]
    impl __authscheme::SecurityScheme for ClientCert {
        const DECLARATION: __authscheme::Declaration = __authscheme::Declaration::new(
                "ClientCert",
                &[],
                __authscheme::OpenApiVersion::V3_1,
            )
            .roles();
        type Credentials = __authscheme::ClientCertificate;
        const CONFIG: () = ();
        const OPENAPI: __authscheme::openapi::SecurityScheme = __authscheme::openapi::SecurityScheme::declared(
            __authscheme::SecuritySchemeKind::MutualTls,
            None,
            false,
            &[],
        );
    }
};
