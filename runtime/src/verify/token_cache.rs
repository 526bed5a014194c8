//! The verified-token cache a JWT verifier can keep (opt-in): a token seen again is answered
//! with the grant it earned, without checking its signature again.

use std::any::TypeId;
use std::hash::{Hash, Hasher};
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use quick_cache::Equivalent;

use super::Grant;
use crate::{ScopeSet, SecurityScheme};

/// The settings of a verified-token cache, for
/// [`JwtVerifier::with_token_cache`](super::JwtVerifier::with_token_cache) and
/// [`JwksBuilder::token_cache`](super::jwks::JwksBuilder::token_cache).
///
/// A cache keeps, for each token that verified, the grant it earned (its claims and granted
/// scopes), keyed by the whole token, so that a client presenting the same token again pays a
/// lookup instead of a signature check. As API gateways keep one (Envoy's `jwt_cache_config`).
///
/// | Bound | Default |
/// |---|---|
/// | entries | the number given to [`new`](Self::new); past it, the entries least worth keeping are evicted (S3-FIFO) |
/// | token length | 4 KiB: longer tokens are verified every time, never cached |
/// | time | an entry is used until the token's `exp`, and at most [`max_ttl`](Self::max_ttl) (5 min) after it was verified |
/// | signing key | an entry is used only while the key that verified it is in the verifier's key set (a [`JwksVerifier`](super::JwksVerifier) drops the entries of a key when the key leaves the set) |
///
/// # When it is safe
///
/// A hit returns what verifying the same bytes returned before, so a cache changes only
/// *when* the checks run, never what they accept:
///
/// - the signature, the algorithm, `iss`, `aud` and the claims' shape depend only on the
///   token's bytes and the key: they hold for as long as the key is trusted, which the cache
///   checks on each hit;
/// - `exp` and `nbf` depend on the time: an entry never outlives `exp` (the leeway is not
///   extended to cached entries), and a token that verified was already past its `nbf`;
/// - refusals are never cached: a forged or expired token is checked, and refused, every time.
///
/// What a cache does not see: a token revoked at the identity provider before its `exp`.
/// JWT verification never sees that either (it does not call the provider), so a cache adds
/// at most [`max_ttl`](Self::max_ttl) to nothing. Do not cache where each request must be
/// checked against a revocation list or an introspection endpoint.
///
/// Tokens are compared in constant time (for their length): a lookup does not reveal how
/// much of a cached token a guess matched.
///
/// Memory: at most `entries` entries of at most 4 KiB of token each, plus the claims `T`
/// each holds.
///
/// ```
/// use std::time::Duration;
///
/// use authscheme::jsonwebtoken::{Algorithm, DecodingKey, Validation};
/// use authscheme::verify::{JwtVerifier, TokenCache};
///
/// let verifier: JwtVerifier = JwtVerifier::new(
///     DecodingKey::from_secret(b"secret"),
///     Validation::new(Algorithm::HS256),
/// )
/// .with_token_cache(TokenCache::new(10_000).max_ttl(Duration::from_secs(60)));
/// # let _ = verifier;
/// ```
#[derive(Clone, Copy, Debug)]
pub struct TokenCache {
    entries: usize,
    max_token_len: usize,
    max_ttl: Duration,
}

impl TokenCache {
    /// A cache of at most `entries` verified tokens.
    pub const fn new(entries: usize) -> Self {
        Self {
            entries,
            max_token_len: 4 * 1024,
            max_ttl: Duration::from_mins(5),
        }
    }

    /// The longest time an entry is used after its token verified, whatever its `exp`.
    #[must_use]
    pub const fn max_ttl(mut self, max_ttl: Duration) -> Self {
        self.max_ttl = max_ttl;
        self
    }

    /// The longest token cached, in bytes; longer ones are verified every time.
    #[must_use]
    pub const fn max_token_len(mut self, max_token_len: usize) -> Self {
        self.max_token_len = max_token_len;
        self
    }
}

/// Which key of a verifier's key set signed a cached token: a [`JwtVerifier`](super::JwtVerifier)
/// has one key ([`KeyId::ONLY`]); a JWKS verifier numbers each key it installs.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub(super) struct KeyId(pub(super) u64);

impl KeyId {
    /// The key of a verifier that has only one.
    pub(super) const ONLY: Self = Self(0);
}

