//! A [`Verifier`] for JWT access tokens from an identity provider that publishes its signing
//! keys as a JWK Set and rotates them (feature `jwks`).
//!
//! [`JwksVerifier`] finds the provider's `jwks_uri` through discovery (OpenID Connect
//! Discovery, or RFC 8414 authorization-server metadata), fetches the key set, and keeps it
//! fresh in the background. A request takes no lock and does no I/O, except when its token
//! names a key the set does not hold: then one fetch, shared by every such request and at most
//! one per cooldown, looks for the new key.
//!
//! | Failure | What happens |
//! |---|---|
//! | the provider rotates its keys | the background refresh (its `Cache-Control: max-age`, kept between a floor and a ceiling) or the first token signed with the new key brings the new set |
//! | the provider is down, or answers with an error | the key set in use stays in use, and a warning is logged; the next try comes after `retry` |
//! | a flood of tokens with made-up `kid`s | at most one fetch per cooldown (default 30 s); the tokens are refused |
//! | the provider publishes no usable key | every token is refused (closed), and a warning is logged |
//!
//! The checks on each token are [`JwtVerifier`](super::JwtVerifier)'s (see its table), with
//! the key found by the token's `kid`, its algorithm taken from the key (never from the
//! token), the issuer of the discovery document required in `iss`, and the configured
//! audience required in `aud`.

use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;
use std::time::Duration;

use authscheme_grammar::url::{UrlPolicy, url_problem};
use bytes::Bytes;
use http::request::Parts;
use jsonwebtoken::{Algorithm, AlgorithmFamily, Validation};
use serde::de::DeserializeOwned;
use serde_json::Value;

use super::jwt::{could_not_validate, read_header, verify_signed};
use super::token_cache::TokenStore;
use super::{Grant, Reason, TokenCache, Verifier, VerifyError};
use crate::SecurityScheme;
use crate::credentials::BearerToken;
use crate::openapi::SecuritySchemeKind;

mod cache;
mod fetch;
mod keys;
mod metadata;

use cache::{KeyCache, OnInstall, Refresh, Source};
use fetch::DynFetch;
#[cfg(feature = "reqwest")]
pub use fetch::ReqwestFetch;
pub use fetch::{FetchError, HttpFetch};
use keys::{Key, KeySet, Miss};
pub use metadata::AuthorizationServerMetadata;

/// Verifies JWT access tokens with the signing keys an identity provider publishes: found by
/// discovery, refreshed in the background, looked up by `kid` (see the [module](self) docs
/// for what happens when the provider rotates its keys or fails).
///
/// The principal is the claims, deserialized as `T`; the granted scopes are the declared
/// names among the `scope` and `scp` claims, as for
/// [`JwtVerifier`](super::JwtVerifier). Build one with [`discover`](Self::discover) (an
/// issuer), [`from_metadata_url`](Self::from_metadata_url) (the URL a declaration names) or
/// [`from_jwks_uri`](Self::from_jwks_uri), then [`JwksBuilder::build`] in the async context
/// the server runs in (it fetches the keys, and spawns the refresh on tokio).
///
/// ```no_run
/// use authscheme::verify::jwks::JwksVerifier;
/// use authscheme::{SecurityScheme, Verified};
///
/// #[derive(SecurityScheme)]
/// #[oauth2(token_url = "https://idp.example/token", scopes("items:read" = "Read items"))]
/// struct ItemsAuth;
///
/// #[derive(Clone, serde::Deserialize)]
/// struct Claims {
///     sub: String,
/// }
///
/// async fn items(user: Verified<ItemsAuth, JwksVerifier<Claims>>) -> String {
///     user.principal().sub.clone()
/// }
///
/// # async fn start() -> Result<(), authscheme::verify::jwks::JwksError> {
/// let verifier: JwksVerifier<Claims> = JwksVerifier::discover("https://idp.example")
///     .audience("https://api.example")
///     .build()
///     .await?;
/// // Put `verifier` in the router's state: `Verified` takes it from there.
/// # let _ = (verifier, items);
/// # Ok(())
/// # }
/// ```
pub struct JwksVerifier<T = Value> {
    inner: Arc<Inner>,
    /// The verified tokens kept, with [`JwksBuilder::token_cache`].
    tokens: Option<Arc<TokenStore<T>>>,
}

