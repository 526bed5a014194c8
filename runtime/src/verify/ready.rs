//! Ready verifiers for the common checks: a list of API keys ([`ApiKeys`]), a table of Basic
//! users ([`BasicUsers`]), and any function ([`verify_fn`], [`verify_with`]).
//! How their comparisons keep time: the parent module's "Timing" section.

use std::borrow::Cow;
use std::fmt;
use std::future::Future;
use std::pin::Pin;
use std::sync::Arc;

use http::request::Parts;
use subtle::{Choice, ConditionallySelectable, ConstantTimeEq};

use super::{Grant, Reason, Verifier, VerifyError};
use crate::credentials::{ApiKey, BasicCredentials, BearerToken};
use crate::{ScopeSet, SecurityScheme};

/// A stored secret, zero-padded to the width of its table so that every comparison reads
/// the same number of bytes.
struct Secret {
    padded: Box<[u8]>,
    len: usize,
}

impl Secret {
    fn new(secret: &[u8], width: usize) -> Self {
        let mut padded = vec![0; width];
        padded[..secret.len()].copy_from_slice(secret);
        Self {
            padded: padded.into_boxed_slice(),
            len: secret.len(),
        }
    }

    /// Whether `presented` equals this secret: the lengths and all `width` bytes are
    /// compared, whatever they hold. Only `presented`'s own length decides a branch.
    fn matches(&self, presented: &[u8]) -> Choice {
        // usize → u64 is lossless on every platform Rust supports.
        let mut equal = (presented.len() as u64).ct_eq(&(self.len as u64));
        for (i, stored) in self.padded.iter().enumerate() {
            equal &= presented.get(i).copied().unwrap_or(0).ct_eq(stored);
        }
        equal
    }
}

/// The index of the first entry for which `matches` holds, looking at every entry.
fn first_match<T>(entries: &[T], matches: impl Fn(&T) -> Choice) -> Option<usize> {
    let mut found = Choice::from(0);
    let mut index = 0u64;
    for (i, entry) in entries.iter().enumerate() {
        let here = matches(entry);
        index.conditional_assign(&(i as u64), here & !found);
        found |= here;
    }
    // Branching here tells only whether some entry matched, which the answer tells anyway.
    bool::from(found).then(|| usize::try_from(index).unwrap_or(usize::MAX))
}

/// Credentials that are one secret string: what [`ApiKeys`] compares.
///
/// Implemented for [`ApiKey`] (`apiKey` schemes) and [`BearerToken`] (static bearer tokens
/// of `http` bearer, `oauth2` and `openIdConnect` schemes); sealed.
///
/// ```
/// use authscheme::credentials::{ApiKey, BearerToken};
/// use authscheme::verify::KeyCredentials;
///
/// fn secret_of<C: KeyCredentials>(credentials: &C) -> usize {
///     credentials.secret().len()
/// }
/// # let _ = secret_of::<ApiKey>;
/// # let _ = secret_of::<BearerToken>;
/// ```
pub trait KeyCredentials: sealed::Sealed {
    /// The secret's bytes.
    fn secret(&self) -> &[u8];
}

impl KeyCredentials for ApiKey {
    fn secret(&self) -> &[u8] {
        self.as_bytes()
    }
}

impl KeyCredentials for BearerToken {
    fn secret(&self) -> &[u8] {
        self.as_bytes()
    }
}

mod sealed {
    pub trait Sealed {}
    impl Sealed for crate::credentials::ApiKey {}
    impl Sealed for crate::credentials::BearerToken {}
}

