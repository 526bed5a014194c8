::authscheme::__private::impl_security_scheme! {
    [[] ClientCert[] [] "ClientCert"[] V3_1[roles] [None false[]]] mutual_tls
}
