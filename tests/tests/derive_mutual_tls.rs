//! `#[mutual_tls]`.

use authscheme::credentials::ClientCertificate;
use authscheme::openapi::{self, OpenApiVersion};
use authscheme::{SecurityScheme, scopes};

fn credentials_are<S: SecurityScheme<Credentials = C>, C>() {}

#[doc(hidden)]
#[derive(SecurityScheme)]
#[mutual_tls]
pub struct ClientCert;

#[test]
fn bare_mutual_tls() {
    assert_eq!(
        *ClientCert::openapi(),
        openapi::SecurityScheme::mutual_tls()
    );
    assert_eq!(ClientCert::MIN_OPENAPI_VERSION, OpenApiVersion::V3_1);
    assert!(ClientCert::SCOPES.is_empty());
    credentials_are::<ClientCert, ClientCertificate>();
}

/// Ignored: the explicit description wins.
#[derive(SecurityScheme)]
#[mutual_tls(
    description = "Cert must be signed by example.com CA",
    roles("service"),
    openapi = "3.1"
)]
pub struct SignedCert;

#[test]
fn mutual_tls_with_description_and_roles() {
    assert_eq!(
        *SignedCert::openapi(),
        openapi::SecurityScheme::mutual_tls()
            .with_description("Cert must be signed by example.com CA")
    );
    assert_eq!(<scopes!(SignedCert: "service")>::SET.bits(), 1);
}
