//! A bound on password hashing (feature `tokio`): at most a few hashes at once, a bounded
//! queue behind them, and 503 with `Retry-After` past it.
//!
//! A password hash that resists guessing is made to be expensive: Argon2 at its default cost
//! takes about 19 MiB of memory and tens of milliseconds of CPU for each check. A token
//! endpoint that runs one check per request, unbounded, lets anybody who can send logins
//! take as much memory as they send requests at once; more checks in parallel than there
//! are cores are not answered any sooner either. [`HashingLimit`] runs each check on tokio's
//! blocking pool, at most `concurrent` at a time, lets at most `waiting` more wait for a
//! turn, and refuses the rest at once with [`Overloaded`] (503 and `Retry-After`), so that
//! both the memory and the time a login can wait are bounded.
//!
//! ```
//! use authscheme::limit::HashingLimit;
//!
//! # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
//! // Two checks at once, sixteen waiting; the rest are refused.
//! let limit = HashingLimit::new(2, 16);
//! // The check itself is the application's: a password hash verification, which compares
//! // in constant time (here a stand-in).
//! let matches = limit.run(|()| verify_password("alice", "wonderland")).await;
//! assert_eq!(matches, Ok(true));
//! # fn verify_password(_user: &str, _password: &str) -> bool { true }
//! # });
//! ```
//!
//! With Argon2, give each of the `concurrent` slots its own memory
//! ([`HashingLimit::with_scratch`]): the hash's 19 MiB are then allocated once per slot, not
//! once per request. (The system allocator may keep much of each freed block of that size,
//! so that a process that allocates one per hash keeps growing under load.)

use std::fmt;
use std::sync::{Arc, Mutex, PoisonError};
use std::time::Duration;

use http::{HeaderValue, StatusCode, header};
use tokio::sync::{OwnedSemaphorePermit, Semaphore};

/// At most `concurrent` checks at a time, each with a scratch value of its own, and at most
/// `waiting` more queued; see the [module documentation](self).
///
/// Cloning is cheap and shares the limit: put one in the router state.
///
/// A check is never cut short: when the request that asked for it goes away (the client
/// closed the connection, a timeout dropped the handler), the check still runs to its end on
/// the blocking pool and keeps its slot until then, so that at most `concurrent` ever run.
pub struct HashingLimit<S = ()> {
    shared: Arc<Shared<S>>,
    /// Per handle, so that setting it never depends on whether the limit was cloned.
    retry_after: Duration,
}

struct Shared<S> {
    /// `concurrent + waiting` permits: taken without waiting, or the request is refused.
    admitted: Arc<Semaphore>,
    /// `concurrent` permits: the turn to run.
    running: Arc<Semaphore>,
    /// One scratch value per running permit; a running check holds one.
    scratch: Mutex<Vec<S>>,
    concurrent: usize,
    waiting: usize,
}

impl<S> Clone for HashingLimit<S> {
    fn clone(&self) -> Self {
        Self {
            shared: Arc::clone(&self.shared),
            retry_after: self.retry_after,
        }
    }
}

impl<S> fmt::Debug for HashingLimit<S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("HashingLimit")
            .field("concurrent", &self.shared.concurrent)
            .field("waiting", &self.shared.waiting)
            .field("retry_after", &self.retry_after)
            .finish_non_exhaustive()
    }
}

impl HashingLimit {
    /// At most `concurrent` checks at a time (at least one) and `waiting` queued, without
    /// scratch values (the check gets `&mut ()`).
    ///
    /// ```
    /// use authscheme::limit::HashingLimit;
    ///
    /// let limit = HashingLimit::new(4, 32);
    /// assert_eq!((limit.concurrent(), limit.waiting()), (4, 32));
    /// assert_eq!(HashingLimit::new(0, 0).concurrent(), 1);
    /// ```
    pub fn new(concurrent: usize, waiting: usize) -> Self {
        Self::with_scratch(concurrent, waiting, || ())
    }
}

impl<S: Send + 'static> HashingLimit<S> {
    /// As [`new`](HashingLimit::new), with a scratch value for each of the `concurrent`
    /// slots, made now by `make`: each check gets the one of the slot it runs in. For
    /// Argon2, the memory blocks that `hash_password_into_with_memory` fills.
    ///
    /// ```
    /// use authscheme::limit::HashingLimit;
    ///
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// // A buffer per slot, reused by every check that runs in it.
    /// let limit = HashingLimit::with_scratch(2, 8, || vec![0u8; 1024]);
    /// let first_byte = limit.run(|buffer: &mut Vec<u8>| {
    ///     buffer[0] = 7;
    ///     buffer.len()
    /// });
    /// assert_eq!(first_byte.await, Ok(1024));
    /// # });
    /// ```
    pub fn with_scratch(concurrent: usize, waiting: usize, make: impl FnMut() -> S) -> Self {
        let concurrent = concurrent.clamp(1, Semaphore::MAX_PERMITS);
        let waiting = waiting.min(Semaphore::MAX_PERMITS - concurrent);
        let scratch = std::iter::repeat_with(make).take(concurrent).collect();
        Self {
            shared: Arc::new(Shared {
                admitted: Arc::new(Semaphore::new(concurrent + waiting)),
                running: Arc::new(Semaphore::new(concurrent)),
                scratch: Mutex::new(scratch),
                concurrent,
                waiting,
            }),
            retry_after: Duration::from_secs(1),
        }
    }
}