struct Inner {
    cache: Arc<KeyCache>,
    issuer: String,
    /// The background refresh, stopped with the last clone of the verifier.
    _refresh: AbortOnDrop,
}

/// Aborts a task when dropped.
struct AbortOnDrop(tokio::task::JoinHandle<()>);

impl Drop for AbortOnDrop {
    fn drop(&mut self) {
        self.0.abort();
    }
}

impl<T> JwksVerifier<T> {
    /// A verifier for the provider whose issuer identifier is `issuer`: its OpenID Connect
    /// discovery document is `{issuer}/.well-known/openid-configuration`, and the `issuer`
    /// it holds must be `issuer`, exactly (OpenID Connect Discovery §4.3).
    pub fn discover(issuer: impl Into<String>) -> JwksBuilder<T> {
        let issuer = issuer.into();
        let url = format!(
            "{}/.well-known/openid-configuration",
            issuer.trim_end_matches('/')
        );
        JwksBuilder::new(Keys::Discovery { url }, Some(ExpectedIssuer::Exact(issuer)))
    }

    /// A verifier for the provider whose metadata document is at `url`: an OpenID Connect
    /// discovery URL (`…/.well-known/openid-configuration`, what `#[openid_connect(url)]`
    /// declares) or an RFC 8414 one (`https://host/.well-known/oauth-authorization-server/…`,
    /// what `oauth2_metadata_url` declares). The expected issuer is the one the URL derives
    /// from; [`issuer`](JwksBuilder::issuer) sets it for a URL of another shape.
    pub fn from_metadata_url(url: impl Into<String>) -> JwksBuilder<T> {
        let url = url.into();
        let issuer = metadata::issuer_of_metadata_url(&url).map(ExpectedIssuer::Derived);
        JwksBuilder::new(Keys::Discovery { url }, issuer)
    }

    /// A verifier that fetches its keys from `jwks_uri`, without discovery, for tokens whose
    /// `iss` is `issuer`.
    pub fn from_jwks_uri(jwks_uri: impl Into<String>, issuer: impl Into<String>) -> JwksBuilder<T> {
        JwksBuilder::new(
            Keys::Uri {
                jwks_uri: jwks_uri.into(),
            },
            Some(ExpectedIssuer::Exact(issuer.into())),
        )
    }

    /// A verifier for the scheme `S`, from what it declares: its `issuer`, else its OpenID
    /// Connect URL or `oauth2_metadata_url` (for discovery), and its `audience`. A scheme
    /// that declares neither an issuer nor a metadata URL fails to [`build`](JwksBuilder::build).
    ///
    /// ```no_run
    /// use authscheme::SecurityScheme;
    /// use authscheme::verify::jwks::JwksVerifier;
    ///
    /// #[derive(SecurityScheme)]
    /// #[openid_connect(
    ///     url = "https://idp.example/.well-known/openid-configuration",
    ///     audience = "https://api.example"
    /// )]
    /// struct Login;
    ///
    /// # async fn start() -> Result<(), authscheme::verify::jwks::JwksError> {
    /// let verifier: JwksVerifier = JwksVerifier::for_scheme::<Login>().build().await?;
    /// # let _ = verifier;
    /// # Ok(())
    /// # }
    /// ```
    pub fn for_scheme<S: SecurityScheme>() -> JwksBuilder<T> {
        let declaration = S::DECLARATION;
        let metadata_url = match &S::openapi().kind {
            SecuritySchemeKind::OpenIdConnect { url } => Some(url.as_ref()),
            SecuritySchemeKind::OAuth2 { metadata_url, .. } => metadata_url.as_deref(),
            _ => None,
        };
        let mut builder = match (metadata_url, declaration.issuer) {
            (Some(url), Some(issuer)) => Self::from_metadata_url(url).issuer(issuer),
            (Some(url), None) => Self::from_metadata_url(url),
            (None, Some(issuer)) => Self::discover(issuer),
            (None, None) => JwksBuilder::new(Keys::Undeclared { scheme: S::NAME }, None),
        };
        if let Some(audience) = declaration.audience {
            builder = builder.audience(audience);
        }
        builder
    }

