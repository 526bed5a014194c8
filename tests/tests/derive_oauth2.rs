//! `#[oauth2(..)]`: the expansion's `'static` model equals one built by hand.

use authscheme::credentials::BearerToken;
use authscheme::openapi::{
    self, Extension, ExtensionValue, FlowKind, OAuthFlow, OAuthFlows, OpenApiVersion, Scope,
    SecuritySchemeKind,
};
use authscheme::{SecurityScheme, scopes};

/// Asserts that `S::Credentials` is `C`.
fn credentials_are<S: SecurityScheme<Credentials = C>, C>() {}

/// Password flow against our own token endpoint.
#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes("items:read" = "Read items", "items:write" = "Create items"))]
pub struct ItemsAuth;

#[test]
fn flat_password_form() {
    const SCOPES: &[Scope] = &[
        Scope::new("items:read", "Read items"),
        Scope::new("items:write", "Create items"),
    ];
    const EXPECTED: openapi::SecurityScheme = openapi::SecurityScheme::declared(
        SecuritySchemeKind::OAuth2 {
            flows: OAuthFlows::single(OAuthFlow::password("/token", SCOPES)),
            metadata_url: None,
        },
        Some("Password flow against our own token endpoint."),
        false,
        &[],
    );
    assert_eq!(*ItemsAuth::openapi(), EXPECTED);
    assert_eq!(ItemsAuth::NAME, "ItemsAuth");
    assert_eq!(ItemsAuth::SCOPES, ["items:read", "items:write"]);
    assert_eq!(ItemsAuth::MIN_OPENAPI_VERSION, OpenApiVersion::V3_0);
    credentials_are::<ItemsAuth, BearerToken>();
    // The same `'static` value every time: nothing is built per call.
    assert!(std::ptr::eq(ItemsAuth::openapi(), ItemsAuth::openapi()));
    let () = ItemsAuth::CONFIG;
}

#[test]
fn scopes_of_the_flat_form() {
    let read = <scopes!(ItemsAuth: "items:read")>::SET;
    let both = <scopes!(ItemsAuth: "items:read", "items:write")>::SET;
    assert_eq!(read.bits(), 0b01);
    assert_eq!(both.bits(), 0b11);
    assert!(both.contains_all(read));
    assert!(<scopes!(ItemsAuth)>::SET.is_empty());
}

/// FastAPI: `OAuth2PasswordBearer(tokenUrl="token", refreshUrl="refresh", scheme_name="bearer_auth", description=..)`.
#[derive(SecurityScheme)]
#[oauth2(
    name = "bearer_auth",
    description = "Explicit description wins over the doc comment",
    token_url = "token",
    refresh_url = "refresh"
)]
pub struct Renamed;

#[test]
fn flat_form_with_refresh_url_name_and_description() {
    const FLOW: OAuthFlow = OAuthFlow::declared(
        FlowKind::Password,
        None,
        None,
        Some("token"),
        Some("refresh"),
        &[],
        &[],
    );
    const EXPECTED: openapi::SecurityScheme = openapi::SecurityScheme::declared(
        SecuritySchemeKind::OAuth2 {
            flows: OAuthFlows::single(FLOW),
            metadata_url: None,
        },
        Some("Explicit description wins over the doc comment"),
        false,
        &[],
    );
    assert_eq!(*Renamed::openapi(), EXPECTED);
    assert_eq!(Renamed::NAME, "bearer_auth");
    assert!(Renamed::SCOPES.is_empty());
}

#[doc(hidden)] // no doc comment: no description
#[derive(SecurityScheme)]
#[oauth2(
    name = "petstore_auth",
    authorization_code(
        authorization_url = "https://auth.example.com/authorize",
        token_url = "https://auth.example.com/token",
        refresh_url = "https://auth.example.com/refresh",
    ),
    client_credentials(token_url = "https://auth.example.com/token", scopes("admin" = "Administer")),
    scopes("read:pets" = "Read your pets", "write:pets" = "Modify pets"),
    extensions("x-client-id" = "petstore-ui", "x-retries" = 3, "x-ratio" = -0.5, "x-public" = false),
)]
pub struct PetstoreAuth;

