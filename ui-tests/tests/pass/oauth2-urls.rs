// CT-E2, CT-E3, CT-E5: relative references, loopback http, ports, queries and percent-encodings pass.
use authscheme::SecurityScheme;
use authscheme::openapi::OpenApiVersion;

#[derive(SecurityScheme)]
#[oauth2(
    implicit(authorization_url = "authorize"),
    password(token_url = "/token", refresh_url = "../oauth/refresh?x=1"),
    client_credentials(
        token_url = "http://localhost:8000/token",
        refresh_url = "http://127.0.0.1/refresh"
    ),
    authorization_code(
        authorization_url = "http://[::1]:8080/authorize",
        token_url = "HTTPS://as.example.com:8443/token?tenant=a%20b&audience=api",
    )
)]
struct Urls;

#[derive(SecurityScheme)]
#[openid_connect(url = "/.well-known/openid-configuration")]
struct RelativeOidc;

#[derive(SecurityScheme)]
#[openid_connect(url = r"http://localhost:9000/realms/dev/.well-known/openid-configuration")]
struct LocalOidc;

fn main() {
    let flows = match &Urls::openapi().kind {
        authscheme::openapi::SecuritySchemeKind::OAuth2 { flows, .. } => flows,
        other => panic!("not oauth2: {other:?}"),
    };
    let code = flows.authorization_code.as_ref().unwrap();
    assert_eq!(
        code.authorization_url.as_deref(),
        Some("http://[::1]:8080/authorize")
    );
    assert_eq!(
        code.token_url.as_deref(),
        Some("HTTPS://as.example.com:8443/token?tenant=a%20b&audience=api")
    );
    let password = flows.password.as_ref().unwrap();
    assert_eq!(
        password.refresh_url.as_deref(),
        Some("../oauth/refresh?x=1")
    );
    assert_eq!(
        flows
            .implicit
            .as_ref()
            .unwrap()
            .authorization_url
            .as_deref(),
        Some("authorize")
    );
    assert!(Urls::openapi().to_json(OpenApiVersion::V3_0).is_ok());
    assert_eq!(
        RelativeOidc::openapi()
            .to_json(OpenApiVersion::V3_1)
            .unwrap()["openIdConnectUrl"],
        "/.well-known/openid-configuration"
    );
    assert_eq!(
        LocalOidc::openapi().to_json(OpenApiVersion::V3_1).unwrap()["openIdConnectUrl"],
        "http://localhost:9000/realms/dev/.well-known/openid-configuration"
    );
}