impl<S> HashingLimit<S> {
    /// The `Retry-After` that refusals carry, rounded up to whole seconds (at least one);
    /// 1 second unless set.
    ///
    /// ```
    /// use std::time::Duration;
    /// use authscheme::limit::HashingLimit;
    ///
    /// let limit = HashingLimit::new(2, 8).retry_after(Duration::from_millis(2500));
    /// assert_eq!(limit.overloaded().retry_after(), Duration::from_secs(3));
    /// // On a clone too: the setting belongs to the handle.
    /// let other = limit.clone().retry_after(Duration::from_secs(5));
    /// assert_eq!(other.overloaded().retry_after(), Duration::from_secs(5));
    /// ```
    #[must_use]
    pub fn retry_after(mut self, retry_after: Duration) -> Self {
        self.retry_after = retry_after;
        self
    }

    /// How many checks run at once.
    pub fn concurrent(&self) -> usize {
        self.shared.concurrent
    }

    /// How many checks may wait for a turn.
    pub fn waiting(&self) -> usize {
        self.shared.waiting
    }

    /// The refusal this limit answers with.
    ///
    /// ```
    /// use authscheme::limit::HashingLimit;
    ///
    /// let refusal = HashingLimit::new(1, 0).overloaded();
    /// assert_eq!(refusal.status(), 503);
    /// ```
    pub fn overloaded(&self) -> Overloaded {
        Overloaded::new(self.retry_after)
    }
}

impl<S: Send + 'static> HashingLimit<S> {
    /// Runs `check` on tokio's blocking pool when a slot is free, with the slot's scratch
    /// value, and returns its result; [`Overloaded`] at once when `concurrent + waiting`
    /// checks are already running or queued. Must be called within a tokio runtime.
    ///
    /// A panic in `check` is resumed here, as if `check` had been called directly; its slot
    /// is given back first.
    ///
    /// # Errors
    ///
    /// [`Overloaded`] when the queue is full, or when the runtime is shutting down and
    /// cannot run the check.
    ///
    /// ```
    /// use authscheme::limit::HashingLimit;
    ///
    /// # tokio::runtime::Builder::new_current_thread().build().unwrap().block_on(async {
    /// let limit = HashingLimit::new(1, 0);
    /// // One slot and no queue: while a check runs, the next request is refused.
    /// let (started, release) = (std::sync::mpsc::channel(), std::sync::mpsc::channel::<()>());
    /// let busy = tokio::spawn({
    ///     let limit = limit.clone();
    ///     async move {
    ///         limit.run(move |()| {
    ///             started.0.send(()).unwrap();
    ///             release.1.recv().unwrap();
    ///         })
    ///         .await
    ///     }
    /// });
    /// tokio::task::spawn_blocking(move || started.1.recv().unwrap()).await.unwrap();
    /// let refused = limit.run(|()| ()).await.unwrap_err();
    /// assert_eq!(refused.into_response().headers()["retry-after"], "1");
    /// release.0.send(()).unwrap();
    /// assert_eq!(busy.await.unwrap(), Ok(()));
    /// # });
    /// ```
    pub async fn run<T, F>(&self, check: F) -> Result<T, Overloaded>
    where
        F: FnOnce(&mut S) -> T + Send + 'static,
        T: Send + 'static,
    {
        let admitted = Arc::clone(&self.shared.admitted)
            .try_acquire_owned()
            .map_err(|_| self.overloaded())?;
        let running = Arc::clone(&self.shared.running)
            .acquire_owned()
            .await
            .map_err(|_| self.overloaded())?;
        let scratch = self
            .shared
            .scratch
            .lock()
            .unwrap_or_else(PoisonError::into_inner)
            .pop();
        // One scratch value per running permit, and a slot always gives its value back (on
        // unwinding too): a permit always finds one.
        let Some(scratch) = scratch else {
            return Err(self.overloaded());
        };
        let slot = Slot {
            scratch: Some(scratch),
            shared: Arc::clone(&self.shared),
            _running: running,
            _admitted: admitted,
        };
        // The slot moves into the blocking task: it is released when the check ends, even if
        // this future is dropped before.
        let outcome = tokio::task::spawn_blocking(move || {
            let mut slot = slot;
            let result = slot.scratch.as_mut().map(check);
            drop(slot);
            result
        })
        .await;
        match outcome {
            Ok(Some(result)) => Ok(result),
            Err(error) if error.is_panic() => std::panic::resume_unwind(error.into_panic()),
            // No scratch value (cannot happen), or the runtime is shutting down.
            Ok(None) | Err(_) => Err(self.overloaded()),
        }
    }
}

