#![no_main]
include!("common.rs");

use authscheme::credentials::{Credentials, HttpConfig, HttpCredentials};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some(parts) = parts_with_header("authorization", data) {
        let config = HttpConfig::new("scram-sha-256", "Scram-Sha-256");
        check::<HttpCredentials>(&parts, &config);
        if let Ok(Some(credentials)) = HttpCredentials::extract(&parts, &config) {
            assert!(credentials.scheme().eq_ignore_ascii_case("scram-sha-256"));
            assert!(credentials.token68().is_some() != credentials.params().is_some());
        }
    }
});
