//! The key set a JWKS verifier holds, and how it is kept fresh.
//!
//! Requests read the current set through an `ArcSwap`: no lock, no I/O. Fetches replace it
//! whole. At most one fetch is in flight at a time (the background refresh and the ones an
//! unknown `kid` asks for share one flag), and an unknown `kid` triggers a fetch only once
//! per cooldown, however many made-up `kid`s arrive. A failed fetch keeps the set in use.

use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use arc_swap::ArcSwap;
use headers::{CacheControl, HeaderMapExt};
use jsonwebtoken::{Algorithm, Validation};
use tokio::sync::watch;
use tokio::time::Instant;

use super::fetch::DynFetch;
use super::keys::KeySet;
use super::{JwksError, fetch_document};

/// Where the keys come from, and how often.
pub(super) struct Source {
    pub(super) jwks_uri: String,
    pub(super) fetch: Arc<dyn DynFetch>,
    pub(super) timeout: Duration,
    pub(super) max_bytes: usize,
    /// The algorithms keys may have, and the checks each key's `Validation` starts from.
    pub(super) algorithms: Vec<Algorithm>,
    pub(super) validation: Validation,
    pub(super) refresh: Refresh,
}

/// When the key set is fetched again.
#[derive(Clone, Copy, Debug)]
pub(super) struct Refresh {
    /// Without `Cache-Control: max-age`.
    pub(super) default: Duration,
    /// The bounds put on `max-age`: a provider's `max-age=0` must not mean a fetch per
    /// request, nor a year-long one mean keys that are never rotated.
    pub(super) floor: Duration,
    pub(super) ceiling: Duration,
    /// The least time between two fetches that unknown `kid`s ask for.
    pub(super) cooldown: Duration,
    /// After a failed fetch, the next try.
    pub(super) retry: Duration,
}

/// The key set in use, and the state of fetching it.
pub(super) struct KeyCache {
    keys: ArcSwap<KeySet>,
    source: Source,
    /// Told of every set installed after the first (a token cache drops the entries of the
    /// keys that left).
    on_install: Option<OnInstall>,
    fetching: Mutex<Fetching>,
    /// Counts finished fetches, successful or not: a request waiting for the fetch in flight
    /// waits for this to change.
    finished: watch::Sender<u64>,
}

/// What a [`KeyCache`] calls with each set it installs after the first.
pub(super) type OnInstall = Box<dyn Fn(&KeySet) + Send + Sync>;

#[derive(Default)]
struct Fetching {
    in_flight: bool,
    /// When the last fetch started: the cooldown counts from there.
    last_started: Option<Instant>,
}

impl KeyCache {
    /// A cache holding `keys`, fetched from `source`, that calls `on_install` with each set
    /// it installs afterwards.
    pub(super) fn new(source: Source, keys: KeySet, on_install: Option<OnInstall>) -> Self {
        Self {
            keys: ArcSwap::from_pointee(keys),
            source,
            on_install,
            fetching: Mutex::new(Fetching::default()),
            finished: watch::Sender::new(0),
        }
    }

    /// Where the keys are fetched from.
    pub(super) fn jwks_uri(&self) -> &str {
        &self.source.jwks_uri
    }

    /// The key set in use: a lock-free load.
    pub(super) fn keys(&self) -> arc_swap::Guard<Arc<KeySet>> {
        self.keys.load()
    }

    /// Fetches the key set from `source` (at start-up, and for every refresh): the set and how
    /// long it may be kept. Its keys that `previous` holds keep their ids.
    pub(super) async fn fetch_keys(
        source: &Source,
        previous: &KeySet,
    ) -> Result<(KeySet, Duration), JwksError> {
        let response = fetch_document(
            &*source.fetch,
            &source.jwks_uri,
            source.timeout,
            source.max_bytes,
        )
        .await?;
        let mut keys = KeySet::parse(response.body(), &source.algorithms, &source.validation)
            .map_err(|error| JwksError::KeySet(error.to_string()))?;
        keys.keep_ids_of(previous);
        Ok((keys, source.refresh.lifetime(response.headers())))
    }

    /// Asks for a fetch because a token names a `kid` the set lacks, and waits for it.
    /// Returns whether a fetch finished meanwhile (so the set is worth another look). Joins
    /// the fetch in flight if there is one; starts one only when the cooldown since the last
    /// start has passed.
    pub(super) async fn refresh_for_unknown_kid(self: &Arc<Self>) -> bool {
        // Subscribed before the flag is read: a fetch that finishes in between still counts.
        let mut finished = self.finished.subscribe();
        {
            let mut fetching = self.lock_fetching();
            if !fetching.in_flight {
                let cooling = fetching
                    .last_started
                    .is_some_and(|started| started.elapsed() < self.source.refresh.cooldown);
                if cooling {
                    return false;
                }
                fetching.in_flight = true;
                fetching.last_started = Some(Instant::now());
                // Spawned: a request that gives up waiting (its client left) does not cancel
                // the fetch the others wait for.
                tokio::spawn(Arc::clone(self).fetch_and_install());
            }
        }
        finished.changed().await.is_ok()
    }