/// A running check's turn: gives the scratch value back, then the permits (fields drop in
/// order, after `drop`).
struct Slot<S> {
    scratch: Option<S>,
    shared: Arc<Shared<S>>,
    _running: OwnedSemaphorePermit,
    _admitted: OwnedSemaphorePermit,
}

impl<S> Drop for Slot<S> {
    fn drop(&mut self) {
        if let Some(scratch) = self.scratch.take() {
            self.shared
                .scratch
                .lock()
                .unwrap_or_else(PoisonError::into_inner)
                .push(scratch);
        }
    }
}

/// Too many checks at once: 503 Service Unavailable with `Retry-After` and
/// `{"detail": "Server busy, retry later"}`.
///
/// ```
/// use std::time::Duration;
/// use authscheme::limit::Overloaded;
///
/// let response = Overloaded::new(Duration::from_secs(2)).into_response();
/// assert_eq!(response.status(), 503);
/// assert_eq!(response.headers()["retry-after"], "2");
/// assert_eq!(response.headers()["content-type"], "application/json");
/// assert_eq!(response.body(), r#"{"detail":"Server busy, retry later"}"#);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Overloaded {
    retry_after_secs: u64,
}

impl Overloaded {
    /// The response's `detail`.
    pub const DETAIL: &'static str = "Server busy, retry later";

    /// A refusal asking to retry after `retry_after`, rounded up to whole seconds (at least
    /// one: `Retry-After` counts seconds, and `0` would invite an immediate retry).
    ///
    /// ```
    /// use std::time::Duration;
    /// use authscheme::limit::Overloaded;
    ///
    /// assert_eq!(Overloaded::new(Duration::ZERO).retry_after(), Duration::from_secs(1));
    /// assert_eq!(Overloaded::new(Duration::from_millis(1001)).retry_after(), Duration::from_secs(2));
    /// ```
    pub fn new(retry_after: Duration) -> Self {
        let whole = retry_after.as_secs() + u64::from(retry_after.subsec_nanos() > 0);
        Self {
            retry_after_secs: whole.max(1),
        }
    }

    /// The status: 503 Service Unavailable.
    pub fn status(&self) -> StatusCode {
        StatusCode::SERVICE_UNAVAILABLE
    }

    /// How long the client is asked to wait, in whole seconds.
    pub fn retry_after(&self) -> Duration {
        Duration::from_secs(self.retry_after_secs)
    }

    /// The JSON body, as FastAPI writes an `HTTPException`.
    pub fn body(&self) -> String {
        format!(r#"{{"detail":"{}"}}"#, Self::DETAIL)
    }

    /// The response: 503, `Retry-After`, `content-type: application/json` and the body.
    pub fn into_response(self) -> http::Response<String> {
        let mut response = http::Response::new(self.body());
        *response.status_mut() = self.status();
        let headers = response.headers_mut();
        headers.insert(
            header::RETRY_AFTER,
            HeaderValue::from(self.retry_after_secs),
        );
        headers.insert(
            header::CONTENT_TYPE,
            HeaderValue::from_static("application/json"),
        );
        response
    }
}

impl fmt::Display for Overloaded {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write!(
            f,
            "too many password checks at once; retry after {} s",
            self.retry_after_secs
        )
    }
}

impl std::error::Error for Overloaded {}

#[cfg(test)]
mod tests {
    use std::sync::atomic::{AtomicUsize, Ordering};
    use std::sync::{Arc, mpsc};
    use std::time::Duration;

    use super::HashingLimit;

    fn runtime() -> tokio::runtime::Runtime {
        tokio::runtime::Builder::new_multi_thread()
            .worker_threads(2)
            .build()
            .expect("a runtime")
    }

    /// Starts `count` checks (at most the limit's `concurrent`) that run until the returned
    /// sender is dropped, and waits until all have started.
    async fn occupy(
        limit: &HashingLimit,
        count: usize,
    ) -> (mpsc::Sender<()>, Vec<tokio::task::JoinHandle<bool>>) {
        let (release, released) = mpsc::channel::<()>();
        let released = Arc::new(std::sync::Mutex::new(released));
        let (started, starts) = mpsc::channel();
        let holders = (0..count)
            .map(|_| {
                let (limit, released, started) =
                    (limit.clone(), Arc::clone(&released), started.clone());
                tokio::spawn(async move {
                    limit
                        .run(move |()| {
                            started.send(()).ok();
                            // Ends when the sender is dropped (`recv` fails then).
                            let _ = released.lock().map(|released| released.recv());
                        })
                        .await
                        .is_ok()
                })
            })
            .collect();
        drop(started);
        let all_started =
            tokio::task::spawn_blocking(move || (0..count).all(|_| starts.recv().is_ok()));
        assert!(all_started.await.unwrap_or(false), "the checks started");
        (release, holders)
    }

