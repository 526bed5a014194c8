//! What `#[derive(SecurityScheme)]` and `scopes!` expansions name, under
//! `::authscheme::__private`. Not part of the public API: it changes in any release, which is
//! why `authscheme-macros` is pinned with `=`.
//!
//! The derive writes the impl itself (`macros/src/expand/security_scheme.rs`), naming only
//! what is here: `const fn`s whose parameters have distinct types, and struct literals with
//! named fields. The tests at the end of this file write one expansion of each shape by hand,
//! so that a change here that the derive does not follow fails this crate's own tests too.

pub use crate::compose::{ApiKeyHeader, Elsewhere, InAuthorization};
pub use crate::credentials::{
    ApiKey, ApiKeyConfig, BasicConfig, BasicCredentials, BearerToken, ClientCertificate,
    Credentials, DigestCredentials, HttpConfig, HttpCredentials,
};
pub use crate::openapi;
pub use crate::openapi::{
    ApiKeyLocation, Extension, ExtensionValue, FlowKind, List, OAuthFlow, OAuthFlows,
    OpenApiVersion, Scope, SecuritySchemeKind, Text,
};
pub use crate::scheme::{Declaration, SecurityScheme};
pub use crate::scopes::{MAX_SCOPES, ScopeAt, ScopeMarker, ScopeSet, Scopes};
pub use ::core::option::Option::{None, Some};
pub use http::HeaderName;

/// An OAuth flow as the derive writes it: by field name, as its four URLs share a type and
/// positional arguments could be swapped unnoticed. [`Flow::build`] checks that the URLs fit
/// the kind.
pub struct Flow {
    /// Which flow this is.
    pub kind: FlowKind,
    /// `authorizationUrl`: implicit and authorization code flows.
    pub authorization_url: Option<&'static str>,
    /// `deviceAuthorizationUrl`: device authorization flow.
    pub device_authorization_url: Option<&'static str>,
    /// `tokenUrl`: every flow but implicit.
    pub token_url: Option<&'static str>,
    /// `refreshUrl`, optional on every flow.
    pub refresh_url: Option<&'static str>,
    /// The flow's scopes with their descriptions.
    pub scopes: &'static [Scope],
    /// The flow's `x-` extensions.
    pub extensions: &'static [Extension],
}

impl Flow {
    /// The OpenAPI flow.
    ///
    /// # Panics
    ///
    /// If the URLs given do not fit the kind (in a `const` context: a compile error).
    #[must_use]
    pub const fn build(self) -> OAuthFlow {
        OAuthFlow::declared(
            self.kind,
            self.authorization_url,
            self.device_authorization_url,
            self.token_url,
            self.refresh_url,
            self.scopes,
            self.extensions,
        )
    }
}

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

/// The derive's expansion snapshots (`macros/src/tests/snapshots/`; the stand-in impl's
/// snapshot holds its `compile_error!`s, and is the same code with other values), compiled as this crate's
/// own code: a change of `__private` that the derive does not follow fails to build here,
/// not only in a user's crate. `AUTHSCHEME_BLESS=1 cargo test -p authscheme-macros --lib`
/// rewrites the snapshots from the derive.
#[cfg(test)]
#[allow(
    dead_code,
    unreachable_pub,
    missing_docs,
    clippy::all,
    clippy::pedantic
)]
mod expansions {
    use crate::SecurityScheme;
    use crate::openapi::{OpenApiVersion, SecuritySchemeKind};

    macro_rules! snapshot {
        ($name:literal) => {
            include!(concat!(
                env!("CARGO_MANIFEST_DIR"),
                "/../macros/src/tests/snapshots/",
                $name,
                ".expanded.rs"
            ));
        };
    }

    mod oauth2_flat {
        pub struct ItemsAuth;
        snapshot!("oauth2_flat");
    }
    mod oauth2_flows {
        pub struct PetstoreAuth;
        snapshot!("oauth2_flows");
    }
    mod openid_connect {
        pub struct Oidc;
        snapshot!("openid_connect");
    }
    mod api_key {
        mod my {
            pub mod auth {
                pub use crate::__private;
            }
        }
        pub struct KeyAuth<'a, T: Clone, const N: usize>
        where
            T: Default,
        {
            key: &'a T,
        }
        snapshot!("api_key");
    }
    mod http_basic {
        pub struct Admin;
        snapshot!("http_basic");
    }
    mod http_bearer {
        pub struct Jwt;
        snapshot!("http_bearer");
    }
    mod http_custom {
        pub enum Scram {}
        snapshot!("http_custom");
    }
    mod mutual_tls {
        pub struct ClientCert;
        snapshot!("mutual_tls");
    }

    #[test]
    fn the_snapshots_are_working_impls() {
        let flows = oauth2_flows::PetstoreAuth::openapi();
        let SecuritySchemeKind::OAuth2 { flows, .. } = &flows.kind else {
            panic!("oauth2 expands to an OAuth2 scheme: {flows:?}");
        };
        assert!(flows.client_credentials.is_some() && flows.authorization_code.is_some());
        assert_eq!(
            oauth2_flat::ItemsAuth::SCOPES,
            ["items:read", "items:write"]
        );
        assert_eq!(api_key::KeyAuth::<'static, u8, 1>::CONFIG.name, "X-API-Key");
        assert_eq!(http_custom::Scram::CONFIG.scheme, "SCRAM-SHA-256");
        assert_eq!(
            mutual_tls::ClientCert::MIN_OPENAPI_VERSION,
            OpenApiVersion::V3_1
        );
        assert!(!http_basic::Admin::DECLARATION.errored);
        let jwt = http_bearer::Jwt::DECLARATION;
        assert_eq!(jwt.issuer, Some("https://idp.example.com"));
        assert_eq!(jwt.audience, Some("urn:example:items-api"));
        assert_eq!(http_basic::Admin::DECLARATION.issuer, None);
    }
}
