#[allow(unused_qualifications, clippy::absolute_paths)]
const _: () = {
    #[allow(non_camel_case_types)]
    pub struct items_read;
    impl ::authscheme::__private::ScopeMarker<0u32> for ItemsAuth {
        type Marker = items_read;
    }
    #[allow(non_camel_case_types)]
    pub struct items_write;
    impl ::authscheme::__private::ScopeMarker<1u32> for ItemsAuth {
        type Marker = items_write;
    }
};
::authscheme::__private::impl_security_scheme! {
    [[] ItemsAuth[] [] "ItemsAuth"["items:read", "items:write"] V3_0[]
    [Some("Password flow against our own token endpoint.") false[]]] oauth2[[], [Password
    None None Some("/token") None[("items:read", "Read items"), ("items:write",
    "Create items")] []], [], [], []] [] None
}
