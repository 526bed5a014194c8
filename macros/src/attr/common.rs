//! Pieces every attribute shares: duplicate-checked slots, literal readers, the keys every kind
//! accepts and the "unknown key" error with its suggestion.

use proc_macro2::{TokenStream, TokenTree};
use quote::{ToTokens, quote};
use syn::ext::IdentExt as _;
use syn::meta::ParseNestedMeta;
use syn::parse::{ParseStream, Parser as _};
use syn::{Ident, LitBool, LitStr, Token, token};

use super::Context;
use super::extensions::{self, ExtensionEntry};
use crate::ctxt::Ctxt;
use crate::symbol::{
    self, API_KEY, AUDIENCE, AUTHORIZATION_URL, BEARER, COMMON_KEYS, CRATE, DEPRECATED,
    DESCRIPTION, EXTENSIONS, FORMAT, HTTP, ISSUER, MUTUAL_TLS, NAME, OAUTH2, OPENAPI,
    OPENID_CONNECT, REFRESH_URL, ROLES, Symbol, TOKEN_URL, URL,
};

/// A value together with the key that introduced it (for "does not apply" errors).
pub(crate) struct Keyed<T> {
    pub(crate) key: Ident,
    pub(crate) value: T,
}

/// One key's slot: set at most once; a second occurrence is an error on the second key.
pub(crate) struct Attr<T> {
    slot: Option<Keyed<T>>,
}

impl<T> Attr<T> {
    pub(crate) const fn none() -> Self {
        Self { slot: None }
    }

    /// Stores `value`, or reports `key` as a duplicate (CT-A5), with a note on the first.
    pub(crate) fn set(&mut self, cx: &Ctxt, key: &Ident, value: T, context: &Context<'_>) {
        if let Some(first) = &self.slot {
            cx.duplicate(
                key,
                format!("duplicate `{key}` in `{context}`"),
                &first.key,
                format!("first `{key}` here"),
            );
        } else {
            self.slot = Some(Keyed {
                key: key.clone(),
                value,
            });
        }
    }

    /// Whether a value was stored.
    pub(crate) fn is_set(&self) -> bool {
        self.slot.is_some()
    }

    pub(crate) fn get(&self) -> Option<&T> {
        self.slot.as_ref().map(|keyed| &keyed.value)
    }

    pub(crate) fn keyed(&self) -> Option<&Keyed<T>> {
        self.slot.as_ref()
    }

    pub(crate) fn key(&self) -> Option<&Ident> {
        self.slot.as_ref().map(|keyed| &keyed.key)
    }
}

/// The keys every kind attribute accepts.
pub(crate) struct Common {
    /// `name = "..."`
    pub(crate) name: Attr<LitStr>,
    /// `description = "..."`
    pub(crate) description: Attr<LitStr>,
    /// `extensions("x-key" = value, ..)`
    pub(crate) extensions: Attr<Vec<ExtensionEntry>>,
    /// `deprecated` or `deprecated = true`
    pub(crate) deprecated: Attr<LitBool>,
    /// `openapi = "3.1"`
    pub(crate) openapi: Attr<LitStr>,
    /// `crate = "path"`
    pub(crate) krate: Attr<LitStr>,
}

impl Common {
    pub(crate) const fn new() -> Self {
        Self {
            name: Attr::none(),
            description: Attr::none(),
            extensions: Attr::none(),
            deprecated: Attr::none(),
            openapi: Attr::none(),
            krate: Attr::none(),
        }
    }

