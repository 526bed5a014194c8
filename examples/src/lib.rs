//! The examples live in `examples/`. This library only compiles the README's quickstart as a
//! doc test (`no_run`: it serves until stopped), so that the README cannot drift from the
//! API; `tests/quickstart.rs` checks that it is `examples/quickstart.rs` and runs that.

#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
