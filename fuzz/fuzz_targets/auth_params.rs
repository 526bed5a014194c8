#![no_main]

libfuzzer_sys::fuzz_target!(|data: &[u8]| {
    if let Ok(text) = std::str::from_utf8(data)
        && let Some(params) = authscheme::credentials::AuthParams::parse(text)
    {
        assert!(!params.is_empty());
        for (name, value) in params.iter() {
            assert_eq!(params.get(name), Some(value));
        }
    }
});