/// Accepts a fixed set of keys: a [`Verifier`] for any scheme whose credentials are an
/// [`ApiKey`] or a [`BearerToken`] (see [`KeyCredentials`]). The principal is the matched
/// key's label: its index for [`ApiKeys::new`], the label you chose for
/// [`ApiKeys::labelled`]. No scopes are granted.
///
/// An unknown key is 401 `{"detail":"Could not validate credentials"}` (or the detail of
/// [`with_detail`](ApiKeys::with_detail)) with the scheme's
/// challenge, and the reason [`Reason::UnknownCredentials`] in the logs. Keys are compared
/// in constant time against every key (see [Timing](crate::verify#timing)). An empty key never
/// matches: a request with an empty key presents none. `Debug` prints the labels, never a
/// key; cloning is cheap (the keys are shared).
///
/// ```
/// use authscheme::verify::ApiKeys;
/// use authscheme::{SecurityScheme, Verified};
///
/// #[derive(SecurityScheme)]
/// #[api_key(header = "X-API-Key")]
/// struct ServiceKey;
///
/// // One line: the principal is the index of the key that matched.
/// let keys = ApiKeys::new(["k1-0123456789", "k2-9876543210"]);
/// assert_eq!(format!("{keys:?}"), "ApiKeys { labels: [0, 1], .. }");
///
/// // With labels of your own (any `Clone + Send + Sync` type).
/// let services = ApiKeys::labelled([("billing", "k1-0123456789"), ("search", "k2-9876543210")]);
///
/// async fn handler(service: Verified<ServiceKey, ApiKeys<&'static str>>) -> String {
///     format!("hello, {}", service.principal())
/// }
/// # let _ = (services, handler);
/// ```
pub struct ApiKeys<P = usize> {
    table: Arc<KeyTable<P>>,
    /// The detail of the 401 for an unknown key.
    detail: Cow<'static, str>,
}

struct KeyTable<P> {
    entries: Vec<(P, Secret)>,
}

impl ApiKeys {
    /// Accepts any of `keys`; the principal is the index of the key that matched.
    ///
    /// ```
    /// use authscheme::verify::ApiKeys;
    ///
    /// let keys = ApiKeys::new(vec![String::from("from-the-environment")]);
    /// assert_eq!(keys.len(), 1);
    /// ```
    pub fn new<K: AsRef<str>>(keys: impl IntoIterator<Item = K>) -> Self {
        ApiKeys::labelled(keys.into_iter().enumerate())
    }
}

impl<P> ApiKeys<P> {
    /// Accepts the key of each `(label, key)` pair; the principal is the label of the key
    /// that matched (the first one, if a key is listed twice).
    ///
    /// ```
    /// use authscheme::verify::ApiKeys;
    ///
    /// #[derive(Clone, Debug, PartialEq)]
    /// enum Client {
    ///     Billing,
    ///     Search,
    /// }
    /// let keys = ApiKeys::labelled([(Client::Billing, "k1"), (Client::Search, "k2")]);
    /// assert_eq!(format!("{keys:?}"), "ApiKeys { labels: [Billing, Search], .. }");
    /// ```
    pub fn labelled<K: AsRef<str>>(entries: impl IntoIterator<Item = (P, K)>) -> Self {
        let entries: Vec<(P, K)> = entries.into_iter().collect();
        let width = entries
            .iter()
            .map(|(_, key)| key.as_ref().len())
            .max()
            .unwrap_or(0);
        let entries = entries
            .into_iter()
            .map(|(label, key)| (label, Secret::new(key.as_ref().as_bytes(), width)))
            .collect();
        Self {
            table: Arc::new(KeyTable { entries }),
            detail: Cow::Borrowed(VerifyError::COULD_NOT_VALIDATE),
        }
    }

    /// The same keys, answering an unknown key with `detail` instead of
    /// [`VerifyError::COULD_NOT_VALIDATE`]. Never put a key in it.
    ///
    /// ```
    /// use authscheme::verify::ApiKeys;
    ///
    /// let keys = ApiKeys::new(["k1-0123456789"]).with_detail("Invalid API key");
    /// assert_eq!(keys.len(), 1);
    /// ```
    #[must_use]
    pub fn with_detail(mut self, detail: impl Into<Cow<'static, str>>) -> Self {
        self.detail = detail.into();
        self
    }

    /// How many keys are accepted.
    ///
    /// ```
    /// use authscheme::verify::ApiKeys;
    ///
    /// assert_eq!(ApiKeys::new(["a", "b"]).len(), 2);
    /// ```
    pub fn len(&self) -> usize {
        self.table.entries.len()
    }

    /// Whether no key is accepted (every request is refused).
    ///
    /// ```
    /// use authscheme::verify::ApiKeys;
    ///
    /// assert!(ApiKeys::new(Vec::<String>::new()).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.table.entries.is_empty()
    }

    /// The label of the key equal to `presented`, compared in constant time against every
    /// key.
    fn find(&self, presented: &[u8]) -> Option<&P> {
        // An empty configured key would match nothing a request can carry; say so plainly.
        if presented.is_empty() {
            return None;
        }
        let entries = &self.table.entries;
        first_match(entries, |(_, secret)| secret.matches(presented)).map(|i| &entries[i].0)
    }
}

