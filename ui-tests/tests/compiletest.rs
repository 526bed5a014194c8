//! Compile-fail and compile-pass cases of the DSL.
//!
//! The `.stderr` files are pinned to rustc 1.95 (the toolchain CI builds with). On any other
//! compiler the ui test is skipped and `wrong_rustc_version` fails loudly instead, so a
//! toolchain bump cannot silently skip every case. Regenerate the expectations with
//! `TRYBUILD=overwrite cargo test -p authscheme-ui-tests` and review the diff.

#[rustversion::attr(not(stable(1.95)), ignore = "ui expectations are pinned to rustc 1.95")]
#[test]
fn ui() {
    let cases = trybuild::TestCases::new();
    cases.compile_fail("tests/ui/**/*.rs");
    cases.pass("tests/pass/*.rs");
}

#[rustversion::not(stable(1.95))]
#[test]
fn wrong_rustc_version() {
    panic!(
        "the ui tests are pinned to rustc 1.95; run them with that toolchain or update the pin \
         and regenerate the .stderr files"
    );
}
