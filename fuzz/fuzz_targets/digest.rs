#![no_main]
include!("common.rs");

use authscheme::credentials::{Credentials, DigestCredentials};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some(parts) = parts_with_header("authorization", data) {
        check::<DigestCredentials>(&parts, &());
        if let Ok(Some(digest)) = DigestCredentials::extract(&parts, &()) {
            let _ = (
                digest.username(),
                digest.realm(),
                digest.uri(),
                digest.response(),
            );
            let _ = (
                digest.nonce(),
                digest.algorithm(),
                digest.qop(),
                digest.userhash(),
            );
        }
    }
});