    /// The issuer tokens must name in `iss`.
    pub fn issuer(&self) -> &str {
        &self.inner.issuer
    }

    /// Where the keys are fetched from.
    pub fn jwks_uri(&self) -> &str {
        self.inner.cache.jwks_uri()
    }

    /// How many signing keys the set in use holds.
    pub fn key_count(&self) -> usize {
        self.inner.cache.keys().len()
    }
}

impl<T> Clone for JwksVerifier<T> {
    fn clone(&self) -> Self {
        Self {
            inner: Arc::clone(&self.inner),
            tokens: self.tokens.clone(),
        }
    }
}

impl<T> fmt::Debug for JwksVerifier<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JwksVerifier")
            .field("issuer", &self.inner.issuer)
            .field("jwks_uri", &self.jwks_uri())
            .field("keys", &self.key_count())
            .field("token_cache", &self.tokens.is_some())
            .finish_non_exhaustive()
    }
}

impl<S, T> Verifier<S> for JwksVerifier<T>
where
    S: SecurityScheme<Credentials = BearerToken>,
    T: DeserializeOwned + Clone + Send + Sync + 'static,
{
    type Principal = T;

    async fn verify(
        &self,
        token: &BearerToken,
        _parts: &Parts,
    ) -> Result<Grant<S, T>, VerifyError> {
        let token = token.token();
        if let Some(tokens) = &self.tokens {
            // A cached token is answered only while the key that verified it is in the set.
            if let Some(grant) = tokens.get(token, |key| self.inner.cache.keys().holds(key)) {
                return Ok(grant);
            }
        }
        let header = read_header(token)?;
        let kid = header.kid.as_deref();
        // In a block: the set's guard must not live across the `.await` below.
        let unknown = {
            let keys = self.inner.cache.keys();
            match keys.find(kid, header.alg) {
                Ok(key) => return self.verified(token, key),
                Err(miss) => refused(miss, &keys),
            }
        };
        // Only a `kid` the set lacks can mean a rotation: a token without one, or of the
        // wrong algorithm, is refused without asking the provider.
        if kid.is_none()
            || unknown.reason() != Some(&Reason::UnknownKey)
            || !self.inner.cache.refresh_for_unknown_kid().await
        {
            return Err(unknown);
        }
        let keys = self.inner.cache.keys();
        match keys.find(kid, header.alg) {
            Ok(key) => self.verified(token, key),
            Err(miss) => Err(refused(miss, &keys)),
        }
    }
}

impl<T: DeserializeOwned + Clone> JwksVerifier<T> {
    /// The grant of `token` if `key` verifies it, kept in the token cache if there is one.
    fn verified<S: SecurityScheme>(
        &self,
        token: &str,
        key: &Key,
    ) -> Result<Grant<S, T>, VerifyError> {
        let verified = verify_signed(token, &key.decoding, &key.validation)?;
        if let Some(tokens) = &self.tokens {
            tokens.insert(token, &verified.grant, verified.exp, key.id);
        }
        Ok(verified.grant)
    }
}

/// The 401 for a token no key of `keys` can verify.
fn refused(miss: Miss, keys: &KeySet) -> VerifyError {
    could_not_validate(match miss {
        Miss::WrongAlgorithm => Reason::WrongAlgorithm,
        Miss::UnknownKey if keys.len() == 0 => {
            Reason::VerifierFailed("the key set holds no usable signing key".into())
        }
        Miss::UnknownKey => Reason::UnknownKey,
    })
}

