::authscheme::__private::impl_security_scheme! {
    [] ClientCert[] [] "ClientCert"[] V3_1[roles] mutual_tls[] false[]
}