impl<P> Clone for ApiKeys<P> {
    fn clone(&self) -> Self {
        Self {
            table: Arc::clone(&self.table),
            detail: self.detail.clone(),
        }
    }
}

impl<P: fmt::Debug> fmt::Debug for ApiKeys<P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let labels: Vec<&P> = self.table.entries.iter().map(|(label, _)| label).collect();
        f.debug_struct("ApiKeys")
            .field("labels", &labels)
            .finish_non_exhaustive()
    }
}

impl<S, P> Verifier<S> for ApiKeys<P>
where
    S: SecurityScheme,
    S::Credentials: KeyCredentials,
    P: Clone + Send + Sync + 'static,
{
    type Principal = P;

    async fn verify(
        &self,
        credentials: &S::Credentials,
        _parts: &Parts,
    ) -> Result<Grant<S, P>, VerifyError> {
        match self.find(credentials.secret()) {
            Some(label) => Ok(Grant::new(label.clone(), ScopeSet::EMPTY)),
            None => {
                Err(VerifyError::invalid(self.detail.clone())
                    .with_reason(Reason::UnknownCredentials))
            }
        }
    }
}

/// Accepts a fixed table of HTTP Basic users and passwords: a [`Verifier`] for any scheme
/// whose credentials are [`BasicCredentials`]. The principal is the username. No scopes are
/// granted.
///
/// An unknown user or a wrong password is 401 `{"detail":"Incorrect username or password"}`
/// (FastAPI's HTTP Basic tutorial) with the scheme's `Basic` challenge, and the reason
/// [`Reason::UnknownCredentials`] in the logs. Every username and password is compared in
/// constant time (see [Timing](crate::verify#timing)), so the answer does not tell an unknown user
/// from a wrong password, by its text or by its timing. `Debug` prints the usernames, never
/// a password; cloning is cheap.
///
/// The passwords are kept as given, in memory: this suits a few operator accounts (an admin
/// page, a metrics endpoint). For real users, keep password hashes and check them in a
/// [`verify_fn`] or your own [`Verifier`].
///
/// ```
/// use std::sync::Arc;
///
/// use authscheme::verify::BasicUsers;
/// use authscheme::{SecurityScheme, Verified};
///
/// #[derive(SecurityScheme)]
/// #[http(basic, realm = "admin")]
/// struct Admin;
///
/// let users = BasicUsers::new([("admin", "correct horse"), ("ops", "battery staple")]);
/// assert_eq!(format!("{users:?}"), r#"BasicUsers { usernames: ["admin", "ops"], .. }"#);
///
/// async fn handler(user: Verified<Admin, BasicUsers>) -> String {
///     let name: &Arc<str> = user.principal();
///     format!("hello, {name}")
/// }
/// # let _ = handler;
/// ```
#[derive(Clone)]
pub struct BasicUsers {
    table: Arc<UserTable>,
}

struct UserTable {
    entries: Vec<UserEntry>,
}

struct UserEntry {
    name: Arc<str>,
    username: Secret,
    password: Secret,
}

impl BasicUsers {
    /// The detail of FastAPI's HTTP Basic tutorial for a wrong username or password.
    pub const INCORRECT: &'static str = "Incorrect username or password";

    /// Accepts each `(username, password)` pair.
    ///
    /// ```
    /// use authscheme::verify::BasicUsers;
    ///
    /// let users = BasicUsers::new([("admin", "secret")]);
    /// assert_eq!(users.len(), 1);
    /// ```
    pub fn new<U: AsRef<str>, W: AsRef<str>>(users: impl IntoIterator<Item = (U, W)>) -> Self {
        let users: Vec<(U, W)> = users.into_iter().collect();
        let user_width = users.iter().map(|(u, _)| u.as_ref().len()).max();
        let pass_width = users.iter().map(|(_, p)| p.as_ref().len()).max();
        let entries = users
            .iter()
            .map(|(username, password)| UserEntry {
                name: Arc::from(username.as_ref()),
                username: Secret::new(username.as_ref().as_bytes(), user_width.unwrap_or(0)),
                password: Secret::new(password.as_ref().as_bytes(), pass_width.unwrap_or(0)),
            })
            .collect();
        Self {
            table: Arc::new(UserTable { entries }),
        }
    }

