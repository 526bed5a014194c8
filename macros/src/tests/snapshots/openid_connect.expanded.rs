::authscheme::__private::impl_security_scheme! {
    [[] Oidc[] [] "Oidc"["openid", "email"] V3_0[] [None false[]]] openid_connect
    "https://id.example.com/.well-known/openid-configuration"
}
