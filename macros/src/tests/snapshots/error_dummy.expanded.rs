::core::compile_error! {
    "expected `realm` to be a string: `realm = \"...\"`"
}
::core::compile_error! {
    "unknown key `formt` in `#[http(...)]`; did you mean `format`? expected one of: `basic`, `bearer`, `digest`, `scheme`, `realm`, `format`, `issuer`, `audience`, `roles`, `name`, `description`, `extensions`, `deprecated`, `openapi`, `crate`"
}
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
                __authscheme::OpenApiVersion::V3_0,
            )
            .errored();
        type Credentials = __authscheme::BasicCredentials;
        const CONFIG: __authscheme::BasicConfig = __authscheme::BasicConfig {
            realm: None,
            challenge: "Basic",
        };
        const OPENAPI: __authscheme::openapi::SecurityScheme = __authscheme::openapi::SecurityScheme::declared(
            __authscheme::SecuritySchemeKind::Http {
                scheme: __authscheme::Text::Borrowed("basic"),
                bearer_format: None,
            },
            None,
            false,
            &[],
        );
    }
};
