::authscheme::__private::impl_security_scheme! {
    [[] ItemsAuth[] [] "ItemsAuth"["items:read", "items:write"] V3_0[]
    [Some("Password flow against our own token endpoint.") false[]]] oauth2[[], [Password
    None None Some("/token") None[("items:read", "Read items"), ("items:write",
    "Create items")] []], [], [], []] [] None
}
