#[allow(unused_qualifications, clippy::absolute_paths)]
const _: () = {
    #[allow(non_camel_case_types)]
    pub struct admin;
    impl<'a, T: Clone, const N: usize> my::auth::__private::ScopeMarker<0u32>
    for KeyAuth<'a, T, N>
    where
        T: Default,
        KeyAuth<'a, T, N>: ::core::marker::Send + ::core::marker::Sync + 'static,
    {
        type Marker = admin;
    }
};
my::auth::__private::impl_security_scheme! {
    [[< 'a, T : Clone, const N : usize >] KeyAuth[< 'a, T, N >] [where T : Default,
    KeyAuth < 'a, T, N > : ::core::marker::Send + ::core::marker::Sync + 'static]
    "KeyAuth"["admin"] V3_0[roles] [None false[]]] api_key Header "X-API-Key" Elsewhere
    "x-api-key"
}
