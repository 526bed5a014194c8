::authscheme::__private::impl_security_scheme! {
    [] Admin[] [] "Admin"[] V3_2[roles] http_basic["admin"] [] true[]
}