/// The issuer a metadata document must name.
enum ExpectedIssuer {
    /// This one, exactly.
    Exact(String),
    /// The one a metadata URL derives from, with or without a final `/`: the discovery URL of
    /// `https://idp.example/` is `https://idp.example/.well-known/openid-configuration`
    /// (OpenID Connect Discovery §4: the issuer's final `/` is dropped before appending).
    Derived(String),
}

impl ExpectedIssuer {
    fn accepts(&self, issuer: &str) -> bool {
        match self {
            Self::Exact(expected) => issuer == expected,
            Self::Derived(prefix) => issuer.strip_suffix('/').unwrap_or(issuer) == prefix,
        }
    }

    fn into_string(self) -> String {
        match self {
            Self::Exact(issuer) | Self::Derived(issuer) => issuer,
        }
    }
}

/// Where a builder gets the keys from.
enum Keys {
    Discovery {
        url: String,
    },
    Uri {
        jwks_uri: String,
    },
    /// [`JwksVerifier::for_scheme`] of a scheme that names no issuer nor metadata URL.
    Undeclared {
        scheme: &'static str,
    },
}

/// The settings of a [`JwksVerifier`], from [`JwksVerifier::discover`],
/// [`from_metadata_url`](JwksVerifier::from_metadata_url) or
/// [`from_jwks_uri`](JwksVerifier::from_jwks_uri).
///
/// | Setting | Default |
/// |---|---|
/// | [`audience`](Self::audience) | none: [`build`](Self::build) fails until one is set (RFC 9068 §4: a resource server checks that it is the token's audience) |
/// | [`algorithms`](Self::algorithms) | RS256, RS384, RS512, PS256, PS384, PS512, ES256, ES384, EdDSA |
/// | [`leeway`](Self::leeway) | 60 s, on `exp` and `nbf` |
/// | [`required_claims`](Self::required_claims) | `exp`, `iss`, `aud` |
/// | [`refresh`](Self::refresh) | `max-age`, kept within 1 min and 1 day; 10 min without one |
/// | [`cooldown`](Self::cooldown) | 30 s between two fetches for unknown `kid`s |
/// | [`retry`](Self::retry) | 30 s after a failed fetch |
/// | [`timeout`](Self::timeout) | 5 s per fetch |
/// | [`max_bytes`](Self::max_bytes) | 512 KiB per document |
/// | [`fetch`](Self::fetch) | [`ReqwestFetch`] (feature `reqwest`); required without it |
/// | [`token_cache`](Self::token_cache) | none: every token's signature is checked |
#[must_use = "a builder does nothing until `build` is awaited"]
pub struct JwksBuilder<T> {
    keys: Keys,
    issuer: Option<ExpectedIssuer>,
    audience: Vec<String>,
    algorithms: Vec<Algorithm>,
    leeway: Duration,
    required_claims: Vec<String>,
    refresh: Refresh,
    timeout: Duration,
    max_bytes: usize,
    fetch: Option<Arc<dyn DynFetch>>,
    token_cache: Option<TokenCache>,
    claims: PhantomData<fn() -> T>,
}

/// The signature algorithms a JWK Set's keys may have by default: every asymmetric one
/// `jsonwebtoken` implements. HMAC is not among them: a key set is public.
const DEFAULT_ALGORITHMS: [Algorithm; 9] = [
    Algorithm::RS256,
    Algorithm::RS384,
    Algorithm::RS512,
    Algorithm::PS256,
    Algorithm::PS384,
    Algorithm::PS512,
    Algorithm::ES256,
    Algorithm::ES384,
    Algorithm::EdDSA,
];