/// The verified tokens of one verifier: the grant of each, per scheme (a verifier may serve
/// several schemes, whose scopes and declared bindings differ).
pub(super) struct TokenStore<T> {
    /// Weighed one each: tokens longer than `max_token_len` are not cached, which bounds what
    /// an entry holds but for its claims.
    entries: quick_cache::sync::Cache<CachedToken, Entry<T>>,
    settings: TokenCache,
}

/// A cached token, for the scheme it was verified for.
struct CachedToken {
    scheme: TypeId,
    token: Box<str>,
}

/// A token looked up, borrowed from the request.
struct Lookup<'a> {
    scheme: TypeId,
    token: &'a str,
}

// `CachedToken` and `Lookup` hash alike, field by field: a lookup finds the entry it equals.
impl Hash for CachedToken {
    fn hash<H: Hasher>(&self, state: &mut H) {
        Lookup::from(self).hash(state);
    }
}

impl Hash for Lookup<'_> {
    fn hash<H: Hasher>(&self, state: &mut H) {
        self.scheme.hash(state);
        // Only the token's last bytes: equal tokens hash alike, and the cache holds only
        // tokens that verified, whose last bytes are their signature's, which nobody without
        // the signing key can make two of them share. They spread the entries as well as the
        // whole token, for a tenth of the hashing (the whole of an RS256 token was the
        // largest cost of a hit). A made-up token that shares a cached one's tail probes
        // that entry, and is compared with it in full.
        let token = self.token.as_bytes();
        token[token.len().saturating_sub(HASHED_TAIL)..].hash(state);
    }
}

/// How many of a token's last bytes its hash covers: 32 base64url characters, 192 bits of
/// any signature (the shortest, HS256's, has 43).
const HASHED_TAIL: usize = 32;

impl<'a> From<&'a CachedToken> for Lookup<'a> {
    fn from(cached: &'a CachedToken) -> Self {
        Self {
            scheme: cached.scheme,
            token: &cached.token,
        }
    }
}

impl Equivalent<CachedToken> for Lookup<'_> {
    fn equivalent(&self, cached: &CachedToken) -> bool {
        // The hash table calls this for every entry whose hash shares a few bits with the
        // lookup's, so a guessed token is compared with cached ones: in constant time, as any
        // secret. The lengths may differ in the open.
        self.scheme == cached.scheme
            && constant_time_eq::constant_time_eq(self.token.as_bytes(), cached.token.as_bytes())
    }
}

impl PartialEq for CachedToken {
    fn eq(&self, other: &Self) -> bool {
        Lookup::from(other).equivalent(self)
    }
}

impl Eq for CachedToken {}

/// What a verified token earned.
#[derive(Clone)]
struct Entry<T> {
    claims: T,
    scopes: u128,
    /// In seconds since the Unix epoch: the earlier of the token's `exp` and `max_ttl` after
    /// it verified.
    expires_at: u64,
    key: KeyId,
}

/// Seconds since the Unix epoch, as `jsonwebtoken` counts `exp`.
fn now() -> u64 {
    SystemTime::now()
        .duration_since(UNIX_EPOCH)
        .map_or(0, |since| since.as_secs())
}

impl<T: Clone> TokenStore<T> {
    pub(super) fn new(settings: TokenCache) -> Self {
        Self {
            // quick_cache needs room for one entry.
            entries: quick_cache::sync::Cache::new(settings.entries.max(1)),
            settings,
        }
    }

    /// The grant `token` earned for `S`, if it is cached, unexpired, and signed by a key for
    /// which `trusted` holds. An entry that is not is removed.
    pub(super) fn get<S: SecurityScheme>(
        &self,
        token: &str,
        trusted: impl FnOnce(KeyId) -> bool,
    ) -> Option<Grant<S, T>> {
        self.get_at(now(), token, trusted)
    }

    /// [`get`](Self::get) at the time `now`, in seconds since the Unix epoch.
    fn get_at<S: SecurityScheme>(
        &self,
        now: u64,
        token: &str,
        trusted: impl FnOnce(KeyId) -> bool,
    ) -> Option<Grant<S, T>> {
        let lookup = Lookup {
            scheme: TypeId::of::<S>(),
            token,
        };
        let entry = self.entries.get(&lookup)?;
        if entry.expires_at <= now || !trusted(entry.key) {
            self.entries.remove(&lookup);
            return None;
        }
        Some(Grant::new(entry.claims, ScopeSet::from_bits(entry.scopes)))
    }

