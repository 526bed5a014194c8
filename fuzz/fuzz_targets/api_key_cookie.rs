#![no_main]
include!("common.rs");

use authscheme::credentials::{ApiKey, ApiKeyConfig, Credentials};
use authscheme::openapi::ApiKeyLocation;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some(parts) = parts_with_header("cookie", data) {
        let config = ApiKeyConfig::new(ApiKeyLocation::Cookie, "session");
        check::<ApiKey>(&parts, &config);
        if let Ok(Some(key)) = ApiKey::extract(&parts, &config) {
            assert!(!key.as_str().is_empty());
            assert!(!key.as_str().contains([' ', ';', ',', '"', '\\']));
        }
    }
});
