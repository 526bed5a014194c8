// Shared by every target with `include!`: builds request heads from fuzzer bytes and checks
// what must hold for any input.

#[allow(dead_code)]
fn parts_with_header(name: &'static str, lines: &[u8]) -> Option<http::request::Parts> {
    // A 0xFF byte separates field lines, so one input can carry several lines.
    let mut request = http::Request::new(());
    for line in lines.split(|&b| b == 0xff) {
        let value = http::HeaderValue::from_bytes(line).ok()?;
        request
            .headers_mut()
            .append(http::HeaderName::from_static(name), value);
    }
    Some(request.into_parts().0)
}

#[allow(dead_code)]
fn check<C: authscheme::credentials::Credentials>(parts: &http::request::Parts, config: &C::Config) {
    if let Err(rejection) = C::extract(parts, config) {
        assert_eq!(rejection.status(), http::StatusCode::UNAUTHORIZED);
        assert_eq!(rejection.challenges(), C::missing(config).challenges());
    }
}