    /// How many users are accepted.
    ///
    /// ```
    /// use authscheme::verify::BasicUsers;
    ///
    /// assert_eq!(BasicUsers::new([("a", "1"), ("b", "2")]).len(), 2);
    /// ```
    pub fn len(&self) -> usize {
        self.table.entries.len()
    }

    /// Whether no user is accepted (every request is refused).
    ///
    /// ```
    /// use authscheme::verify::BasicUsers;
    ///
    /// assert!(BasicUsers::new(Vec::<(String, String)>::new()).is_empty());
    /// ```
    pub fn is_empty(&self) -> bool {
        self.table.entries.is_empty()
    }

    /// The username of the entry matching both `username` and `password`, compared in
    /// constant time against every entry: the check of a token endpoint's password grant.
    ///
    /// ```
    /// use authscheme::verify::BasicUsers;
    ///
    /// let users = BasicUsers::new([("alice", "wonderland")]);
    /// assert_eq!(users.authenticate("alice", "wonderland").map(|name| &**name), Some("alice"));
    /// assert!(users.authenticate("alice", "looking glass").is_none());
    /// ```
    pub fn authenticate(&self, username: &str, password: &str) -> Option<&Arc<str>> {
        let entries = &self.table.entries;
        first_match(entries, |entry| {
            // `&`, not `&&`: the password is compared even when the username differs.
            entry.username.matches(username.as_bytes())
                & entry.password.matches(password.as_bytes())
        })
        .map(|i| &entries[i].name)
    }
}

impl fmt::Debug for BasicUsers {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let usernames: Vec<&str> = self.table.entries.iter().map(|e| &*e.name).collect();
        f.debug_struct("BasicUsers")
            .field("usernames", &usernames)
            .finish_non_exhaustive()
    }
}

impl<S> Verifier<S> for BasicUsers
where
    S: SecurityScheme<Credentials = BasicCredentials>,
{
    type Principal = Arc<str>;

    async fn verify(
        &self,
        credentials: &BasicCredentials,
        _parts: &Parts,
    ) -> Result<Grant<S, Arc<str>>, VerifyError> {
        match self.authenticate(credentials.username(), credentials.password()) {
            Some(name) => Ok(Grant::new(Arc::clone(name), ScopeSet::EMPTY)),
            None => {
                Err(VerifyError::invalid(Self::INCORRECT).with_reason(Reason::UnknownCredentials))
            }
        }
    }
}

/// What a verifying function answers: at once, or after awaiting.
enum Outcome<P> {
    Ready(Result<P, VerifyError>),
    Pending(Pin<Box<dyn Future<Output = Result<P, VerifyError>> + Send>>),
}

type CheckFn<C, P> = dyn Fn(&C, &Parts) -> Outcome<P> + Send + Sync;

/// A [`Verifier`] made of a function of the credentials `C` and the request head, which
/// answers with the principal `P` or a [`VerifyError`]; no scopes are granted (implement
/// [`Verifier`] to grant some). Build one with [`verify_fn`] or [`verify_with`]; it verifies
/// every scheme whose credentials are `C`.
///
/// The function is type-erased, so that the verifier can be named in a handler's signature
/// (`Verified<ServiceKey, FnVerifier<ApiKey, String>>`); cloning is cheap (it is shared).
/// `Debug` prints nothing of the function.
///
/// ```
/// use authscheme::credentials::ApiKey;
/// use authscheme::verify::{FnVerifier, VerifyError, verify_fn};
///
/// let verifier: FnVerifier<ApiKey, String> =
///     verify_fn(|key, _parts| Err(VerifyError::default()));
/// assert_eq!(format!("{verifier:?}"), "FnVerifier { .. }");
/// ```
pub struct FnVerifier<C, P> {
    check: Arc<CheckFn<C, P>>,
}

impl<C, P> Clone for FnVerifier<C, P> {
    fn clone(&self) -> Self {
        Self {
            check: Arc::clone(&self.check),
        }
    }
}

impl<C, P> fmt::Debug for FnVerifier<C, P> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("FnVerifier").finish_non_exhaustive()
    }
}