    /// Keeps `grant`, which `token` earned for `S` with the key `key`; `exp` is the token's
    /// (absent when it has none).
    pub(super) fn insert<S: SecurityScheme>(
        &self,
        token: &str,
        grant: &Grant<S, T>,
        exp: Option<u64>,
        key: KeyId,
    ) {
        self.insert_at(now(), token, grant, exp, key);
    }

    /// [`insert`](Self::insert) at the time `now`, in seconds since the Unix epoch.
    fn insert_at<S: SecurityScheme>(
        &self,
        now: u64,
        token: &str,
        grant: &Grant<S, T>,
        exp: Option<u64>,
        key: KeyId,
    ) {
        if token.len() > self.settings.max_token_len {
            return;
        }
        let ttl_end = now.saturating_add(self.settings.max_ttl.as_secs());
        let expires_at = exp.map_or(ttl_end, |exp| exp.min(ttl_end));
        // A token within the leeway past its `exp` verifies, but is not kept.
        if expires_at <= now {
            return;
        }
        let entry = Entry {
            claims: grant.principal().clone(),
            scopes: grant.scopes().bits(),
            expires_at,
            key,
        };
        let cached = CachedToken {
            scheme: TypeId::of::<S>(),
            token: token.into(),
        };
        self.entries.insert(cached, entry);
    }

    /// Drops the entries of every key for which `trusted` does not hold.
    #[cfg(feature = "jwks")]
    pub(super) fn retain_keys(&self, trusted: impl Fn(KeyId) -> bool) {
        self.entries.retain(|_, entry| trusted(entry.key));
    }