    /// Waits until every admission permit is taken: the queued checks are in the queue.
    async fn until_full<S>(limit: &HashingLimit<S>) {
        while limit.shared.admitted.available_permits() > 0 {
            tokio::task::yield_now().await;
        }
    }

    #[test]
    fn refuses_past_running_plus_waiting_and_admits_again_after() {
        runtime().block_on(async {
            let limit = HashingLimit::new(1, 2);
            let (release, holders) = occupy(&limit, 1).await;
            // Two more may wait.
            let queued: Vec<_> = (0..2)
                .map(|_| {
                    let limit = limit.clone();
                    tokio::spawn(async move { limit.run(|()| 1).await })
                })
                .collect();
            until_full(&limit).await;
            let refused = limit.run(|()| 1).await;
            assert_eq!(refused, Err(limit.overloaded()));
            drop(release);
            for holder in holders {
                assert!(holder.await.unwrap());
            }
            for queued in queued {
                assert_eq!(queued.await.unwrap(), Ok(1));
            }
            assert_eq!(limit.run(|()| 2).await, Ok(2));
        });
    }

    #[test]
    fn a_dropped_request_keeps_its_slot_until_the_check_ends() {
        runtime().block_on(async {
            let limit = HashingLimit::new(1, 0);
            let running = Arc::new(AtomicUsize::new(0));
            let (release, released) = mpsc::channel::<()>();
            let (started, start) = mpsc::channel();
            let abandoned = {
                let (limit, running) = (limit.clone(), Arc::clone(&running));
                tokio::spawn(async move {
                    limit
                        .run(move |()| {
                            running.fetch_add(1, Ordering::SeqCst);
                            started.send(()).ok();
                            released.recv().ok();
                            running.fetch_sub(1, Ordering::SeqCst);
                        })
                        .await
                })
            };
            tokio::task::spawn_blocking(move || start.recv())
                .await
                .unwrap()
                .unwrap();
            // The request goes away (a timeout, a closed connection): its check goes on.
            abandoned.abort();
            assert!(abandoned.await.unwrap_err().is_cancelled());
            assert_eq!(running.load(Ordering::SeqCst), 1);
            assert_eq!(limit.run(|()| ()).await, Err(limit.overloaded()));
            drop(release);
            // Once the check has ended, the slot is free again.
            while limit.shared.admitted.available_permits() == 0 {
                tokio::task::yield_now().await;
            }
            assert_eq!(limit.run(|()| ()).await, Ok(()));
            assert_eq!(running.load(Ordering::SeqCst), 0);
        });
    }

    #[test]
    fn each_running_check_has_a_scratch_value_of_its_own() {
        runtime().block_on(async {
            let made = Arc::new(AtomicUsize::new(0));
            let limit = HashingLimit::with_scratch(2, 64, {
                let made = Arc::clone(&made);
                move || made.fetch_add(1, Ordering::SeqCst)
            });
            let in_use = Arc::new(std::sync::Mutex::new(Vec::new()));
            let checks: Vec<_> = (0..32)
                .map(|_| {
                    let (limit, in_use) = (limit.clone(), Arc::clone(&in_use));
                    tokio::spawn(async move {
                        limit
                            .run(move |scratch: &mut usize| {
                                let mut taken = in_use.lock().unwrap();
                                assert!(!taken.contains(scratch), "a value shared by two checks");
                                taken.push(*scratch);
                                drop(taken);
                                std::thread::sleep(Duration::from_millis(2));
                                in_use.lock().unwrap().retain(|value| value != scratch);
                            })
                            .await
                    })
                })
                .collect();
            for check in checks {
                assert_eq!(check.await.unwrap(), Ok(()));
            }
            // Made once per slot, never per check.
            assert_eq!(made.load(Ordering::SeqCst), 2);
        });
    }

    #[test]
    fn a_panicking_check_gives_its_slot_back() {
        runtime().block_on(async {
            let limit = HashingLimit::with_scratch(1, 0, || 5_u8);
            let panicked = tokio::spawn({
                let limit = limit.clone();
                async move { limit.run(|_: &mut u8| panic!("the check failed")).await }
            })
            .await;
            assert!(panicked.unwrap_err().is_panic());
            assert_eq!(limit.run(|scratch| *scratch).await, Ok(5));
        });
    }
}
