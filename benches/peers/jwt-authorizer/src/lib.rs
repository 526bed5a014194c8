//! Empty: the benchmark is `benches/verify.rs`.