#[test]
fn explicit_flows_with_shared_and_own_scopes() {
    const SHARED: &[Scope] = &[
        Scope::new("read:pets", "Read your pets"),
        Scope::new("write:pets", "Modify pets"),
    ];
    const CLIENT: &[Scope] = &[
        Scope::new("read:pets", "Read your pets"),
        Scope::new("write:pets", "Modify pets"),
        Scope::new("admin", "Administer"),
    ];
    const EXTENSIONS: &[Extension] = &[
        Extension::new("x-client-id", ExtensionValue::str("petstore-ui")),
        Extension::new("x-retries", ExtensionValue::Int(3)),
        Extension::new("x-ratio", ExtensionValue::Float(-0.5)),
        Extension::new("x-public", ExtensionValue::Bool(false)),
    ];
    const EXPECTED: openapi::SecurityScheme = openapi::SecurityScheme::declared(
        SecuritySchemeKind::OAuth2 {
            flows: OAuthFlows::declared(
                None,
                None,
                Some(OAuthFlow::client_credentials(
                    "https://auth.example.com/token",
                    CLIENT,
                )),
                Some(OAuthFlow::declared(
                    FlowKind::AuthorizationCode,
                    Some("https://auth.example.com/authorize"),
                    None,
                    Some("https://auth.example.com/token"),
                    Some("https://auth.example.com/refresh"),
                    SHARED,
                    &[],
                )),
                None,
                &[],
            ),
            metadata_url: None,
        },
        None,
        false,
        EXTENSIONS,
    );
    assert_eq!(*PetstoreAuth::openapi(), EXPECTED);
    assert_eq!(PetstoreAuth::NAME, "petstore_auth");
    // Shared scopes first, then each flow's own, in output order.
    assert_eq!(PetstoreAuth::SCOPES, ["read:pets", "write:pets", "admin"]);
    assert_eq!(
        <scopes!(PetstoreAuth: "admin", "read:pets")>::SET
            .names()
            .collect::<Vec<_>>(),
        ["read:pets", "admin"]
    );
}

/// Every flow, every optional key (OpenAPI 3.2).
#[derive(SecurityScheme)]
#[oauth2(
    openapi = "3.2",
    deprecated,
    device_authorization(
        device_authorization_url = "https://as.example.com/device",
        token_url = "https://as.example.com/token",
        refresh_url = "https://as.example.com/refresh",
        extensions("x-device" = true),
    ),
    implicit(authorization_url = "https://as.example.com/authorize", refresh_url = "/refresh"),
    password(token_url = "http://localhost:8000/token", scopes()),
    client_credentials(token_url = "http://127.0.0.1/token", scopes("svc" = "Service")),
    authorization_code(authorization_url = "/authorize", token_url = "http://[::1]:8080/token"),
    flows_extensions("x-flows" = "yes"),
    oauth2_metadata_url = "https://as.example.com/.well-known/oauth-authorization-server",
)]
pub struct EveryFlow;

