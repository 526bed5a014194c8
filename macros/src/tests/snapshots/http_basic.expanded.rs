::authscheme::__private::impl_security_scheme! {
    [[] Admin[] [] "Admin"[] V3_2[roles] [None true[]]] http_basic Some("admin")
    "Basic realm=\"admin\""
}
