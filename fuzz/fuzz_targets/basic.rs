#![no_main]
include!("common.rs");

use authscheme::credentials::{BasicConfig, BasicCredentials, Credentials};

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some(parts) = parts_with_header("authorization", data) {
        check::<BasicCredentials>(
            &parts,
            &BasicConfig::new(Some("fuzz \"realm\""), r#"Basic realm="fuzz \"realm\"""#),
        );
        if let Ok(Some(credentials)) =
            BasicCredentials::extract(&parts, &BasicConfig::new(None, "Basic"))
        {
            assert!(!credentials.username().contains(':'));
            assert!(credentials.password_matches(credentials.password()));
        }
    }
});
