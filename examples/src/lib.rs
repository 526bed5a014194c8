//! The examples live in `examples/`. This library only compiles the README's quickstart as a
//! doc test, so that the README cannot drift from the API.

#[doc = include_str!("../../README.md")]
#[cfg(doctest)]
pub struct ReadmeDoctests;
