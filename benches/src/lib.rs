//! Side-by-side benchmarks of credential extraction (`benches/extract.rs`) and of JWT
//! verification (`benches/verify.rs`): see `BENCHMARKS.md`. The library holds what they share:
//! the counting allocator (which the allocation tests, `tests/tests/allocations.rs`, use too),
//! the request head every workload reads, and the paired harness of `-- --paired`.

use std::alloc::{GlobalAlloc, Layout, System};
use std::pin::pin;
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::task::{Context, Poll, Waker};
use std::time::Instant;

use http::request::Parts;
use http::{HeaderMap, HeaderValue};

/// Forwards to the system allocator and, while [`allocations`] counts, counts allocations
/// (reallocations included). A binary installs it with
/// `#[global_allocator] static GLOBAL: CountingAllocator = CountingAllocator;`.
pub struct CountingAllocator;

static COUNTING: AtomicBool = AtomicBool::new(false);
static ALLOCATIONS: AtomicUsize = AtomicUsize::new(0);

fn count() {
    if COUNTING.load(Ordering::Relaxed) {
        ALLOCATIONS.fetch_add(1, Ordering::Relaxed);
    }
}

// The one `unsafe` of the workspace's tests and benchmarks: `GlobalAlloc` is an unsafe trait.
// Every method forwards to `System` with the caller's arguments, so `System`'s contract is the
// caller's contract.
#[allow(unsafe_code)]
unsafe impl GlobalAlloc for CountingAllocator {
    unsafe fn alloc(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: forwarded unchanged; the caller upholds `GlobalAlloc::alloc`'s contract.
        unsafe { System.alloc(layout) }
    }

    unsafe fn alloc_zeroed(&self, layout: Layout) -> *mut u8 {
        count();
        // SAFETY: as above.
        unsafe { System.alloc_zeroed(layout) }
    }

    unsafe fn realloc(&self, ptr: *mut u8, layout: Layout, new_size: usize) -> *mut u8 {
        count();
        // SAFETY: as above; `ptr` was allocated by `System` through this allocator.
        unsafe { System.realloc(ptr, layout, new_size) }
    }

    unsafe fn dealloc(&self, ptr: *mut u8, layout: Layout) {
        // SAFETY: as above.
        unsafe { System.dealloc(ptr, layout) }
    }
}

/// The heap allocations of `calls` calls of `f`, after `warm_up` calls that are not counted
/// (a `HeaderValue`'s buffer becomes a shared one on its first clone, as hyper's already
/// are). Counts only in a binary whose global allocator is [`CountingAllocator`], and only
/// what runs meanwhile on any thread: call it where nothing else runs.
pub fn allocations(warm_up: u32, calls: u32, mut f: impl FnMut()) -> usize {
    for _ in 0..warm_up {
        f();
    }
    ALLOCATIONS.store(0, Ordering::Relaxed);
    COUNTING.store(true, Ordering::Relaxed);
    for _ in 0..calls {
        f();
    }
    COUNTING.store(false, Ordering::Relaxed);
    ALLOCATIONS.load(Ordering::Relaxed)
}

/// Heap allocations (including reallocations) per call of `f`, over 1 000 calls after 10
/// that are not counted (see [`allocations`]).
pub fn allocations_per_call(f: impl FnMut()) -> f64 {
    const CALLS: u32 = 1000;
    #[allow(clippy::cast_precision_loss)]
    let per_call = allocations(10, CALLS, f) as f64 / f64::from(CALLS);
    per_call
}

// ---------------------------------------------------------------------------------------
// Requests.