    /// The background refresh: fetches at the interval the last response allowed, for as
    /// long as the task runs (it is aborted when the last verifier is dropped).
    pub(super) async fn refresh_forever(self: Arc<Self>, mut next: Duration) {
        loop {
            tokio::time::sleep(next).await;
            next = if self.start_fetch() {
                Arc::clone(&self).fetch_and_install().await
            } else {
                // A fetch for an unknown `kid` is in flight: it refreshes the set.
                self.source.refresh.retry
            };
        }
    }

    /// Marks a fetch as in flight, unless one already is.
    fn start_fetch(&self) -> bool {
        let mut fetching = self.lock_fetching();
        if fetching.in_flight {
            return false;
        }
        fetching.in_flight = true;
        fetching.last_started = Some(Instant::now());
        true
    }

    /// Fetches the key set and installs it; on failure, keeps the set in use. Returns when
    /// to refresh next. The caller has marked the fetch as in flight.
    async fn fetch_and_install(self: Arc<Self>) -> Duration {
        let previous = self.keys.load_full();
        let next = match Self::fetch_keys(&self.source, &previous).await {
            Ok((keys, lifetime)) => {
                report_installed(&self.source.jwks_uri, &keys);
                let keys = Arc::new(keys);
                self.keys.store(Arc::clone(&keys));
                if let Some(on_install) = &self.on_install {
                    on_install(&keys);
                }
                lifetime
            }
            Err(error) => {
                tracing::warn!(
                    target: "authscheme::jwks",
                    jwks_uri = %self.source.jwks_uri,
                    %error,
                    "fetching the key set failed; the keys in use stay in use"
                );
                self.source.refresh.retry
            }
        };
        self.lock_fetching().in_flight = false;
        self.finished.send_modify(|count| *count += 1);
        next
    }

    fn lock_fetching(&self) -> std::sync::MutexGuard<'_, Fetching> {
        // The guarded state is two plain fields, valid whatever a panicking holder did.
        self.fetching.lock().unwrap_or_else(PoisonError::into_inner)
    }
}

impl Refresh {
    /// How long a key set fetched with `headers` may be kept: its `max-age` within the floor
    /// and the ceiling, else the default. `no-cache` and `no-store` ask for the floor.
    fn lifetime(&self, headers: &http::HeaderMap) -> Duration {
        let Some(cache_control) = headers.typed_get::<CacheControl>() else {
            return self.default;
        };
        if cache_control.no_cache() || cache_control.no_store() {
            return self.floor;
        }
        cache_control.max_age().map_or(self.default, |max_age| {
            max_age.clamp(self.floor, self.ceiling)
        })
    }
}

/// Logs a newly installed key set: a warning when it holds no key (every token then fails,
/// closed, until a fetch brings keys) or when keys were left out.
pub(super) fn report_installed(jwks_uri: &str, keys: &KeySet) {
    if keys.len() == 0 {
        tracing::warn!(
            target: "authscheme::jwks",
            jwks_uri,
            skipped = ?keys.skipped(),
            "the key set holds no usable signing key: every token is refused until it does"
        );
    } else if !keys.skipped().is_empty() {
        tracing::warn!(
            target: "authscheme::jwks",
            jwks_uri,
            kids = ?keys.kids().collect::<Vec<_>>(),
            skipped = ?keys.skipped(),
            "some keys of the key set are left out"
        );
    } else {
        tracing::debug!(
            target: "authscheme::jwks",
            jwks_uri,
            kids = ?keys.kids().collect::<Vec<_>>(),
            "key set installed"
        );
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    const REFRESH: Refresh = Refresh {
        default: Duration::from_mins(10),
        floor: Duration::from_mins(1),
        ceiling: Duration::from_hours(24),
        cooldown: Duration::from_secs(30),
        retry: Duration::from_secs(30),
    };

    fn lifetime(cache_control: Option<&str>) -> Duration {
        let mut headers = http::HeaderMap::new();
        if let Some(value) = cache_control {
            headers.insert(http::header::CACHE_CONTROL, value.parse().unwrap());
        }
        REFRESH.lifetime(&headers)
    }

    #[test]
    fn max_age_is_kept_within_the_floor_and_the_ceiling() {
        assert_eq!(lifetime(None), Duration::from_mins(10));
        assert_eq!(
            lifetime(Some("public, max-age=3600")),
            Duration::from_hours(1)
        );
        assert_eq!(lifetime(Some("max-age=0")), Duration::from_mins(1));
        assert_eq!(lifetime(Some("max-age=31536000")), Duration::from_hours(24));
        assert_eq!(lifetime(Some("no-cache")), Duration::from_mins(1));
        assert_eq!(
            lifetime(Some("no-store, max-age=3600")),
            Duration::from_mins(1)
        );
        assert_eq!(lifetime(Some("public")), Duration::from_mins(10));
        assert_eq!(lifetime(Some("max-age=junk")), Duration::from_mins(10));
    }
}
