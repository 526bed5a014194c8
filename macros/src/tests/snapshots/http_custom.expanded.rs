::authscheme::__private::impl_security_scheme! {
    [[] Scram[] [] "Scram"[] V3_0[roles] [Some("SCRAM") false[]]] http_custom
    "SCRAM-SHA-256" "scram-sha-256" "Scram-Sha-256"
}
