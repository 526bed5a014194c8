::core::compile_error! {
    "expected `realm` to be a string: `realm = \"...\"`"
}
::core::compile_error! {
    "unknown key `formt` in `#[http(...)]`; did you mean `format`? expected one of: `basic`, `bearer`, `digest`, `scheme`, `realm`, `format`, `roles`, `name`, `description`, `extensions`, `deprecated`, `openapi`, `crate`"
}
#[automatically_derived]
#[allow(unused_qualifications, clippy::absolute_paths)]
impl ::authscheme::SecurityScheme for Admin {
    const DECLARATION: ::authscheme::__private::Declaration = ::authscheme::__private::Declaration::new(
            "Admin",
            &[],
            ::authscheme::__private::OpenApiVersion::V3_0,
        )
        .errored();
    type Credentials = ::authscheme::__private::BasicCredentials;
    const CONFIG: ::authscheme::__private::BasicConfig = ::authscheme::__private::BasicConfig::new(
        ::core::option::Option::None,
        "Basic",
    );
    const OPENAPI: ::authscheme::__private::openapi::SecurityScheme = ::authscheme::__private::openapi::SecurityScheme::declared(
        ::authscheme::__private::SecuritySchemeKind::MutualTls,
        ::core::option::Option::None,
        false,
        &[],
    );
}
