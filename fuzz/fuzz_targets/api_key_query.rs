#![no_main]
include!("common.rs");

use authscheme::credentials::{ApiKey, ApiKeyConfig, Credentials};
use authscheme::openapi::ApiKeyLocation;

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    let mut uri = b"/?".to_vec();
    uri.extend_from_slice(data);
    let Ok(uri) = http::Uri::try_from(uri) else {
        return;
    };
    let mut request = http::Request::new(());
    *request.uri_mut() = uri;
    let parts = request.into_parts().0;
    let config = ApiKeyConfig::new(ApiKeyLocation::Query, "api_key");
    check::<ApiKey>(&parts, &config);
    if let Ok(Some(key)) = ApiKey::extract(&parts, &config) {
        assert!(!key.as_str().is_empty());
    }
});
