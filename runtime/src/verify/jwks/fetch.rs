//! How the JWKS verifier reaches the identity provider: one small trait, so an application
//! can bring its own HTTP client, and a default on reqwest (feature `reqwest`).

use std::error::Error as StdError;
use std::fmt;
use std::future::Future;
use std::pin::Pin;

use bytes::Bytes;

/// An HTTP `GET` for the JWKS verifier: discovery documents and JWK Sets.
///
/// The verifier bounds the time of each call itself, checks the status, reads
/// `Cache-Control`, and refuses any URL that is not `https` (or `http` on a loopback host)
/// before calling. An implementation should follow no redirect and must stop reading the
/// body past `max_bytes`, answering [`FetchError::too_large`].
///
/// ```
/// use authscheme::verify::jwks::{FetchError, HttpFetch};
/// use bytes::Bytes;
///
/// /// Serves one fixed key set, as a test double would.
/// struct Fixed(&'static str);
///
/// impl HttpFetch for Fixed {
///     async fn get(&self, _url: &str, max_bytes: usize) -> Result<http::Response<Bytes>, FetchError> {
///         if self.0.len() > max_bytes {
///             return Err(FetchError::too_large());
///         }
///         Ok(http::Response::new(Bytes::from_static(self.0.as_bytes())))
///     }
/// }
/// # let _ = Fixed(r#"{"keys":[]}"#);
/// ```
pub trait HttpFetch: Send + Sync + 'static {
    /// The response to `GET url`, its body read whole (at most `max_bytes` of it).
    fn get(
        &self,
        url: &str,
        max_bytes: usize,
    ) -> impl Future<Output = Result<http::Response<Bytes>, FetchError>> + Send;
}

/// Why a fetch failed: the transport's error, or a body past the size bound.
pub struct FetchError {
    kind: FetchErrorKind,
}

enum FetchErrorKind {
    TooLarge,
    Transport(Box<dyn StdError + Send + Sync>),
}

impl FetchError {
    /// A transport failure (connection refused, TLS, a malformed response…).
    pub fn new(error: impl Into<Box<dyn StdError + Send + Sync>>) -> Self {
        Self {
            kind: FetchErrorKind::Transport(error.into()),
        }
    }

    /// The body was longer than the bound the verifier asked for.
    pub fn too_large() -> Self {
        Self {
            kind: FetchErrorKind::TooLarge,
        }
    }

    /// Whether the body was longer than the bound.
    pub fn is_too_large(&self) -> bool {
        matches!(self.kind, FetchErrorKind::TooLarge)
    }
}

impl fmt::Debug for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            FetchErrorKind::TooLarge => f.write_str("FetchError::TooLarge"),
            FetchErrorKind::Transport(error) => {
                f.debug_tuple("FetchError::Transport").field(error).finish()
            }
        }
    }
}

impl fmt::Display for FetchError {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match &self.kind {
            FetchErrorKind::TooLarge => f.write_str("the response is larger than allowed"),
            FetchErrorKind::Transport(error) => fmt::Display::fmt(error, f),
        }
    }
}

impl StdError for FetchError {
    fn source(&self) -> Option<&(dyn StdError + 'static)> {
        match &self.kind {
            FetchErrorKind::TooLarge => None,
            FetchErrorKind::Transport(error) => Some(&**error),
        }
    }
}

/// The boxed future of a fetch: fetches are rare (start-up, refresh, an unknown `kid`), so
/// the verifier holds its fetcher as a trait object rather than carry its type everywhere.
pub(super) type FetchFuture<'a> =
    Pin<Box<dyn Future<Output = Result<http::Response<Bytes>, FetchError>> + Send + 'a>>;

/// [`HttpFetch`] in a form that can be a trait object.
pub(super) trait DynFetch: Send + Sync + 'static {
    fn get<'a>(&'a self, url: &'a str, max_bytes: usize) -> FetchFuture<'a>;
}

impl<F: HttpFetch> DynFetch for F {
    fn get<'a>(&'a self, url: &'a str, max_bytes: usize) -> FetchFuture<'a> {
        Box::pin(HttpFetch::get(self, url, max_bytes))
    }
}

/// The default [`HttpFetch`]: a reqwest client over rustls that follows no redirect.
///
/// ```no_run
/// use authscheme::verify::jwks::ReqwestFetch;
///
/// // Or `ReqwestFetch::with_client(client)` for a client of your own (proxies, roots…).
/// let fetch = ReqwestFetch::new();
/// # let _ = fetch;
/// ```
#[cfg(feature = "reqwest")]
#[derive(Clone, Debug)]
pub struct ReqwestFetch {
    client: reqwest::Client,
}

#[cfg(feature = "reqwest")]
impl ReqwestFetch {
    /// A client that follows no redirect: a key set is trusted for the URL it was fetched
    /// from, and a redirect could lead anywhere, `http` included.
    ///
    /// # Panics
    ///
    /// If reqwest cannot build a client (its TLS backend fails to initialize).
    pub fn new() -> Self {
        let client = reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("reqwest builds a client with rustls and no redirects");
        Self { client }
    }

    /// Fetches with `client`, as configured (its redirect policy included).
    pub fn with_client(client: reqwest::Client) -> Self {
        Self { client }
    }
}

#[cfg(feature = "reqwest")]
impl Default for ReqwestFetch {
    fn default() -> Self {
        Self::new()
    }
}

#[cfg(feature = "reqwest")]
impl HttpFetch for ReqwestFetch {
    async fn get(&self, url: &str, max_bytes: usize) -> Result<http::Response<Bytes>, FetchError> {
        let mut response = self.client.get(url).send().await.map_err(FetchError::new)?;
        if response
            .content_length()
            .is_some_and(|length| length > max_bytes as u64)
        {
            return Err(FetchError::too_large());
        }
        // Read in chunks, so a body without a length (or with a false one) stops at the bound
        // instead of filling memory.
        let mut body = Vec::new();
        while let Some(chunk) = response.chunk().await.map_err(FetchError::new)? {
            if body.len() + chunk.len() > max_bytes {
                return Err(FetchError::too_large());
            }
            body.extend_from_slice(&chunk);
        }
        let mut answer = http::Response::new(Bytes::from(body));
        *answer.status_mut() = response.status();
        *answer.headers_mut() = std::mem::take(response.headers_mut());
        Ok(answer)
    }
}
