//! JSON Pointers (RFC 6901) built on the stack while walking a value.
//!
//! Readers and writers pass a [`Pointer`] down as they descend; it is rendered to a string
//! only when an error is reported, so the happy path never allocates for it.

use std::fmt::Write as _;

/// Where a value sits inside the object being read or written.
#[derive(Clone, Copy, Debug)]
pub(crate) enum Pointer<'a> {
    /// The object itself (rendered as the empty pointer `""`).
    Root,
    /// A member of an object.
    Key(&'a Pointer<'a>, &'a str),
    /// An element of an array.
    Index(&'a Pointer<'a>, usize),
}

impl<'a> Pointer<'a> {
    /// The member `key` of the object at `self`.
    pub(crate) const fn key(&'a self, key: &'a str) -> Self {
        Self::Key(self, key)
    }

    /// The element `index` of the array at `self`.
    pub(crate) const fn index(&'a self, index: usize) -> Self {
        Self::Index(self, index)
    }

    /// The pointer as a string, with `~` and `/` escaped as RFC 6901 §3 requires.
    pub(crate) fn render(&self) -> String {
        let mut out = String::new();
        self.write_to(&mut out);
        out
    }

    fn write_to(&self, out: &mut String) {
        match self {
            Self::Root => {}
            Self::Key(parent, key) => {
                parent.write_to(out);
                out.push('/');
                for c in key.chars() {
                    match c {
                        '~' => out.push_str("~0"),
                        '/' => out.push_str("~1"),
                        c => out.push(c),
                    }
                }
            }
            Self::Index(parent, index) => {
                parent.write_to(out);
                // Writing to a `String` cannot fail.
                let _ = write!(out, "/{index}");
            }
        }
    }
}

#[cfg(test)]
mod tests {
    use super::Pointer;

    #[test]
    fn renders_and_escapes() {
        let root = Pointer::Root;
        assert_eq!(root.render(), "");
        let flows = root.key("flows");
        let scopes = flows.key("scopes");
        let scope = scopes.key("read/pets~1");
        assert_eq!(scope.render(), "/flows/scopes/read~1pets~01");
        let list = root.key("api_key");
        assert_eq!(list.index(2).render(), "/api_key/2");
    }
}
