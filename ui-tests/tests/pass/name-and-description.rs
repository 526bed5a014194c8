// CT-H1, CT-A6: `name`, `description` and doc comments.
use authscheme::SecurityScheme;
use authscheme::openapi::OpenApiVersion;

/// Password flow against our own token endpoint.
#[derive(SecurityScheme)]
#[oauth2(token_url = "/token")]
struct Documented;

/// First line.
///
/// Second paragraph with `code`.
#[derive(SecurityScheme)]
#[http(bearer, name = "jwt.v2-beta_1")]
struct Multiline;

#[derive(SecurityScheme)]
#[api_key(
    header = "X-API-Key",
    name = "api_key",
    description = "Issued by the admin UI"
)]
struct Described;

#[derive(SecurityScheme)]
#[http(basic)]
struct Undocumented;

fn main() {
    assert_eq!(Documented::NAME, "Documented");
    assert_eq!(
        Documented::openapi().description.as_deref(),
        Some("Password flow against our own token endpoint.")
    );
    assert_eq!(Multiline::NAME, "jwt.v2-beta_1");
    let description = Multiline::openapi().description.as_deref().unwrap();
    assert!(description.starts_with("First line."), "{description}");
    assert!(
        description.ends_with("Second paragraph with `code`."),
        "{description}"
    );
    assert_eq!(Described::NAME, "api_key");
    assert_eq!(
        Described::openapi().to_json(OpenApiVersion::V3_1).unwrap()["description"],
        "Issued by the admin UI"
    );
    assert_eq!(Undocumented::openapi().description, None);
}