/// A [`Verifier`] from a synchronous function: `check(credentials, parts)` answers with the
/// principal or a [`VerifyError`]. For lookups in memory (a map of keys, a list of tokens);
/// nothing is allocated per request.
///
/// ```
/// use std::collections::HashMap;
/// use std::sync::Arc;
///
/// use authscheme::credentials::ApiKey;
/// use authscheme::verify::{FnVerifier, Reason, VerifyError, verify_fn};
/// use authscheme::{SecurityScheme, Verified};
/// use http::request::Parts;
///
/// #[derive(SecurityScheme)]
/// #[api_key(header = "X-API-Key")]
/// struct ServiceKey;
///
/// let tenants: Arc<HashMap<String, String>> = Arc::new(HashMap::from([
///     ("key-of-acme".to_owned(), "acme".to_owned()),
/// ]));
/// let verifier = verify_fn(move |key: &ApiKey, _parts: &Parts| {
///     // A hash map is not constant-time: fine for keys of high entropy; prefer `ApiKeys` else.
///     tenants
///         .get(key.as_str())
///         .cloned()
///         .ok_or_else(|| VerifyError::default().with_reason(Reason::UnknownCredentials))
/// });
///
/// async fn handler(tenant: Verified<ServiceKey, FnVerifier<ApiKey, String>>) -> String {
///     format!("hello, {}", tenant.principal())
/// }
/// # let _ = (verifier, handler);
/// ```
pub fn verify_fn<C, P, F>(check: F) -> FnVerifier<C, P>
where
    C: 'static,
    P: 'static,
    F: Fn(&C, &Parts) -> Result<P, VerifyError> + Send + Sync + 'static,
{
    FnVerifier {
        check: Arc::new(move |credentials: &C, parts: &Parts| {
            Outcome::Ready(check(credentials, parts))
        }),
    }
}

/// A [`Verifier`] from an asynchronous function: `check(credentials, parts)` returns a
/// future of the principal or a [`VerifyError`] (a database query, a call to an
/// introspection endpoint…). The future is boxed, one allocation per request.
///
/// The function runs with the credentials borrowed and returns a future that owns what it
/// needs (`'static`): copy the key or token out before the `async move` block.
///
/// ```
/// use authscheme::credentials::BearerToken;
/// use authscheme::verify::{FnVerifier, Reason, VerifyError, verify_with};
/// use authscheme::{SecurityScheme, Verified};
/// use http::request::Parts;
///
/// #[derive(SecurityScheme)]
/// #[http(bearer)]
/// struct Session;
///
/// /// Stands for a database lookup.
/// async fn user_of_session(token: String) -> Option<String> {
///     (token == "session-1").then(|| "alice".to_owned())
/// }
///
/// let verifier = verify_with(|token: &BearerToken, _parts: &Parts| {
///     let token = token.token().to_owned();
///     async move {
///         user_of_session(token)
///             .await
///             .ok_or_else(|| VerifyError::default().with_reason(Reason::Revoked))
///     }
/// });
///
/// async fn handler(user: Verified<Session, FnVerifier<BearerToken, String>>) -> String {
///     format!("hello, {}", user.principal())
/// }
/// # let _ = (verifier, handler);
/// ```
pub fn verify_with<C, P, F, Fut>(check: F) -> FnVerifier<C, P>
where
    C: 'static,
    P: 'static,
    F: Fn(&C, &Parts) -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<P, VerifyError>> + Send + 'static,
{
    FnVerifier {
        check: Arc::new(move |credentials: &C, parts: &Parts| {
            Outcome::Pending(Box::pin(check(credentials, parts)))
        }),
    }
}

impl<S, P> Verifier<S> for FnVerifier<S::Credentials, P>
where
    S: SecurityScheme,
    P: Clone + Send + Sync + 'static,
{
    type Principal = P;

    async fn verify(
        &self,
        credentials: &S::Credentials,
        parts: &Parts,
    ) -> Result<Grant<S, P>, VerifyError> {
        let principal = match (self.check)(credentials, parts) {
            Outcome::Ready(result) => result,
            Outcome::Pending(future) => future.await,
        }?;
        Ok(Grant::new(principal, ScopeSet::EMPTY))
    }
}

#[cfg(test)]
mod tests {
    use base64::Engine as _;
    use base64::engine::general_purpose::STANDARD;

    use super::*;
    use crate::credentials::{ApiKeyConfig, BasicConfig, Credentials};
    use crate::openapi::{self, ApiKeyLocation, OpenApiVersion};

    struct Key;

