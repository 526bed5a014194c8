// Defaults and overrides: `description` beats the doc comment, raw identifiers, an unpinned
// 3.2 feature raises MIN_OPENAPI_VERSION, a realm may hold quotes (escaped in the challenge).
use authscheme::SecurityScheme;
use authscheme::openapi::OpenApiVersion;

/// The doc comment.
#[derive(SecurityScheme)]
#[http(bearer, description = "The key wins")]
struct Overridden;

#[derive(SecurityScheme)]
#[http(bearer)]
struct r#Raw;

#[derive(SecurityScheme)]
#[oauth2(device_authorization(device_authorization_url = "/device", token_url = "/token"))]
struct Device;

#[derive(SecurityScheme)]
#[http(basic, realm = r#"say "hi" \o/"#)]
struct Quoted;

#[derive(SecurityScheme)]
#[http(openapi = "3.0", bearer)]
struct Pinned;

fn main() {
    assert_eq!(
        Overridden::openapi().description.as_deref(),
        Some("The key wins")
    );
    assert_eq!(Raw::NAME, "Raw");
    assert_eq!(Device::MIN_OPENAPI_VERSION, OpenApiVersion::V3_2);
    assert!(Device::openapi().to_json(OpenApiVersion::V3_1).is_err());
    assert!(Device::openapi().to_json(OpenApiVersion::V3_2).is_ok());
    assert_eq!(Quoted::CONFIG.realm, Some(r#"say "hi" \o/"#));
    assert_eq!(Pinned::MIN_OPENAPI_VERSION, OpenApiVersion::V3_0);
}