impl<T> JwksBuilder<T> {
    fn new(keys: Keys, issuer: Option<ExpectedIssuer>) -> Self {
        Self {
            keys,
            issuer,
            audience: Vec::new(),
            algorithms: DEFAULT_ALGORITHMS.to_vec(),
            leeway: Duration::from_mins(1),
            required_claims: ["exp", "iss", "aud"].map(str::to_owned).to_vec(),
            refresh: Refresh {
                default: Duration::from_mins(10),
                floor: Duration::from_mins(1),
                ceiling: Duration::from_hours(24),
                cooldown: Duration::from_secs(30),
                retry: Duration::from_secs(30),
            },
            timeout: Duration::from_secs(5),
            max_bytes: 512 * 1024,
            fetch: None,
            token_cache: None,
            claims: PhantomData,
        }
    }

    /// An audience this resource server answers to (RFC 8707: its resource identifier): a
    /// token's `aud` must name one of them. Call again to accept several.
    pub fn audience(mut self, audience: impl Into<String>) -> Self {
        self.audience.push(audience.into());
        self
    }

    /// The issuer tokens must name, for a metadata URL of no standard shape; the discovery
    /// document must name the same one.
    pub fn issuer(mut self, issuer: impl Into<String>) -> Self {
        self.issuer = Some(ExpectedIssuer::Exact(issuer.into()));
        self
    }

    /// The signature algorithms keys may have; keys of others are left out of the set.
    /// HMAC algorithms are refused by [`build`](Self::build): a key set is public.
    pub fn algorithms(mut self, algorithms: &[Algorithm]) -> Self {
        self.algorithms = algorithms.to_vec();
        self
    }

    /// The clock skew allowed on `exp` and `nbf`.
    pub fn leeway(mut self, leeway: Duration) -> Self {
        self.leeway = leeway;
        self
    }

    /// The claims a token must have. `iss` and `aud` are always required, whatever this
    /// says: the verifier compares them.
    pub fn required_claims(mut self, claims: &[&str]) -> Self {
        self.required_claims = claims.iter().map(|claim| (*claim).to_owned()).collect();
        self
    }

    /// How often the key set is fetched again: `default` when the response has no
    /// `Cache-Control: max-age`, else its `max-age` kept between `floor` and `ceiling`.
    pub fn refresh(mut self, default: Duration, floor: Duration, ceiling: Duration) -> Self {
        self.refresh.default = default;
        self.refresh.floor = floor;
        self.refresh.ceiling = ceiling.max(floor);
        self
    }

    /// The least time between two fetches that tokens with unknown `kid`s ask for.
    pub fn cooldown(mut self, cooldown: Duration) -> Self {
        self.refresh.cooldown = cooldown;
        self
    }

    /// How long after a failed fetch the background refresh tries again.
    pub fn retry(mut self, retry: Duration) -> Self {
        self.refresh.retry = retry;
        self
    }

    /// The longest a fetch may take.
    pub fn timeout(mut self, timeout: Duration) -> Self {
        self.timeout = timeout;
        self
    }

    /// The largest document (discovery or key set) read, in bytes.
    pub fn max_bytes(mut self, max_bytes: usize) -> Self {
        self.max_bytes = max_bytes;
        self
    }

    /// Keeps the tokens that verify, with the grant each earned, as `cache` says: a token
    /// presented again is answered from the cache while the key that signed it is in the set.
    /// The entries of a key are dropped when a refresh brings a set without it. See
    /// [`TokenCache`] for the bounds and for when it is safe.
    pub fn token_cache(mut self, cache: TokenCache) -> Self {
        self.token_cache = Some(cache);
        self
    }

    /// Fetches with `fetch` instead of the default client.
    pub fn fetch(mut self, fetch: impl HttpFetch) -> Self {
        self.fetch = Some(Arc::new(fetch));
        self
    }

