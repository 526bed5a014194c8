//! The credential types. Placeholder bodies: the extraction is written on the `extract` branch.

use http::request::Parts;

use super::{ApiKeyConfig, BasicConfig, Credentials, HttpConfig};
use crate::Rejection;

/// A bearer token (`Authorization: Bearer <token>`): `http` bearer, `oauth2`, `openIdConnect`.
pub struct BearerToken {
    token: http::HeaderValue,
}

/// HTTP Basic credentials.
pub struct BasicCredentials {
    username: String,
    password: String,
}

/// The parameters of `Authorization: Digest ...` (RFC 7616).
pub struct DigestCredentials {
    raw: http::HeaderValue,
}

/// The credentials of a custom `http` scheme: everything after the scheme word.
pub struct HttpCredentials {
    raw: http::HeaderValue,
}

/// An API key from a header, query parameter or cookie.
pub struct ApiKey {
    key: String,
}

/// The client certificate of a mutual-TLS connection, as put into the request's extensions
/// by the application's TLS layer.
#[derive(Clone)]
pub struct ClientCertificate {
    der: std::sync::Arc<[u8]>,
}

macro_rules! placeholder {
    ($ty:ty, $config:ty) => {
        impl Credentials for $ty {
            type Config = $config;
            fn extract(_parts: &Parts, config: &Self::Config) -> Result<Option<Self>, Rejection> {
                Err(Self::missing(config))
            }
            fn missing(_config: &Self::Config) -> Rejection {
                Rejection::not_authenticated(http::HeaderValue::from_static("Bearer"))
            }
        }
    };
}
placeholder!(BearerToken, ());
placeholder!(BasicCredentials, BasicConfig);
placeholder!(DigestCredentials, ());
placeholder!(HttpCredentials, HttpConfig);
placeholder!(ApiKey, ApiKeyConfig);
placeholder!(ClientCertificate, ());