    impl SecurityScheme for Key {
        const DECLARATION: crate::Declaration =
            crate::Declaration::new("Key", &[], OpenApiVersion::V3_0);
        type Credentials = ApiKey;
        const CONFIG: ApiKeyConfig = ApiKeyConfig::new(ApiKeyLocation::Header, "x-key");
        const OPENAPI: openapi::SecurityScheme =
            openapi::SecurityScheme::api_key("x-key", ApiKeyLocation::Header);
    }

    struct Token;

    impl SecurityScheme for Token {
        const DECLARATION: crate::Declaration =
            crate::Declaration::new("Token", &[], OpenApiVersion::V3_0);
        type Credentials = BearerToken;
        const CONFIG: () = ();
        const OPENAPI: openapi::SecurityScheme = openapi::SecurityScheme::bearer(None);
    }

    struct Admin;

    impl SecurityScheme for Admin {
        const DECLARATION: crate::Declaration =
            crate::Declaration::new("Admin", &[], OpenApiVersion::V3_0);
        type Credentials = BasicCredentials;
        const CONFIG: BasicConfig = BasicConfig::new(Some("admin"), r#"Basic realm="admin""#);
        const OPENAPI: openapi::SecurityScheme = openapi::SecurityScheme::http("basic");
    }

    /// Polls `future` to completion with a no-op waker (nothing here waits on I/O).
    fn block_on<F: Future>(future: F) -> F::Output {
        let mut future = std::pin::pin!(future);
        let mut context = std::task::Context::from_waker(std::task::Waker::noop());
        loop {
            if let std::task::Poll::Ready(output) = future.as_mut().poll(&mut context) {
                return output;
            }
        }
    }

    fn parts_with(name: &str, value: &str) -> Parts {
        let request = http::Request::get("/")
            .header(name, value)
            .body(())
            .expect("a request");
        request.into_parts().0
    }

    fn verify<S: SecurityScheme, V: Verifier<S>>(
        verifier: &V,
        parts: &Parts,
    ) -> Result<V::Principal, VerifyError> {
        let credentials = S::Credentials::extract(parts, &S::CONFIG)
            .expect("well-formed")
            .expect("present");
        block_on(verifier.verify(&credentials, parts)).map(|grant| grant.into_parts().0)
    }

    fn key(verifier: &impl Verifier<Key, Principal = impl Sized>, key: &str) -> bool {
        verify::<Key, _>(verifier, &parts_with("x-key", key)).is_ok()
    }

    #[test]
    fn api_keys_accept_exactly_their_keys() {
        let keys = ApiKeys::new(["alpha-key", "beta", "a-much-longer-gamma-key"]);
        for (i, accepted) in ["alpha-key", "beta", "a-much-longer-gamma-key"]
            .into_iter()
            .enumerate()
        {
            assert_eq!(
                verify::<Key, _>(&keys, &parts_with("x-key", accepted)).ok(),
                Some(i)
            );
        }
        // Prefixes, extensions, a key padded as stored, another case: all refused.
        for refused in [
            "alpha",
            "alpha-key2",
            "betaa",
            "bet",
            "BETA",
            "beta ",
            "a-much-longer-gamma-key-and-more",
        ] {
            assert!(!key(&keys, refused), "{refused:?} was accepted");
        }
        let error = verify::<Key, _>(&keys, &parts_with("x-key", "nope")).unwrap_err();
        assert_eq!(error.detail(), VerifyError::COULD_NOT_VALIDATE);
        assert_eq!(error.reason(), Some(&Reason::UnknownCredentials));
        let rejection = error.into_rejection::<Key>();
        assert_eq!(rejection.status(), 401);
        assert_eq!(rejection.challenges()[0], "APIKey");
    }

