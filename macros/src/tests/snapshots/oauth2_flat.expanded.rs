::authscheme::__private::impl_security_scheme! {
    [] ItemsAuth[] [] "ItemsAuth"["items:read", "items:write"] V3_0[] oauth2[[],
    [Password[] [] ["/token"] [] [("items:read", "Read items"), ("items:write",
    "Create items")] []], [], [], []] [] []
    ["Password flow against our own token endpoint."] false[]
}
