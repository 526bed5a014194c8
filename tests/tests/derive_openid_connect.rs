//! `#[openid_connect(..)]`.

use authscheme::credentials::BearerToken;
use authscheme::openapi::{self, OpenApiVersion, SecuritySchemeKind};
use authscheme::{SecurityScheme, scopes};

fn credentials_are<S: SecurityScheme<Credentials = C>, C>() {}

/// Sign in with the company account.
#[derive(SecurityScheme)]
#[openid_connect(
    url = "https://id.example.com/.well-known/openid-configuration",
    scopes("openid", "email", "profile"),
    extensions("x-provider" = "keycloak"),
)]
pub struct Oidc;

#[test]
fn openid_connect() {
    const EXTENSIONS: &[openapi::Extension] = &[openapi::Extension::new(
        "x-provider",
        openapi::ExtensionValue::str("keycloak"),
    )];
    const EXPECTED: openapi::SecurityScheme = openapi::SecurityScheme::declared(
        SecuritySchemeKind::OpenIdConnect {
            url: openapi::Text::Borrowed("https://id.example.com/.well-known/openid-configuration"),
        },
        Some("Sign in with the company account."),
        false,
        EXTENSIONS,
    );
    assert_eq!(*Oidc::openapi(), EXPECTED);
    assert_eq!(Oidc::NAME, "Oidc");
    // The scope names are for `scopes!`, not for the document.
    assert_eq!(Oidc::SCOPES, ["openid", "email", "profile"]);
    assert_eq!(Oidc::MIN_OPENAPI_VERSION, OpenApiVersion::V3_0);
    assert_eq!(<scopes!(Oidc: "openid", "profile")>::SET.bits(), 0b101);
    credentials_are::<Oidc, BearerToken>();
}

/// FastAPI: `OpenIdConnect(openIdConnectUrl="/.well-known/openid-configuration")`.
#[derive(SecurityScheme)]
#[openid_connect(url = "/.well-known/openid-configuration", name = "oidc")]
pub struct RelativeOidc;

#[test]
fn relative_url_and_no_scopes() {
    assert_eq!(
        *RelativeOidc::openapi(),
        openapi::SecurityScheme::open_id_connect("/.well-known/openid-configuration")
            .with_description(
                "FastAPI: `OpenIdConnect(openIdConnectUrl=\"/.well-known/openid-configuration\")`."
            )
    );
    assert_eq!(RelativeOidc::NAME, "oidc");
    assert!(RelativeOidc::SCOPES.is_empty());
}

// The tokens' expected issuer, a development provider on loopback, and this API as a URN
// (CT-E8, CT-E9).
#[doc(hidden)]
#[derive(SecurityScheme)]
#[openid_connect(
    url = "http://localhost:8080/realms/dev/.well-known/openid-configuration",
    scopes("openid"),
    issuer = "http://localhost:8080/realms/dev",
    audience = "urn:example:items-api"
)]
pub struct DevOidc;

// The same scheme without them.
#[doc(hidden)]
#[derive(SecurityScheme)]
#[openid_connect(
    url = "http://localhost:8080/realms/dev/.well-known/openid-configuration",
    scopes("openid")
)]
pub struct DevOidcNoClaims;

#[test]
fn issuer_and_audience_are_declared_not_documented() {
    assert_eq!(
        DevOidc::DECLARATION.issuer,
        Some("http://localhost:8080/realms/dev")
    );
    assert_eq!(DevOidc::DECLARATION.audience, Some("urn:example:items-api"));
    assert_eq!(DevOidcNoClaims::DECLARATION.issuer, None);
    assert_eq!(DevOidcNoClaims::DECLARATION.audience, None);
    assert_eq!(Oidc::DECLARATION.audience, None);
    assert_eq!(*DevOidc::openapi(), *DevOidcNoClaims::openapi());
    for version in [
        OpenApiVersion::V3_0,
        OpenApiVersion::V3_1,
        OpenApiVersion::V3_2,
    ] {
        assert_eq!(
            DevOidc::openapi().to_json(version).unwrap(),
            DevOidcNoClaims::openapi().to_json(version).unwrap()
        );
    }
    credentials_are::<DevOidc, BearerToken>();
}