    #[test]
    fn api_keys_label_the_first_match_and_work_for_bearer_tokens() {
        let keys = ApiKeys::labelled([("first", "same"), ("second", "same"), ("other", "x")]);
        assert_eq!(
            verify::<Key, _>(&keys, &parts_with("x-key", "same")).ok(),
            Some("first")
        );
        let bearer = parts_with("authorization", "Bearer same");
        assert_eq!(verify::<Token, _>(&keys, &bearer).ok(), Some("first"));
        let error = verify::<Token, _>(&keys, &parts_with("authorization", "Bearer y"))
            .unwrap_err()
            .into_rejection::<Token>();
        assert_eq!(error.challenges()[0], r#"Bearer error="invalid_token""#);
    }

    #[test]
    fn empty_tables_and_empty_keys_refuse() {
        let none = ApiKeys::new(Vec::<&str>::new());
        assert!(!key(&none, "anything"));
        // An empty configured key never matches; the comparison itself refuses "" too.
        let empty = ApiKeys::new([""]);
        assert!(!key(&empty, "a"));
        assert!(empty.find(b"").is_none());
    }

    fn basic(username: &str, password: &str) -> Parts {
        let encoded = STANDARD.encode(format!("{username}:{password}"));
        parts_with("authorization", &format!("Basic {encoded}"))
    }

    #[test]
    fn basic_users_need_the_user_and_its_own_password() {
        let users = BasicUsers::new([("admin", "s3cret"), ("ops", "hunter2"), ("a", "")]);
        let principal = verify::<Admin, _>(&users, &basic("admin", "s3cret")).expect("admin");
        assert_eq!(&*principal, "admin");
        assert_eq!(
            verify::<Admin, _>(&users, &basic("ops", "hunter2"))
                .as_deref()
                .ok(),
            Some("ops")
        );
        // An empty password is a password like any other.
        assert_eq!(
            verify::<Admin, _>(&users, &basic("a", "")).as_deref().ok(),
            Some("a")
        );
        for (username, password) in [
            ("admin", "hunter2"), // another user's password
            ("admin", "s3cre"),
            ("admin", "s3cret!"),
            ("Admin", "s3cret"),
            ("nobody", "s3cret"),
            ("", ""),
            ("a", "x"),
        ] {
            let error = verify::<Admin, _>(&users, &basic(username, password)).unwrap_err();
            assert_eq!(
                error.detail(),
                BasicUsers::INCORRECT,
                "{username}:{password}"
            );
            assert_eq!(error.reason(), Some(&Reason::UnknownCredentials));
        }
        let rejection = verify::<Admin, _>(&users, &basic("x", "y"))
            .unwrap_err()
            .into_rejection::<Admin>();
        assert_eq!(rejection.challenges()[0], r#"Basic realm="admin""#);
    }

    #[test]
    fn debug_never_prints_a_secret() {
        let keys = ApiKeys::labelled([("billing", "key-of-billing")]);
        let users = BasicUsers::new([("admin", "password-of-admin")]);
        let printed = format!("{keys:?} {users:?} {:?}", ApiKeys::new(["plain-key"]));
        assert!(
            printed.contains("billing") && printed.contains("admin"),
            "{printed}"
        );
        for secret in ["key-of-billing", "password-of-admin", "plain-key"] {
            assert!(!printed.contains(secret), "{printed}");
        }
    }

    #[test]
    fn function_verifiers_answer_with_the_principal() {
        let sync = verify_fn(|key: &ApiKey, parts: &Parts| {
            if key.matches("k") && parts.headers.contains_key("x-tenant") {
                Ok(format!(
                    "tenant {}",
                    parts.headers["x-tenant"].to_str().unwrap_or("?")
                ))
            } else {
                Err(VerifyError::invalid("No tenant").with_reason("no x-tenant header"))
            }
        });
        let mut parts = parts_with("x-key", "k");
        let error = verify::<Key, _>(&sync, &parts).unwrap_err();
        assert_eq!(error.detail(), "No tenant");
        assert_eq!(error.reason(), Some(&Reason::from("no x-tenant header")));
        parts
            .headers
            .insert("x-tenant", http::HeaderValue::from_static("acme"));
        assert_eq!(
            verify::<Key, _>(&sync, &parts).ok().as_deref(),
            Some("tenant acme")
        );

        let asynchronous = verify_with(|token: &BearerToken, _: &Parts| {
            let token = token.token().to_owned();
            async move {
                // A real await point: the verifier must drive the boxed future.
                std::future::ready(()).await;
                if token == "t1" {
                    Ok(1_u32)
                } else {
                    Err(VerifyError::default())
                }
            }
        });
        let ok = parts_with("authorization", "Bearer t1");
        assert_eq!(verify::<Token, _>(&asynchronous, &ok).ok(), Some(1));
        let bad = parts_with("authorization", "Bearer t2");
        assert!(verify::<Token, _>(&asynchronous.clone(), &bad).is_err());
    }
}
