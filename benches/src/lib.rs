//! Side-by-side benchmarks of credential extraction: see `benches/extract.rs` and
//! `BENCHMARKS.md`. The library holds the counting allocator that the benchmark and the
//! allocation tests (`tests/tests/allocations.rs`) share.

use std::alloc::{GlobalAlloc, Layout, System};
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};

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
