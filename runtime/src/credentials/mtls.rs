//! Mutual TLS: the client certificate, as the application's TLS layer reports it.

use std::fmt;
use std::sync::Arc;

use http::request::Parts;

use super::{Credentials, challenge};
use crate::Rejection;

/// The client certificate of a mutual-TLS connection (OpenAPI `mutualTLS`).
///
/// The certificate is not in the HTTP request: the application's TLS layer (the acceptor
/// that verified it against its trust roots) puts it into the request's extensions, and
/// extraction reads it back from there. Absent, or empty, means missing: 401 with
/// `WWW-Authenticate: MutualTLS` (there is no HTTP authentication scheme for TLS client
/// certificates; `MutualTLS` mirrors FastAPI's `APIKey` for another scheme type without one).
///
/// Do not build one from a header such as RFC 9440 `Client-Cert` unless a trusted proxy
/// set it: any client can send that header.
///
/// `Debug` shows the length of the certificate only.
///
/// ```
/// use authscheme::credentials::{ClientCertificate, Credentials};
///
/// let mut request = http::Request::get("/").body(()).unwrap();
/// assert!(ClientCertificate::extract(&request.clone().into_parts().0, &()).unwrap().is_none());
///
/// // What a TLS acceptor does after the handshake:
/// request.extensions_mut().insert(ClientCertificate::new(vec![0x30, 0x82, 0x01, 0x0a]));
/// let (parts, ()) = request.into_parts();
/// let certificate = ClientCertificate::extract(&parts, &()).unwrap().expect("a certificate");
/// assert_eq!(certificate.der(), [0x30, 0x82, 0x01, 0x0a]);
/// ```
#[derive(Clone, PartialEq, Eq)]
pub struct ClientCertificate {
    der: Arc<[u8]>,
}

impl ClientCertificate {
    /// A certificate from its DER encoding (the end-entity certificate the TLS layer
    /// verified).
    pub fn new(der: impl Into<Arc<[u8]>>) -> Self {
        Self { der: der.into() }
    }

    /// The DER encoding.
    pub fn der(&self) -> &[u8] {
        &self.der
    }
}

impl fmt::Debug for ClientCertificate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("ClientCertificate")
            .field("der_len", &self.der.len())
            .finish_non_exhaustive()
    }
}

impl fmt::Display for ClientCertificate {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(f, "client certificate ({} bytes)", self.der.len())
    }
}

impl Credentials for ClientCertificate {
    type Config = ();

    fn extract(parts: &Parts, (): &()) -> Result<Option<Self>, Rejection> {
        Ok(parts
            .extensions
            .get::<Self>()
            .filter(|certificate| !certificate.der.is_empty())
            .cloned())
    }

    fn missing((): &()) -> Rejection {
        Rejection::fixed(&challenge::missing::MUTUAL_TLS)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    fn extract(certificate: Option<ClientCertificate>) -> Option<ClientCertificate> {
        let mut request = http::Request::new(());
        if let Some(certificate) = certificate {
            request.extensions_mut().insert(certificate);
        }
        ClientCertificate::extract(&request.into_parts().0, &()).expect("never an error")
    }

    #[test]
    fn an_empty_certificate_is_a_missing_one() {
        assert_eq!(extract(None), None);
        assert_eq!(extract(Some(ClientCertificate::new(Vec::new()))), None);
        let certificate = ClientCertificate::new(vec![0x30, 0x03, 0x02, 0x01, 0x01]);
        let found = extract(Some(certificate.clone())).expect("present");
        assert_eq!(found.der(), [0x30, 0x03, 0x02, 0x01, 0x01]);
        assert_eq!(found, certificate);
    }

    #[test]
    fn debug_and_display_show_the_length_only() {
        let certificate = ClientCertificate::new(vec![0xAB; 300]);
        assert_eq!(
            format!("{certificate:?}"),
            "ClientCertificate { der_len: 300, .. }"
        );
        assert_eq!(certificate.to_string(), "client certificate (300 bytes)");
    }
}
