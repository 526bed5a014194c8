#[allow(unused_qualifications, clippy::absolute_paths)]
const _: () = {
    #[allow(non_camel_case_types)]
    pub struct openid;
    impl ::authscheme::__private::ScopeMarker<0u32> for Oidc {
        type Marker = openid;
    }
    #[allow(non_camel_case_types)]
    pub struct email;
    impl ::authscheme::__private::ScopeMarker<1u32> for Oidc {
        type Marker = email;
    }
};
::authscheme::__private::impl_security_scheme! {
    [[] Oidc[] [] "Oidc"["openid", "email"] V3_0[] [None false[]]] openid_connect
    "https://id.example.com/.well-known/openid-configuration"
}