    /// Discovers the key set (when built from an issuer or a metadata URL), fetches it, and
    /// starts the background refresh on the current tokio runtime.
    ///
    /// # Errors
    ///
    /// When the configuration is incomplete (no audience, no issuer, HMAC algorithms, no
    /// fetcher without the `reqwest` feature), a URL is not `https` (or `http` on a loopback
    /// host), a fetch fails, the discovery document names another issuer or no `jwks_uri`,
    /// or the key set is not a JWK Set. An empty key set is not an error: it refuses every
    /// token until the provider publishes keys (and a warning says so).
    ///
    /// # Panics
    ///
    /// Outside a tokio runtime.
    pub async fn build(self) -> Result<JwksVerifier<T>, JwksError>
    where
        T: Clone + Send + Sync + 'static,
    {
        if let Keys::Undeclared { scheme } = self.keys {
            return Err(JwksError::Undeclared { scheme });
        }
        let Some(fetch) = self.fetch.or_else(default_fetch) else {
            return Err(JwksError::Configuration(
                "no HTTP client: enable the `reqwest` feature, or give one with `fetch(..)`",
            ));
        };
        if self.audience.is_empty() {
            return Err(JwksError::Configuration(
                "no audience: set the resource server's identifier with `audience(..)`",
            ));
        }
        if self
            .algorithms
            .iter()
            .any(|algorithm| algorithm.family() == AlgorithmFamily::Hmac)
        {
            return Err(JwksError::Configuration(
                "HMAC algorithms cannot be verified with a JWK Set's keys, which are public",
            ));
        }
        let (issuer, jwks_uri) = match self.keys {
            Keys::Undeclared { .. } => unreachable!("refused above"),
            Keys::Uri { jwks_uri } => {
                let issuer = self.issuer.ok_or(JwksError::Configuration("no issuer"))?;
                (issuer.into_string(), jwks_uri)
            }
            Keys::Discovery { url } => {
                let issuer = self.issuer.ok_or(JwksError::Configuration(
                    "no issuer: the metadata URL derives from none; set it with `issuer(..)`",
                ))?;
                let response = fetch_document(&*fetch, &url, self.timeout, self.max_bytes).await?;
                let metadata: AuthorizationServerMetadata = serde_json::from_slice(response.body())
                    .map_err(|error| JwksError::Metadata {
                        url: url.clone(),
                        message: error.to_string(),
                    })?;
                if !issuer.accepts(&metadata.issuer) {
                    return Err(JwksError::IssuerMismatch {
                        expected: issuer.into_string(),
                        found: metadata.issuer,
                    });
                }
                let jwks_uri = metadata.jwks_uri.ok_or(JwksError::NoJwksUri { url })?;
                // Tokens name the issuer as the document does.
                (metadata.issuer, jwks_uri)
            }
        };
        super::install_crypto_backend();
        let mut validation = Validation::new(Algorithm::RS256);
        validation.validate_nbf = true;
        validation.leeway = self.leeway.as_secs();
        validation.set_issuer(&[&issuer]);
        validation.set_audience(&self.audience);
        let mut required = self.required_claims;
        required.extend(["iss", "aud"].map(str::to_owned));
        validation.set_required_spec_claims(&required);
        let source = Source {
            jwks_uri,
            fetch,
            timeout: self.timeout,
            max_bytes: self.max_bytes,
            algorithms: self.algorithms,
            validation,
            refresh: self.refresh,
        };
        let (keys, lifetime) = KeyCache::fetch_keys(&source, &KeySet::empty()).await?;
        cache::report_installed(&source.jwks_uri, &keys);
        let tokens = self
            .token_cache
            .map(|settings| Arc::new(TokenStore::new(settings)));
        let on_install = tokens.clone().map(|tokens| {
            Box::new(move |keys: &KeySet| tokens.retain_keys(|key| keys.holds(key))) as OnInstall
        });
        let cache = Arc::new(KeyCache::new(source, keys, on_install));
        let refresh = tokio::spawn(Arc::clone(&cache).refresh_forever(lifetime));
        Ok(JwksVerifier {
            inner: Arc::new(Inner {
                cache,
                issuer,
                _refresh: AbortOnDrop(refresh),
            }),
            tokens,
        })
    }
}

