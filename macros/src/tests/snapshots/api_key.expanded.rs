#[allow(
    unused_imports,
    unused_qualifications,
    non_camel_case_types,
    clippy::absolute_paths
)]
const _: () = {
    use my::auth::__private::{self as __authscheme, None, Some};
    pub struct admin;
    impl<'a, T: Clone, const N: usize> __authscheme::ScopeMarker<0u32>
    for KeyAuth<'a, T, N>
    where
        T: Default,
        KeyAuth<'a, T, N>: ::core::marker::Send + ::core::marker::Sync + 'static,
    {
        type Marker = admin;
    }
    #[automatically_derived]
    impl<'a, T: Clone, const N: usize> __authscheme::ApiKeyHeader for KeyAuth<'a, T, N>
    where
        T: Default,
        KeyAuth<'a, T, N>: ::core::marker::Send + ::core::marker::Sync + 'static,
    {
        type Authorization = __authscheme::Elsewhere;
    }
    #[automatically_derived]
    impl<'a, T: Clone, const N: usize> __authscheme::SecurityScheme for KeyAuth<'a, T, N>
    where
        T: Default,
        KeyAuth<'a, T, N>: ::core::marker::Send + ::core::marker::Sync + 'static,
    {
        const DECLARATION: __authscheme::Declaration = __authscheme::Declaration::new(
                "KeyAuth",
                &["admin"],
                __authscheme::OpenApiVersion::V3_0,
            )
            .roles();
        type Credentials = __authscheme::ApiKey;
        const CONFIG: __authscheme::ApiKeyConfig = __authscheme::ApiKeyConfig::new(
                __authscheme::ApiKeyLocation::Header,
                "X-API-Key",
            )
            .with_header_name(|| {
                static HEADER_NAME: __authscheme::HeaderName = __authscheme::HeaderName::from_static(
                    "x-api-key",
                );
                &HEADER_NAME
            });
        const OPENAPI: __authscheme::openapi::SecurityScheme = __authscheme::openapi::SecurityScheme::declared(
            __authscheme::SecuritySchemeKind::ApiKey {
                name: __authscheme::Text::Borrowed("X-API-Key"),
                location: __authscheme::ApiKeyLocation::Header,
            },
            None,
            false,
            &[],
        );
    }
};