    /// Reads `key` if it is a common key; `Ok(false)` when it is not one.
    pub(crate) fn parse_key(
        &mut self,
        cx: &Ctxt,
        meta: &ParseNestedMeta,
        key: &Ident,
        context: &Context<'_>,
    ) -> syn::Result<bool> {
        if key == NAME {
            // #[oauth2(name = "petstore_auth")]
            if let Some(value) = lit_str(cx, meta, key)? {
                self.name.set(cx, key, value, context);
            }
        } else if key == DESCRIPTION {
            // #[oauth2(description = "...")]
            if let Some(value) = lit_str(cx, meta, key)? {
                self.description.set(cx, key, value, context);
            }
        } else if key == EXTENSIONS {
            // #[oauth2(extensions("x-client-id" = "petstore-ui", "x-internal" = true))]
            if let Some(value) = extensions::parse(cx, meta, key)? {
                self.extensions.set(cx, key, value, context);
            }
        } else if key == DEPRECATED {
            // #[oauth2(deprecated)] or #[oauth2(deprecated = true)]
            if let Some(value) = flag_or_bool(cx, meta, key)? {
                self.deprecated.set(cx, key, value, context);
            }
        } else if key == OPENAPI {
            // #[oauth2(openapi = "3.1")]
            if let Some(value) = lit_str(cx, meta, key)? {
                self.openapi.set(cx, key, value, context);
            }
        } else if key == CRATE {
            // #[oauth2(crate = "my_crate::authscheme")]
            if let Some(value) = lit_str(cx, meta, key)? {
                self.krate.set(cx, key, value, context);
            }
        } else {
            return Ok(false);
        }
        Ok(true)
    }
}

/// The keys of the kinds whose credentials are bearer tokens (`#[oauth2]`, `#[openid_connect]`,
/// `#[http(..)]`, where validation allows them with `bearer` only): the claims the tokens must
/// carry.
pub(crate) struct TokenClaims {
    /// `issuer = "..."`: the expected `iss`.
    pub(crate) issuer: Attr<LitStr>,
    /// `audience = "..."`: the expected `aud`, this resource server (RFC 8707).
    pub(crate) audience: Attr<LitStr>,
}

impl TokenClaims {
    pub(crate) const fn new() -> Self {
        Self {
            issuer: Attr::none(),
            audience: Attr::none(),
        }
    }

    /// Reads `key` if it is `issuer` or `audience`; `Ok(false)` when it is neither.
    pub(crate) fn parse_key(
        &mut self,
        cx: &Ctxt,
        meta: &ParseNestedMeta,
        key: &Ident,
        context: &Context<'_>,
    ) -> syn::Result<bool> {
        let slot = if key == ISSUER {
            // #[oauth2(token_url = "/token", issuer = "https://idp.example.com")]
            &mut self.issuer
        } else if key == AUDIENCE {
            // #[http(bearer, audience = "https://api.example.com")]
            &mut self.audience
        } else {
            return Ok(false);
        };
        if let Some(value) = lit_str(cx, meta, key)? {
            slot.set(cx, key, value, context);
        }
        Ok(true)
    }
}

/// Consumes tokens up to the next top-level `,` (or the end), returning them.
pub(crate) fn skip_to_comma(input: ParseStream) -> syn::Result<TokenStream> {
    let mut tokens = TokenStream::new();
    while !input.is_empty() && !input.peek(Token![,]) {
        let tree: TokenTree = input.parse()?;
        tokens.extend([tree]);
    }
    Ok(tokens)
}

