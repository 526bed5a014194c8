my::auth::__private::impl_security_scheme! {
    [[< 'a, T : Clone, const N : usize >] KeyAuth[< 'a, T, N >] [where T : Default,
    KeyAuth < 'a, T, N > : ::core::marker::Send + ::core::marker::Sync + 'static]
    "KeyAuth"["admin"] V3_0[roles] [None false[]]] api_key Header "X-API-Key" "x-api-key"
}