/// A request head with 11 ordinary headers (host, user-agent, accept, accept-language,
/// accept-encoding, connection, referer, cookie, x-request-id, content-type, origin) plus
/// `extra` (the credentials, or nothing).
///
/// # Panics
///
/// If `extra` is not a valid header name and value.
pub fn headers(extra: Option<(&'static str, &str)>) -> HeaderMap {
    let mut map = HeaderMap::new();
    for (name, value) in [
        ("host", "api.example.com"),
        (
            "user-agent",
            "Mozilla/5.0 (X11; Linux x86_64) AppleWebKit/537.36 (KHTML, like Gecko) Chrome/126.0 Safari/537.36",
        ),
        ("accept", "application/json, text/plain, */*"),
        ("accept-language", "en-GB,en;q=0.9,fr;q=0.8"),
        ("accept-encoding", "gzip, deflate, br, zstd"),
        ("connection", "keep-alive"),
        ("referer", "https://app.example.com/dashboard/items?page=2"),
        (
            "cookie",
            "_ga=GA1.2.1234567890.1700000000; theme=dark; locale=en-GB",
        ),
        ("x-request-id", "6f1c2b9e-3d4a-4b8c-9e7f-0a1b2c3d4e5f"),
        ("content-type", "application/json"),
        ("origin", "https://app.example.com"),
    ] {
        map.append(name, HeaderValue::from_static(value));
    }
    if let Some((name, value)) = extra {
        // Not `from_static`: a value backed by a reference-counted buffer, as hyper's are.
        map.append(
            name,
            HeaderValue::from_str(value).expect("benchmark values are valid"),
        );
    }
    assert_eq!(map.len(), 11 + usize::from(extra.is_some()));
    map
}

/// The head of `GET /items/42` with `headers`, as an axum extractor receives it.
///
/// # Panics
///
/// Never: the request line is a constant.
pub fn parts(headers: HeaderMap) -> Parts {
    let mut request = http::Request::get("/items/42")
        .body(())
        .expect("valid request");
    *request.headers_mut() = headers;
    request.into_parts().0
}

/// Polls a future that is ready at once (axum's extractors are `async fn`s that never wait,
/// and so are the verifiers' hot paths) and returns its output.
///
/// # Panics
///
/// If the future is not ready on its first poll.
pub fn ready<F: Future>(future: F) -> F::Output {
    match pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("the extractor waited"),
    }
}

// ---------------------------------------------------------------------------------------
// The paired harness.

/// Nanoseconds per call of `f` over `calls` calls, by the wall clock.
pub fn time_per_call(calls: u32, f: &mut impl FnMut()) -> f64 {
    let start = Instant::now();
    for _ in 0..calls {
        f();
    }
    start.elapsed().as_secs_f64() * 1e9 / f64::from(calls)
}

/// The median of `values` (the upper one of an even count), sorting them in place.
///
/// # Panics
///
/// If `values` is empty.
pub fn median(values: &mut [f64]) -> f64 {
    values.sort_by(f64::total_cmp);
    values[values.len() / 2]
}

/// [`paired_with`] in the shape of the extraction benchmark: 201 rounds of 5 000 calls per
/// side.
pub fn paired(filter: &str, name: &str, ours: impl FnMut(), peer: impl FnMut()) {
    paired_with(201, 5_000, filter, name, ours, peer);
}

/// Ours against a peer, interleaved, when `name` contains `filter`: `rounds` rounds, each
/// timing a batch of `calls` calls of ours and a batch of the peer back to back (alternating
/// which goes first), so that a change of machine load hits both sides of a round alike.
/// Prints the medians and the median of the per-round ratios ours / peer.
pub fn paired_with(
    rounds: usize,
    calls: u32,
    filter: &str,
    name: &str,
    mut ours: impl FnMut(),
    mut peer: impl FnMut(),
) {
    if !name.contains(filter) {
        return;
    }
    let (mut ours_ns, mut peer_ns, mut ratios) = (Vec::new(), Vec::new(), Vec::new());
    for round in 0..rounds {
        let (a, b) = if round % 2 == 0 {
            let a = time_per_call(calls, &mut ours);
            (a, time_per_call(calls, &mut peer))
        } else {
            let b = time_per_call(calls, &mut peer);
            (time_per_call(calls, &mut ours), b)
        };
        ours_ns.push(a);
        peer_ns.push(b);
        ratios.push(a / b);
    }
    println!(
        "  {name:<40} {:>8.1} ns {:>8.1} ns   ratio {:.2}",
        median(&mut ours_ns),
        median(&mut peer_ns),
        median(&mut ratios)
    );
}

/// The filter of `-- --paired [filter]` on the command line: `Some("")` for `--paired` alone,
/// `None` without it (then criterion runs instead).
pub fn paired_filter() -> Option<String> {
    let args: Vec<String> = std::env::args().collect();
    let at = args.iter().position(|arg| arg == "--paired")?;
    Some(
        args.get(at + 1)
            .filter(|arg| !arg.starts_with('-'))
            .cloned()
            .unwrap_or_default(),
    )
}
