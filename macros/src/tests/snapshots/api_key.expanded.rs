#[doc(hidden)]
#[allow(unused_qualifications, clippy::absolute_paths)]
const _: () = {
    #[automatically_derived]
    impl<'a, T: Clone, const N: usize> my::auth::SecurityScheme for KeyAuth<'a, T, N>
    where
        T: Default,
        KeyAuth<'a, T, N>: ::core::marker::Send + ::core::marker::Sync + 'static,
    {
        const DECLARATION: my::auth::__private::Declaration = my::auth::__private::Declaration::new(
                "KeyAuth",
                &["admin"],
                my::auth::__private::OpenApiVersion::V3_0,
            )
            .roles();
        type Credentials = my::auth::__private::ApiKey;
        const CONFIG: my::auth::__private::ApiKeyConfig = my::auth::__private::ApiKeyConfig::new(
            my::auth::__private::ApiKeyLocation::Header,
            "X-API-Key",
        );
        const OPENAPI: my::auth::__private::openapi::SecurityScheme = {
            my::auth::__private::openapi::SecurityScheme::declared(
                my::auth::__private::SecuritySchemeKind::ApiKey {
                    name: my::auth::__private::Text::Borrowed("X-API-Key"),
                    location: my::auth::__private::ApiKeyLocation::Header,
                },
                ::core::option::Option::None,
                false,
                &[],
            )
        };
    }
};
