#[allow(
    unused_imports,
    unused_qualifications,
    non_camel_case_types,
    clippy::absolute_paths
)]
const _: () = {
    use ::authscheme::__private::{self as __authscheme, None, Some};
    pub struct openid;
    impl __authscheme::ScopeMarker<0u32> for Oidc {
        type Marker = openid;
    }
    pub struct email;
    impl __authscheme::ScopeMarker<1u32> for Oidc {
        type Marker = email;
    }
    #[automatically_derived]
    impl __authscheme::SecurityScheme for Oidc {
        const DECLARATION: __authscheme::Declaration = __authscheme::Declaration::new(
            "Oidc",
            &["openid", "email"],
            __authscheme::OpenApiVersion::V3_0,
        );
        type Credentials = __authscheme::BearerToken;
        const CONFIG: () = ();
        const OPENAPI: __authscheme::openapi::SecurityScheme = __authscheme::openapi::SecurityScheme::declared(
            __authscheme::SecuritySchemeKind::OpenIdConnect {
                url: __authscheme::Text::Borrowed(
                    "https://id.example.com/.well-known/openid-configuration",
                ),
            },
            None,
            false,
            &[],
        );
    }
};
