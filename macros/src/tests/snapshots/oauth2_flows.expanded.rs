#[allow(unused_qualifications, clippy::absolute_paths)]
const _: () = {
    #[allow(non_camel_case_types)]
    pub struct read_pets;
    impl ::authscheme::__private::ScopeMarker<0u32> for PetstoreAuth {
        type Marker = read_pets;
    }
    #[allow(non_camel_case_types)]
    pub struct write_pets;
    impl ::authscheme::__private::ScopeMarker<1u32> for PetstoreAuth {
        type Marker = write_pets;
    }
    #[allow(non_camel_case_types)]
    pub struct admin;
    impl ::authscheme::__private::ScopeMarker<2u32> for PetstoreAuth {
        type Marker = admin;
    }
};
::authscheme::__private::impl_security_scheme! {
    [[] PetstoreAuth[] [] "petstore_auth"["read:pets", "write:pets", "admin"] V3_2[]
    [None false[("x-client-id",
    Str(::authscheme::__private::Text::Borrowed("petstore-ui"))), ("x-ratio", Float(-
    0.5)), ("x-min", Int(- 9223372036854775808))]]] oauth2[[], [], [ClientCredentials
    None None Some("https://auth.example.com/token") None[("read:pets",
    "Read your pets"), ("write:pets", "Modify pets"), ("admin", "Admin")] [("x-c",
    Int(1))]], [AuthorizationCode Some("https://auth.example.com/authorize") None
    Some("https://auth.example.com/token") Some("https://auth.example.com/refresh")
    [("read:pets", "Read your pets"), ("write:pets", "Modify pets")] []], []] [("x-f",
    Bool(false))] Some("https://auth.example.com/.well-known/oauth-authorization-server")
}