/// The fetcher used when none is given: reqwest's, when the feature is on.
#[allow(
    clippy::unnecessary_wraps,
    reason = "`None` without the `reqwest` feature"
)]
fn default_fetch() -> Option<Arc<dyn DynFetch>> {
    #[cfg(feature = "reqwest")]
    return Some(Arc::new(ReqwestFetch::new()));
    #[cfg(not(feature = "reqwest"))]
    None
}

/// `GET url`, bounded in time and size, from a URL that may be fetched, answered with 200.
async fn fetch_document(
    fetch: &dyn DynFetch,
    url: &str,
    timeout: Duration,
    max_bytes: usize,
) -> Result<http::Response<Bytes>, JwksError> {
    if let Some(problem) = url_problem(url, UrlPolicy::Fetched) {
        return Err(JwksError::Url {
            url: url.to_owned(),
            problem: format!("{problem:?}"),
        });
    }
    let failed = |error: FetchError| JwksError::Fetch {
        url: url.to_owned(),
        error,
    };
    let response = tokio::time::timeout(timeout, fetch.get(url, max_bytes))
        .await
        .map_err(|_| failed(FetchError::new(format!("no answer within {timeout:?}"))))?
        .map_err(failed)?;
    // A fetcher is asked to stop at the bound; one that does not is held to it here.
    if response.body().len() > max_bytes {
        return Err(failed(FetchError::too_large()));
    }
    if response.status() != http::StatusCode::OK {
        return Err(JwksError::Status {
            url: url.to_owned(),
            status: response.status(),
        });
    }
    Ok(response)
}

/// Why a [`JwksVerifier`] could not be built, or a refresh failed.
#[derive(Debug, thiserror::Error)]
#[non_exhaustive]
pub enum JwksError {
    /// The builder's settings cannot work.
    #[error("the JWKS verifier is misconfigured: {0}")]
    Configuration(&'static str),
    /// A URL the verifier would fetch is not an absolute `https` URL (or `http` on a loopback
    /// host).
    #[error(
        "`{url}` cannot be fetched: it must be an absolute https URL, or http on a loopback host ({problem})"
    )]
    Url {
        /// The URL.
        url: String,
        /// What is wrong with it.
        problem: String,
    },
    /// The fetch failed: no connection, no answer in time, a body too large…
    #[error("fetching `{url}` failed: {error}")]
    Fetch {
        /// The URL.
        url: String,
        /// What the fetcher said.
        #[source]
        error: FetchError,
    },
    /// The provider answered with another status than 200.
    #[error("`{url}` answered {status}")]
    Status {
        /// The URL.
        url: String,
        /// The status.
        status: http::StatusCode,
    },
    /// The metadata document does not parse.
    #[error("the metadata document at `{url}` does not parse: {message}")]
    Metadata {
        /// The URL.
        url: String,
        /// serde's message.
        message: String,
    },
    /// The metadata document names another issuer than the one expected (OpenID Connect
    /// Discovery §4.3, RFC 8414 §3.3): it may be another provider's.
    #[error("the metadata document names the issuer `{found}`, not `{expected}`")]
    IssuerMismatch {
        /// The issuer the verifier expects.
        expected: String,
        /// The issuer the document names.
        found: String,
    },
    /// The metadata document has no `jwks_uri`.
    #[error("the metadata document at `{url}` has no `jwks_uri`")]
    NoJwksUri {
        /// The URL.
        url: String,
    },
    /// [`JwksVerifier::for_scheme`] of a scheme that declares neither an `issuer` nor a
    /// metadata URL (an OpenID Connect `url`, an `oauth2_metadata_url`).
    #[error(
        "the scheme `{scheme}` declares no issuer and no metadata URL to discover its keys from: declare `issuer = \"..\"`, or use `JwksVerifier::discover`"
    )]
    Undeclared {
        /// The scheme's name.
        scheme: &'static str,
    },
    /// The key set document is not a JWK Set.
    #[error("the key set is not a JWK Set: {0}")]
    KeySet(String),
}

#[cfg(test)]
mod tests;
