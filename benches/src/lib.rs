//! Side-by-side benchmarks of credential extraction: see `benches/extract.rs` and `BENCHMARKS.md`.
