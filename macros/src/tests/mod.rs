//! Unit tests of the whole pipeline on `proc_macro2` token streams.
