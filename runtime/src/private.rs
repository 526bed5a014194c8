//! What `#[derive(SecurityScheme)]` and `scopes!` expansions name, under
//! `::authscheme::__private`. Not part of the public API: it changes in any release, which is
//! why `authscheme-macros` is pinned with `=`.

pub use crate::credentials::{
    ApiKey, ApiKeyConfig, BasicConfig, BasicCredentials, BearerToken, ClientCertificate,
    Credentials, DigestCredentials, HttpConfig, HttpCredentials,
};
pub use crate::openapi;
pub use crate::openapi::{
    ApiKeyLocation, Extension, ExtensionValue, FlowKind, OAuthFlow, OAuthFlows, OpenApiVersion,
    Scope, SecuritySchemeKind, Text,
};
pub use crate::scheme::{Declaration, SecurityScheme};
pub use crate::scopes::{MAX_SCOPES, ScopeAt, ScopeMarker, ScopeSet, Scopes};
pub use crate::{
    __extension as extension, __flow_slot as flow_slot,
    __impl_security_scheme as impl_security_scheme,
};
pub use http::HeaderName;

mod derive;

/// The type `scopes!(S: "a", "b")` names, by the indices of its scopes:
/// `Scopes<S, (ScopeAt<0, a>, ScopeAt<1, b>)>`.
/// An alias per arity keeps the type the user's code holds simple, for the reader and for
/// clippy's `type_complexity` (which counts the nesting of the written type, not of what it
/// stands for); compiler messages show the markers it resolves to.
macro_rules! scopes_aliases {
    ($($alias:ident: $($index:ident)*;)*) => {
        $(
            #[doc = concat!("`scopes!` with ", stringify!($alias), "'s number of names.")]
            pub type $alias<S, $(const $index: u32),*> =
                Scopes<S, ($(ScopeAt<$index, <S as ScopeMarker<$index>>::Marker>,)*)>;
        )*
    };
}

scopes_aliases! {
    Scopes1: A;
    Scopes2: A B;
    Scopes3: A B C;
    Scopes4: A B C D;
    Scopes5: A B C D E;
    Scopes6: A B C D E F;
    Scopes7: A B C D E F G;
    Scopes8: A B C D E F G H;
    Scopes9: A B C D E F G H I;
    Scopes10: A B C D E F G H I J;
    Scopes11: A B C D E F G H I J K;
    Scopes12: A B C D E F G H I J K L;
}

/// What `scope_index` answers for a scheme whose declaration failed to compile: its error is
/// already reported, and this marker keeps `scopes!` from adding a second one.
pub const ERRORED: u32 = u32::MAX;

/// The marker behind [`ERRORED`]; it stands for no scope.
pub struct Errored;

// For every type, not only schemes: `scopes!(NotAScheme: "a")` then reports the missing
// `SecurityScheme` impl once, at `scope_index`, rather than again through this impl.
impl<S> ScopeMarker<ERRORED> for S {
    type Marker = Errored;
}

/// The size of the buffer `scope_bit` writes its message into; longer lists are cut.
const MESSAGE_CAPACITY: usize = 1024;

/// The index of scope `name` in `S::SCOPES`, for `scopes!(S: "name")` in a `const` context.
///
/// # Panics
///
/// When `S` does not declare `name` (a compile error, as this runs in a `const`), with a
/// message naming the scheme (`scheme` is how the user spelt its type) and listing what it
/// declares.
pub const fn scope_index<S: SecurityScheme>(scheme: &str, name: &str) -> u32 {
    let declared = S::SCOPES;
    let mut index = 0;
    while index < declared.len() {
        if str_eq(declared[index], name) {
            assert!(
                index < MAX_SCOPES,
                "a scheme declares more than 128 scopes, the most a `ScopeSet` holds"
            );
            #[allow(
                clippy::cast_possible_truncation,
                reason = "below MAX_SCOPES, checked above"
            )]
            return index as u32;
        }
        index += 1;
    }
    let declaration = S::DECLARATION;
    if declaration.errored {
        // The declaration already failed to compile; don't add a second error.
        return ERRORED;
    }
    let noun = declaration.noun;
    let mut message = Message::new();
    message.push(noun);
    message.push(" `");
    message.push(name);
    message.push("` is not declared by `");
    message.push(scheme);
    if declared.is_empty() {
        message.push("`, which declares no ");
        message.push(noun);
        message.push("s");
    } else {
        message.push("`; declared ");
        message.push(noun);
        message.push("s: ");
        let mut index = 0;
        while index < declared.len() {
            if index > 0 {
                message.push(", ");
            }
            message.push("`");
            message.push(declared[index]);
            message.push("`");
            index += 1;
        }
    }
    panic!("{}", message.as_str())
}

const fn str_eq(a: &str, b: &str) -> bool {
    let (a, b) = (a.as_bytes(), b.as_bytes());
    if a.len() != b.len() {
        return false;
    }
    let mut index = 0;
    while index < a.len() {
        if a[index] != b[index] {
            return false;
        }
        index += 1;
    }
    true
}

/// A message built in a `const fn`: a fixed buffer, cut with `…` when full.
struct Message {
    buffer: [u8; MESSAGE_CAPACITY],
    len: usize,
    truncated: bool,
}

impl Message {
    const ELLIPSIS: &'static [u8] = "…".as_bytes();

    const fn new() -> Self {
        Self {
            buffer: [0; MESSAGE_CAPACITY],
            len: 0,
            truncated: false,
        }
    }

    const fn push(&mut self, text: &str) {
        let bytes = text.as_bytes();
        let room = MESSAGE_CAPACITY - Self::ELLIPSIS.len();
        let mut index = 0;
        while index < bytes.len() && !self.truncated {
            if self.len == room {
                self.truncated = true;
            } else {
                self.buffer[self.len] = bytes[index];
                self.len += 1;
                index += 1;
            }
        }
    }

    const fn as_str(&mut self) -> &str {
        let mut len = self.len;
        if self.truncated {
            // Drop a character cut in half, then append the ellipsis.
            len = match core::str::from_utf8(self.buffer.split_at(len).0) {
                Ok(_) => len,
                Err(error) => error.valid_up_to(),
            };
            let mut index = 0;
            while index < Self::ELLIPSIS.len() {
                self.buffer[len] = Self::ELLIPSIS[index];
                len += 1;
                index += 1;
            }
        }
        match core::str::from_utf8(self.buffer.split_at(len).0) {
            Ok(text) => text,
            Err(_) => "a scope is not declared by the scheme",
        }
    }
}

#[cfg(test)]
mod tests {
    use super::{MESSAGE_CAPACITY, Message};

    #[test]
    fn message_is_cut_on_a_char_boundary() {
        let mut message = Message::new();
        for _ in 0..MESSAGE_CAPACITY {
            message.push("é");
        }
        let text = message.as_str();
        assert!(text.ends_with('…'));
        assert!(text.len() <= MESSAGE_CAPACITY);
        assert!(text.trim_end_matches('…').chars().all(|c| c == 'é'));
    }

    #[test]
    fn short_message_is_kept_whole() {
        let mut message = Message::new();
        message.push("scope `a`");
        message.push(" is not declared");
        assert_eq!(message.as_str(), "scope `a` is not declared");
    }
}
