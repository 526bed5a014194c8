#![no_main]
include!("common.rs");

use authscheme::credentials::{ApiKey, ApiKeyConfig, Credentials};
use authscheme::openapi::ApiKeyLocation;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some(parts) = parts_with_header("x-api-key", data) {
        let config = ApiKeyConfig::new(ApiKeyLocation::Header, "X-API-Key");
        check::<ApiKey>(&parts, &config);
        if let Ok(Some(key)) = ApiKey::extract(&parts, &config) {
            assert!(!key.as_str().is_empty());
            assert!(key.matches(key.as_str()));
        }
    }
});