#[test]
fn every_flow_and_key() {
    const SVC: &[Scope] = &[Scope::new("svc", "Service")];
    const DEVICE_EXTENSIONS: &[Extension] =
        &[Extension::new("x-device", ExtensionValue::Bool(true))];
    const FLOWS_EXTENSIONS: &[Extension] = &[Extension::new("x-flows", ExtensionValue::str("yes"))];
    const EXPECTED: openapi::SecurityScheme = openapi::SecurityScheme::declared(
        SecuritySchemeKind::OAuth2 {
            flows: OAuthFlows::declared(
                Some(OAuthFlow::declared(
                    FlowKind::Implicit,
                    Some("https://as.example.com/authorize"),
                    None,
                    None,
                    Some("/refresh"),
                    &[],
                    &[],
                )),
                Some(OAuthFlow::password("http://localhost:8000/token", &[])),
                Some(OAuthFlow::client_credentials("http://127.0.0.1/token", SVC)),
                Some(OAuthFlow::authorization_code(
                    "/authorize",
                    "http://[::1]:8080/token",
                    &[],
                )),
                Some(OAuthFlow::declared(
                    FlowKind::DeviceAuthorization,
                    None,
                    Some("https://as.example.com/device"),
                    Some("https://as.example.com/token"),
                    Some("https://as.example.com/refresh"),
                    &[],
                    DEVICE_EXTENSIONS,
                )),
                FLOWS_EXTENSIONS,
            ),
            metadata_url: Some(openapi::Text::Borrowed(
                "https://as.example.com/.well-known/oauth-authorization-server",
            )),
        },
        Some("Every flow, every optional key (OpenAPI 3.2)."),
        true,
        &[],
    );
    assert_eq!(*EveryFlow::openapi(), EXPECTED);
    assert_eq!(EveryFlow::MIN_OPENAPI_VERSION, OpenApiVersion::V3_2);
    assert_eq!(EveryFlow::SCOPES, ["svc"]);
}

/// A device flow needs 3.2 even without a pin.
#[derive(SecurityScheme)]
#[oauth2(device_authorization(device_authorization_url = "/device", token_url = "/token"))]
pub struct Device;

#[test]
fn min_version_without_pin() {
    assert_eq!(Device::MIN_OPENAPI_VERSION, OpenApiVersion::V3_2);
    assert_eq!(
        Device::openapi().kind,
        SecuritySchemeKind::OAuth2 {
            flows: OAuthFlows::single(OAuthFlow::device_authorization("/device", "/token", &[])),
            metadata_url: None,
        }
    );
}

// The tokens' expected issuer and audience (CT-E8, CT-E9).
#[doc(hidden)]
#[derive(SecurityScheme)]
#[oauth2(
    client_credentials(token_url = "https://idp.example.com/token", scopes("items:read" = "Read items")),
    issuer = "https://idp.example.com/realms/items",
    audience = "https://api.example.com/items?tenant=a"
)]
pub struct ClaimsAuth;

// The same scheme without them.
#[doc(hidden)]
#[derive(SecurityScheme)]
#[oauth2(client_credentials(
    token_url = "https://idp.example.com/token",
    scopes("items:read" = "Read items")
))]
pub struct NoClaimsAuth;

#[test]
fn issuer_and_audience_are_declared_not_documented() {
    assert_eq!(
        ClaimsAuth::DECLARATION.issuer,
        Some("https://idp.example.com/realms/items")
    );
    assert_eq!(
        ClaimsAuth::DECLARATION.audience,
        Some("https://api.example.com/items?tenant=a")
    );
    assert_eq!(NoClaimsAuth::DECLARATION.issuer, None);
    assert_eq!(NoClaimsAuth::DECLARATION.audience, None);
    assert_eq!(ItemsAuth::DECLARATION.issuer, None);
    // Not OpenAPI fields: the document is the one without them, for every version.
    assert_eq!(*ClaimsAuth::openapi(), *NoClaimsAuth::openapi());
    for version in [
        OpenApiVersion::V3_0,
        OpenApiVersion::V3_1,
        OpenApiVersion::V3_2,
    ] {
        assert_eq!(
            ClaimsAuth::openapi().to_json(version).unwrap(),
            NoClaimsAuth::openapi().to_json(version).unwrap()
        );
    }
    assert_eq!(ClaimsAuth::SCOPES, NoClaimsAuth::SCOPES);
    assert_eq!(
        ClaimsAuth::MIN_OPENAPI_VERSION,
        NoClaimsAuth::MIN_OPENAPI_VERSION
    );
}
