#[doc(hidden)]
#[allow(unused_qualifications, clippy::absolute_paths)]
const _: () = {
    #[automatically_derived]
    impl ::authscheme::SecurityScheme for ClientCert {
        const DECLARATION: ::authscheme::__private::Declaration = ::authscheme::__private::Declaration::new(
                "ClientCert",
                &[],
                ::authscheme::__private::OpenApiVersion::V3_1,
            )
            .roles();
        type Credentials = ::authscheme::__private::ClientCertificate;
        const CONFIG: () = ();
        const OPENAPI: ::authscheme::__private::openapi::SecurityScheme = {
            ::authscheme::__private::openapi::SecurityScheme::declared(
                ::authscheme::__private::SecuritySchemeKind::MutualTls,
                ::core::option::Option::None,
                false,
                &[],
            )
        };
    }
};
