#![no_main]
include!("common.rs");

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Some(parts) = parts_with_header("authorization", data) {
        check::<authscheme::credentials::BearerToken>(&parts, &());
    }
});