    /// How many entries the cache holds.
    #[cfg(test)]
    pub(super) fn len(&self) -> usize {
        self.entries.len()
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::credentials::BearerToken;
    use crate::{Declaration, openapi};

    macro_rules! scheme {
        ($name:ident) => {
            struct $name;

            impl SecurityScheme for $name {
                const DECLARATION: Declaration = Declaration::new(
                    stringify!($name),
                    &["read", "write"],
                    openapi::OpenApiVersion::V3_0,
                );
                type Credentials = BearerToken;
                const CONFIG: () = ();
                const OPENAPI: openapi::SecurityScheme = openapi::SecurityScheme::bearer(None);
            }
        };
    }
    scheme!(Api);
    scheme!(Other);

    const NOW: u64 = 1_800_000_000;
    const KEY: KeyId = KeyId(7);

    fn store(settings: TokenCache) -> TokenStore<String> {
        TokenStore::new(settings)
    }

    fn grant() -> Grant<Api, String> {
        Grant::new("alice".to_owned(), ScopeSet::from_names(["write"]))
    }

    fn trusted(key: KeyId) -> bool {
        key == KEY
    }

    #[test]
    fn a_kept_token_is_answered_with_its_grant_for_its_scheme_only() {
        let tokens = store(TokenCache::new(8));
        tokens.insert_at(NOW, "token-1", &grant(), Some(NOW + 600), KEY);
        let hit = tokens.get_at::<Api>(NOW + 1, "token-1", trusted).unwrap();
        assert_eq!(hit.principal(), "alice");
        assert_eq!(hit.scopes().names().collect::<Vec<_>>(), ["write"]);
        // Another scheme's scopes and declared bindings may differ: verified for `Api` only.
        assert!(
            tokens
                .get_at::<Other>(NOW + 1, "token-1", trusted)
                .is_none()
        );
        // Same length, one byte apart; a prefix; a longer token.
        for other in ["token-2", "token-", "token-10"] {
            assert!(tokens.get_at::<Api>(NOW + 1, other, trusted).is_none());
        }
        assert_eq!(tokens.len(), 1);
    }

    #[test]
    fn a_token_that_shares_a_cached_tokens_tail_is_not_it() {
        // Only the last bytes are hashed: these two land on one entry, and are told apart by
        // the comparison of the whole tokens.
        let tail = "s".repeat(HASHED_TAIL);
        let (cached, other) = (format!("aaaa.{tail}"), format!("bbbb.{tail}"));
        let tokens = store(TokenCache::new(8));
        tokens.insert_at(NOW, &cached, &grant(), Some(NOW + 600), KEY);
        assert!(tokens.get_at::<Api>(NOW, &other, trusted).is_none());
        assert!(tokens.get_at::<Api>(NOW, &cached, trusted).is_some());
        // Both kept side by side, and a token kept again replaces its entry.
        tokens.insert_at(NOW, &other, &grant(), Some(NOW + 600), KEY);
        tokens.insert_at(NOW, &cached, &grant(), Some(NOW + 600), KEY);
        assert_eq!(tokens.len(), 2);
    }

    #[test]
    fn a_token_kept_now_is_answered_now() {
        // `get` and `insert` on the real clock, as the verifiers call them.
        let tokens = store(TokenCache::new(8));
        let exp = now() + 600;
        tokens.insert::<Api>("token", &grant(), Some(exp), KEY);
        let hit = tokens.get::<Api>("token", trusted).expect("a hit");
        assert_eq!(hit.principal(), "alice");
    }

    #[test]
    fn an_entry_ends_at_the_tokens_exp_or_its_max_ttl_whichever_is_first() {
        let tokens = store(TokenCache::new(8).max_ttl(Duration::from_mins(5)));
        tokens.insert_at(NOW, "short", &grant(), Some(NOW + 60), KEY);
        tokens.insert_at(NOW, "long", &grant(), Some(NOW + 3600), KEY);
        tokens.insert_at(NOW, "no-exp", &grant(), None, KEY);
        assert!(tokens.get_at::<Api>(NOW + 59, "short", trusted).is_some());
        assert!(tokens.get_at::<Api>(NOW + 60, "short", trusted).is_none());
        for token in ["long", "no-exp"] {
            assert!(tokens.get_at::<Api>(NOW + 299, token, trusted).is_some());
            assert!(tokens.get_at::<Api>(NOW + 300, token, trusted).is_none());
        }
        // Each expired entry was removed when it was found expired.
        assert_eq!(tokens.len(), 0);
    }

    #[test]
    fn a_token_already_past_its_exp_is_not_kept() {
        // It verified within the leeway; the cache does not extend it.
        let tokens = store(TokenCache::new(8));
        tokens.insert_at(NOW, "late", &grant(), Some(NOW), KEY);
        tokens.insert_at(NOW, "later", &grant(), Some(NOW - 30), KEY);
        let none = store(TokenCache::new(8).max_ttl(Duration::ZERO));
        none.insert_at(NOW, "fresh", &grant(), Some(NOW + 600), KEY);
        assert_eq!((tokens.len(), none.len()), (0, 0));
    }

    #[test]
    fn an_entry_of_a_key_no_longer_trusted_is_refused_and_removed() {
        let tokens = store(TokenCache::new(8));
        tokens.insert_at(NOW, "token", &grant(), Some(NOW + 600), KEY);
        assert!(tokens.get_at::<Api>(NOW, "token", |_| false).is_none());
        assert_eq!(tokens.len(), 0);
    }

    #[cfg(feature = "jwks")]
    #[test]
    fn the_entries_of_keys_no_longer_trusted_can_be_dropped_at_once() {
        let tokens = store(TokenCache::new(8));
        tokens.insert_at(NOW, "a", &grant(), Some(NOW + 600), KEY);
        tokens.insert_at(NOW, "b", &grant(), Some(NOW + 600), KeyId(8));
        tokens.retain_keys(trusted);
        assert!(tokens.get_at::<Api>(NOW, "a", trusted).is_some());
        assert_eq!(tokens.len(), 1);
    }

    #[test]
    fn the_cache_is_bounded_in_entries_and_token_length() {
        let tokens = store(TokenCache::new(16).max_token_len(64));
        for index in 0..1000 {
            tokens.insert_at(
                NOW,
                &format!("token-{index}"),
                &grant(),
                Some(NOW + 600),
                KEY,
            );
        }
        assert!(tokens.len() <= 16, "{} entries", tokens.len());
        let long = "x".repeat(65);
        tokens.insert_at(NOW, &long, &grant(), Some(NOW + 600), KEY);
        assert!(tokens.get_at::<Api>(NOW, &long, trusted).is_none());
        let fits = "y".repeat(64);
        tokens.insert_at(NOW, &fits, &grant(), Some(NOW + 600), KEY);
        assert!(tokens.get_at::<Api>(NOW, &fits, trusted).is_some());
    }
}