/// Reports an error on `key` plus what followed it, after skipping that value.
fn bad_value(cx: &Ctxt, meta: &ParseNestedMeta, key: &Ident, message: String) -> syn::Result<()> {
    let rest = skip_to_comma(meta.input)?;
    cx.error_spanned_by(quote!(#key #rest), message);
    Ok(())
}

/// `key = "..."`: a string literal without suffix.
pub(crate) fn lit_str(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    key: &Ident,
) -> syn::Result<Option<LitStr>> {
    if !meta.input.peek(Token![=]) {
        bad_value(cx, meta, key, format!("expected `{key} = \"...\"`"))?;
        return Ok(None);
    }
    meta.input.parse::<Token![=]>()?;
    if peek_lit_str(meta.input) {
        let lit: LitStr = meta.input.parse()?;
        if check_no_suffix(cx, &lit, lit.suffix()) {
            return Ok(Some(lit));
        }
        return Ok(None);
    }
    let value = skip_to_comma(meta.input)?;
    if value.is_empty() {
        cx.error_spanned_by(
            key,
            format!("expected a string after `{key} =`: `{key} = \"...\"`"),
        );
    } else {
        cx.error_spanned_by(
            value,
            format!("expected `{key}` to be a string: `{key} = \"...\"`"),
        );
    }
    Ok(None)
}

/// Reports a literal suffix (`"..."suffix`, `1u8`); `true` when there is none.
pub(crate) fn check_no_suffix(cx: &Ctxt, lit: &impl ToTokens, suffix: &str) -> bool {
    if suffix.is_empty() {
        true
    } else {
        cx.error_spanned_by(
            lit,
            format!("unexpected suffix `{suffix}` on literal; remove it"),
        );
        false
    }
}

/// After `key`, another key without the comma between them (`bearer format = ".."`): reports
/// ``expected `,` after `key` `` on the next token and skips to the next comma. `key` counts as
/// written, so that no "missing key" error follows.
fn missing_comma(cx: &Ctxt, meta: &ParseNestedMeta, key: &Ident) -> syn::Result<bool> {
    if !meta.input.peek(Ident::peek_any) {
        return Ok(false);
    }
    cx.error_at(meta.input.span(), format!("expected `,` after `{key}`"));
    skip_to_comma(meta.input)?;
    Ok(true)
}

/// `key` alone, as a flag (`basic`).
pub(crate) fn flag(cx: &Ctxt, meta: &ParseNestedMeta, key: &Ident) -> syn::Result<bool> {
    if meta.input.is_empty() || meta.input.peek(Token![,]) {
        return Ok(true);
    }
    if missing_comma(cx, meta, key)? {
        return Ok(true);
    }
    // #[http(bearer = "JWT")]: the value is most likely the token format.
    let hint = if key == BEARER && meta.input.peek(Token![=]) && meta.input.peek2(LitStr) {
        let fork = meta.input.fork();
        fork.parse::<Token![=]>()?;
        let format: LitStr = fork.parse()?;
        format!(
            "; for the token format, write `bearer, format = {}`",
            format.token()
        )
    } else {
        String::new()
    };
    bad_value(
        cx,
        meta,
        key,
        format!("`{key}` takes no value; write `{key}` alone{hint}"),
    )?;
    Ok(false)
}

/// `key` alone (meaning `true`) or `key = true` / `key = false`.
pub(crate) fn flag_or_bool(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    key: &Ident,
) -> syn::Result<Option<LitBool>> {
    if meta.input.is_empty() || meta.input.peek(Token![,]) {
        return Ok(Some(LitBool::new(true, key.span())));
    }
    if missing_comma(cx, meta, key)? {
        return Ok(Some(LitBool::new(true, key.span())));
    }
    if !meta.input.peek(Token![=]) {
        bad_value(cx, meta, key, format!("expected `{key}` or `{key} = true`"))?;
        return Ok(None);
    }
    meta.input.parse::<Token![=]>()?;
    if meta.input.peek(LitBool) {
        return Ok(Some(meta.input.parse()?));
    }
    let value = skip_to_comma(meta.input)?;
    if value.is_empty() {
        cx.error_spanned_by(key, format!("expected `true` or `false` after `{key} =`"));
    } else {
        cx.error_spanned_by(value, format!("expected `{key}` to be `true` or `false`"));
    }
    Ok(None)
}

/// Parses a parenthesized group with `parse`, in a buffer of its own: a syntax error inside
/// is recorded and the rest of the attribute is still read.
pub(crate) fn parenthesized<T>(
    cx: &Ctxt,
    input: ParseStream,
    parse: impl FnOnce(ParseStream) -> syn::Result<T>,
) -> syn::Result<Option<T>> {
    let content;
    syn::parenthesized!(content in input);
    let tokens: TokenStream = content.parse()?;
    match parse.parse2(tokens) {
        Ok(value) => Ok(Some(value)),
        Err(error) => {
            cx.syn_error(error);
            Ok(None)
        }
    }
}

/// Reads `item, item, ..` (trailing comma allowed) where `item` reports its own errors.
pub(crate) fn comma_separated<T>(
    input: ParseStream,
    mut item: impl FnMut(ParseStream) -> syn::Result<Option<T>>,
) -> syn::Result<Vec<T>> {
    let mut items = Vec::new();
    while !input.is_empty() {
        if let Some(value) = item(input)? {
            items.push(value);
        }
        if input.is_empty() {
            break;
        }
        input.parse::<Token![,]>()?;
    }
    Ok(items)
}

/// `key(item, item, ..)`: a parenthesized, comma-separated list whose items report their own
/// errors. Without the parentheses, one error under `key ..` shows `expected`.
pub(crate) fn list<T>(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    key: &Ident,
    expected: &str,
    item: impl FnMut(ParseStream) -> syn::Result<Option<T>>,
) -> syn::Result<Option<Vec<T>>> {
    if !meta.input.peek(token::Paren) {
        bad_value(cx, meta, key, format!("expected `{expected}`"))?;
        return Ok(None);
    }
    parenthesized(cx, meta.input, |content| comma_separated(content, item))
}

/// `key("a", "b", ..)`: a list of string literals (roles, OpenID Connect scope names).
pub(crate) fn str_list(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    key: &Ident,
) -> syn::Result<Option<Vec<LitStr>>> {
    list(cx, meta, key, &format!("{key}(\"...\", ...)"), |input| {
        let what = if key == ROLES { "a role" } else { "a scope" };
        if stray_comma(cx, input, what) {
            return Ok(None);
        }
        if !peek_lit_str(input) {
            let tokens = skip_to_comma(input)?;
            cx.error_spanned_by(
                tokens,
                format!("expected a string literal in `{key}(...)`: `{key}(\"a\", \"b\")`"),
            );
            return Ok(None);
        }
        let lit: LitStr = input.parse()?;
        if !input.is_empty() && !input.peek(Token![,]) {
            let rest = skip_to_comma(input)?;
            cx.error_spanned_by(
                rest,
                format!("`{key}(...)` takes names only: `{key}(\"a\", \"b\")`"),
            );
            return Ok(None);
        }
        Ok(check_no_suffix(cx, &lit, lit.suffix()).then_some(lit))
    })
}

/// Whether a string literal (`"..."`, `r"..."`, `r#"..."#`) comes next.
///
/// The same answer as `peek_lit_str(input)`, which parses the literal's value to find out;
/// this looks at its first characters only. The derive runs unoptimised in users' debug
/// builds, and every string of every declaration is peeked at.
pub(crate) fn peek_lit_str(input: ParseStream) -> bool {
    input.cursor().literal().is_some_and(|(literal, _)| {
        let repr = literal.to_string();
        let mut chars = repr.chars();
        match chars.next() {
            Some('"') => true,
            Some('r') => matches!(chars.next(), Some('"' | '#')),
            _ => false,
        }
    })
}

/// An entry that is only a `,` (as in `"a",, "b"` or `(, "a")`): ``expected {what}, found `,` ``
/// on that comma, which the caller's list then consumes. `true` when reported.
pub(crate) fn stray_comma(cx: &Ctxt, input: ParseStream, what: &str) -> bool {
    if input.peek(Token![,]) {
        cx.error_at(input.span(), format!("expected {what}, found `,`"));
        true
    } else {
        false
    }
}

/// The error for a key that `context` does not accept: lists the accepted keys, suggests the
/// nearest one and says where the key belongs when it belongs to another kind.
pub(crate) fn unknown_key(
    cx: &Ctxt,
    meta: &ParseNestedMeta,
    context: &Context<'_>,
    expected: &[Symbol],
) -> syn::Result<()> {
    let key = path_to_string(&meta.path);
    skip_to_comma(meta.input)?;
    // The whole path (`openapi::format`), not only its first segment.
    cx.error_spanned_by(&meta.path, unknown_key_message(&key, context, expected));
    Ok(())
}

pub(crate) fn unknown_key_message(key: &str, context: &Context<'_>, expected: &[Symbol]) -> String {
    let list = expected
        .iter()
        .map(|symbol| format!("`{symbol}`"))
        .collect::<Vec<_>>()
        .join(", ");
    if let Some(hint) = special_hint(key, context) {
        return format!("unknown key `{key}` in `{context}`; {hint}");
    }
    if let Some(hint) = other_spelling(key, context, expected) {
        return format!("unknown key `{key}` in `{context}`; {hint}");
    }
    if let Some(hint) = cross_kind_hint(key, context) {
        return format!("`{key}` does not apply to `{context}`; {hint}");
    }
    if let Some(owner) = owning_kind(key, expected) {
        return format!(
            "`{key}` does not apply to `{context}`; it is a key of `#[{owner}(...)]`; expected one of: {list}"
        );
    }
    match did_you_mean(key, expected.iter().map(|symbol| symbol.as_str())) {
        Some(suggestion) => format!(
            "unknown key `{key}` in `{context}`; did you mean `{suggestion}`? expected one of: {list}"
        ),
        None => format!("unknown key `{key}` in `{context}`; expected one of: {list}"),
    }
}

/// Targeted advice for keys people bring from OpenAPI 2.0 or from the JSON spelling.
fn special_hint(key: &str, context: &Context<'_>) -> Option<String> {
    let hint = match key {
        "accessCode" | "access_code" => {
            "OpenAPI 3 renamed the `accessCode` flow `authorizationCode`: write `authorization_code(...)`"
        }
        "application" => {
            "OpenAPI 3 renamed the `application` flow `clientCredentials`: write `client_credentials(...)`"
        }
        "authorization_url" | "device_authorization_url" if context.is_kind(OAUTH2) => {
            return Some(format!(
                "`{key}` belongs inside a flow, e.g. `authorization_code(authorization_url = \"...\", token_url = \"...\")`, `implicit(authorization_url = \"...\")` or `device_authorization(device_authorization_url = \"...\", token_url = \"...\")`"
            ));
        }
        _ => return None,
    };
    Some(hint.to_owned())
}

/// How this DSL spells a field that OpenAPI or FastAPI spell otherwise.
struct OtherSpelling {
    /// What was written.
    written: &'static str,
    /// Where that spelling comes from (`OpenAPI's`, `FastAPI's`).
    source: &'static str,
    advice: Advice,
}

/// What to write instead of an [`OtherSpelling`].
enum Advice {
    /// This DSL's key for the same field: ``write `key = "..."` ``.
    Key(Symbol),
    /// The API key location, which this DSL writes as the key.
    Location,
    /// There is no key; the text says what to do instead.
    NoKey(&'static str),
}

const OTHER_SPELLINGS: &[OtherSpelling] = &[
    OtherSpelling {
        written: "openIdConnectUrl",
        source: "OpenAPI's",
        advice: Advice::Key(URL),
    },
    OtherSpelling {
        written: "openid_connect_url",
        source: "FastAPI's",
        advice: Advice::Key(URL),
    },
    OtherSpelling {
        written: "in",
        source: "OpenAPI's",
        advice: Advice::Location,
    },
    OtherSpelling {
        written: "bearerFormat",
        source: "OpenAPI's",
        advice: Advice::Key(FORMAT),
    },
    OtherSpelling {
        written: "bearer_format",
        source: "FastAPI's",
        advice: Advice::Key(FORMAT),
    },
    OtherSpelling {
        written: "tokenUrl",
        source: "OpenAPI's",
        advice: Advice::Key(TOKEN_URL),
    },
    OtherSpelling {
        written: "authorizationUrl",
        source: "OpenAPI's",
        advice: Advice::Key(AUTHORIZATION_URL),
    },
    OtherSpelling {
        written: "refreshUrl",
        source: "OpenAPI's",
        advice: Advice::Key(REFRESH_URL),
    },
    OtherSpelling {
        written: "scheme_name",
        source: "FastAPI's",
        advice: Advice::Key(NAME),
    },
    OtherSpelling {
        written: "auto_error",
        source: "FastAPI's",
        advice: Advice::NoKey(
            "there is no key: to make the credentials optional, use `Option<Auth<S>>` at the use site",
        ),
    },
];

/// `tokenUrl` → `token_url` and the like, when the DSL's key is one `context` accepts (else
/// the other hints say where it belongs).
fn other_spelling(key: &str, context: &Context<'_>, expected: &[Symbol]) -> Option<String> {
    let OtherSpelling { source, advice, .. } = OTHER_SPELLINGS
        .iter()
        .find(|spelling| spelling.written == key)?;
    match advice {
        Advice::Key(target) if !expected.contains(target) => {
            let target = target.as_str();
            if let Some(hint) = special_hint(target, context) {
                return Some(format!("{source} `{key}` is `{target}` here, and {hint}"));
            }
            let owner = owning_kind(target, expected)?;
            Some(format!(
                "{source} `{key}` is `{target}` of `#[{owner}(...)]` here"
            ))
        }
        Advice::Key(target) => Some(format!("for {source} `{key}`, write `{target} = \"...\"`")),
        Advice::Location if !context.is_kind(API_KEY) => Some(format!(
            "{source} `in` is the location of `#[api_key(...)]`, written as `header = \"...\"`, `query = \"...\"` or `cookie = \"...\"`"
        )),
        Advice::Location => Some(format!(
            "for {source} `{key}`, write the location as the key: `header = \"X-API-Key\"`, `query = \"api_key\"` or `cookie = \"session\"`"
        )),
        Advice::NoKey(text) => Some(format!("for {source} `{key}`, {text}")),
    }
}

/// A key that has a counterpart in `context`'s kind, or a place elsewhere: `roles` on OAuth
/// kinds, `scopes` on the others, `token_url` on OpenID Connect, `issuer` and `audience` off
/// the bearer-token kinds (on `#[http(..)]` validation refuses them unless it is `bearer`).
fn cross_kind_hint(key: &str, context: &Context<'_>) -> Option<&'static str> {
    let oauth = match *context {
        Context::Flow(_) => true,
        Context::Kind(kind) => kind == OAUTH2 || kind == OPENID_CONNECT,
    };
    let roles_kind = matches!(*context, Context::Kind(kind) if kind == API_KEY || kind == HTTP || kind == MUTUAL_TLS);
    match key {
        "roles" if oauth => {
            Some("OAuth schemes list what a requirement may ask for as scopes: use `scopes(...)`")
        }
        "scopes" if roles_kind => Some(
            "this kind has no OAuth scopes; to name what a requirement may ask for (OpenAPI 3.1+), use `roles(...)`",
        ),
        "token_url" | "authorization_url" | "refresh_url" if context.is_kind(OPENID_CONNECT) => {
            Some(
                "OpenID Connect endpoints come from the discovery document: use `url = \"https://.../.well-known/openid-configuration\"`",
            )
        }
        "issuer" | "audience" if context.is_kind(API_KEY) || context.is_kind(MUTUAL_TLS) => Some(
            "it applies to bearer-token schemes only: `#[oauth2(...)]`, `#[openid_connect(...)]` and `#[http(bearer, ...)]`",
        ),
        // `password(issuer = "..")`: the tokens are the scheme's, whichever flow issued them.
        "issuer" | "audience" if matches!(*context, Context::Flow(_)) => Some(
            "the tokens' issuer and audience are the scheme's, whichever flow obtained them: write it at the top of `#[oauth2(...)]`",
        ),
        _ => None,
    }
}

/// The kind attribute that accepts `key`, when `expected` (this context) does not.
fn owning_kind(key: &str, expected: &[Symbol]) -> Option<Symbol> {
    if expected.iter().any(|symbol| symbol.as_str() == key) {
        return None;
    }
    symbol::KINDS.iter().copied().find(|kind| {
        symbol::kind_keys(*kind)
            .iter()
            .any(|symbol| symbol.as_str() == key)
            && !COMMON_KEYS.iter().any(|symbol| symbol.as_str() == key)
    })
}

/// The candidate nearest to `key`, if it is near enough to be a likely typo.
pub(crate) fn did_you_mean<'a>(
    key: &str,
    candidates: impl IntoIterator<Item = &'a str>,
) -> Option<&'a str> {
    let normalized = normalize(key);
    let mut best: Option<(usize, &str)> = None;
    for candidate in candidates {
        if normalize(candidate) == normalized {
            return Some(candidate);
        }
        let distance = edit_distance(key, candidate);
        if best.is_none_or(|(best_distance, _)| distance < best_distance) {
            best = Some((distance, candidate));
        }
    }
    let limit = (key.chars().count() / 3).max(1);
    best.filter(|(distance, _)| *distance <= limit)
        .map(|(_, candidate)| candidate)
}

/// `tokenUrl`, `token-url` and `TOKEN_URL` all normalize to `tokenurl`.
fn normalize(key: &str) -> String {
    key.chars()
        .filter(|c| *c != '_' && *c != '-')
        .flat_map(char::to_lowercase)
        .collect()
}

/// Levenshtein distance over chars.
pub(crate) fn edit_distance(a: &str, b: &str) -> usize {
    let b: Vec<char> = b.chars().collect();
    let mut previous: Vec<usize> = (0..=b.len()).collect();
    let mut current = vec![0; b.len() + 1];
    for (i, ca) in a.chars().enumerate() {
        current[0] = i + 1;
        for (j, cb) in b.iter().enumerate() {
            let substitution = previous[j] + usize::from(ca != *cb);
            current[j + 1] = substitution.min(previous[j + 1] + 1).min(current[j] + 1);
        }
        std::mem::swap(&mut previous, &mut current);
    }
    previous[b.len()]
}

/// `a::b` without the spaces `ToTokens` would put in.
pub(crate) fn path_to_string(path: &syn::Path) -> String {
    let mut text = String::new();
    if path.leading_colon.is_some() {
        text.push_str("::");
    }
    for (index, segment) in path.segments.iter().enumerate() {
        if index > 0 {
            text.push_str("::");
        }
        text.push_str(&segment.ident.to_string());
    }
    text
}

#[cfg(test)]
mod tests {
    use super::{did_you_mean, edit_distance, unknown_key_message};
    use crate::attr::Context;
    use crate::symbol::{API_KEY, API_KEY_KEYS, OAUTH2, OAUTH2_KEYS};

    #[test]
    fn edit_distance_counts_single_edits() {
        assert_eq!(edit_distance("token_url", "token_url"), 0);
        assert_eq!(edit_distance("token_urll", "token_url"), 1);
        assert_eq!(edit_distance("tokne_url", "token_url"), 2);
        assert_eq!(edit_distance("", "abc"), 3);
        assert_eq!(edit_distance("kitten", "sitting"), 3);
    }

    #[test]
    fn suggestions() {
        let keys = OAUTH2_KEYS.iter().map(|symbol| symbol.as_str());
        assert_eq!(did_you_mean("token_urll", keys.clone()), Some("token_url"));
        assert_eq!(did_you_mean("tokenUrl", keys.clone()), Some("token_url"));
        assert_eq!(
            did_you_mean("clientCredentials", keys.clone()),
            Some("client_credentials")
        );
        assert_eq!(did_you_mean("zzz", keys), None);
    }

    #[test]
    fn messages() {
        assert_eq!(
            unknown_key_message("hedaer", &Context::Kind(API_KEY), API_KEY_KEYS),
            "unknown key `hedaer` in `#[api_key(...)]`; did you mean `header`? expected one of: `header`, `query`, `cookie`, `roles`"
        );
        assert_eq!(
            unknown_key_message("realm", &Context::Kind(API_KEY), API_KEY_KEYS),
            "`realm` does not apply to `#[api_key(...)]`; it is a key of `#[http(...)]`; expected one of: `header`, `query`, `cookie`, `roles`"
        );
        assert!(
            unknown_key_message("accessCode", &Context::Kind(OAUTH2), OAUTH2_KEYS)
                .contains("write `authorization_code(...)`")
        );
    }
}
