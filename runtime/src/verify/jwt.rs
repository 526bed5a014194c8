//! A ready [`Verifier`] for JWT bearer tokens (feature `jwt`).

use std::borrow::Cow;
use std::fmt;
use std::marker::PhantomData;
use std::sync::Arc;

use http::request::Parts;
use jsonwebtoken::errors::ErrorKind;
use jsonwebtoken::{DecodingKey, Header, Validation};
use serde::Deserialize;
use serde::de::{DeserializeOwned, Deserializer, IgnoredAny, MapAccess, SeqAccess, Visitor};
use serde_json::Value;
use serde_json::value::RawValue;

use super::token_cache::{KeyId, TokenStore};
use super::{Grant, Reason, TokenCache, Verifier, VerifyError};
use crate::credentials::BearerToken;
use crate::{Declaration, ScopeSet, SecurityScheme};

/// Verifies JWT bearer tokens with [`jsonwebtoken`]: the signature, then the claims as the
/// [`Validation`] and the table below say; the principal is the claims, deserialized as `T`.
///
/// The granted scopes are the declared names among the `scope` and `scp` claims; names the
/// scheme does not declare are ignored. Any failure is a 401 with `WWW-Authenticate: Bearer
/// error="invalid_token"`: `{"detail":"Token has expired"}` for an expired token,
/// `{"detail":"Could not validate credentials"}` otherwise. Why is not disclosed: it is the
/// [`Reason`] of the rejection's debug event, which names claims, never their values.
///
/// # What is checked
///
/// With `Validation::new(alg)`, as in the example below. "Fixed" rows hold whatever the
/// `Validation` says; the others are [`Validation`]'s own defaults, and its fields change them.
///
/// | Check | Default | Changed by |
/// |---|---|---|
/// | Signature | verified with the key given to [`new`](Self::new) only: the header's `kid`, `jwk`, `jku`, `x5u` and `x5c` neither pick nor fetch a key | fixed |
/// | Algorithm | `alg` only; every accepted algorithm must be of the key's family, and `none` is not one (an unsigned token is malformed) | `algorithms` |
/// | `exp` | required; refused once past (`Token has expired`) | `validate_exp`, `required_spec_claims` |
/// | `nbf` | optional; when present, refused until then | fixed: `new` sets `validate_nbf` |
/// | Leeway | 60 s, on `exp` and `nbf` | `leeway` |
/// | Early expiry | none: a token is good until its `exp` | `reject_tokens_expiring_in_less_than` |
/// | `aud` | none expected: a token with an `aud` is refused | `set_audience` (checked when present; add `"aud"` to `required_spec_claims` to require it), `validate_aud` |
/// | declared `aud` | a scheme declaring `audience = ".."` requires an `aud` that names it, whatever the `Validation` says (a `set_audience` is then checked too) | the declaration |
/// | `iss` | not compared | `set_issuer` (checked when present; add `"iss"` to `required_spec_claims` to require it) |
/// | declared `iss` | a scheme declaring `issuer = ".."` requires an `iss` equal to it | the declaration |
/// | `sub` | not compared | `sub` |
/// | Required claims | `exp` only | `required_spec_claims` |
/// | Shape of `aud`, `iss`, `sub` | `aud` and `iss` a string or an array of strings, `sub` a string: any other value (`null` too) is refused rather than skipped | fixed |
/// | `crit` header (RFC 7515 §4.1.11) | refused whenever present: no extension is understood | fixed |
/// | `scope`, `scp` | a string of space-separated names (RFC 8693 §4.2) or an array of strings, one name each: any other value (`null` too) is refused, never read as no scopes | fixed |
/// | `typ` header, `iat`, `jti`, other claims | not checked: `T` may read them | — |
/// | Token cache | none: every token's signature is checked | [`with_token_cache`](Self::with_token_cache) (see [`TokenCache`]) |
///
/// To expect an audience, set it and require the claim:
/// `validation.set_audience(&["https://api.example"])` and
/// `validation.set_required_spec_claims(&["exp", "aud"])`.
///
/// Cloning is cheap (the key and validation are shared). Signatures are checked with
/// `jsonwebtoken`'s pure-Rust `rust_crypto` backend, or with aws-lc-rs under this crate's
/// `aws_lc_rs` feature (much faster for RSA and ECDSA; see [`install_crypto_backend`]).
///
/// ```
/// use authscheme::jsonwebtoken::{Algorithm, DecodingKey, Validation};
/// use authscheme::verify::JwtVerifier;
/// use authscheme::{SecurityScheme, Verified};
///
/// #[derive(SecurityScheme)]
/// #[oauth2(token_url = "/token", scopes("items:read" = "items:read", "items:write" = "items:write"))]
/// struct ItemsAuth;
///
/// #[derive(Clone, serde::Deserialize)]
/// struct Claims {
///     sub: String,
/// }
///
/// let verifier: JwtVerifier<Claims> =
///     JwtVerifier::new(DecodingKey::from_secret(b"secret"), Validation::new(Algorithm::HS256));
///
/// // In a handler: the claims of a valid token with at least the required scopes.
/// async fn items(user: Verified<ItemsAuth, JwtVerifier<Claims>>) -> String {
///     user.principal().sub.clone()
/// }
/// # let _ = (verifier, items);
/// ```
pub struct JwtVerifier<T = Value> {
    inner: Arc<Inner>,
    /// The verified tokens kept, with [`with_token_cache`](Self::with_token_cache).
    tokens: Option<Arc<TokenStore<T>>>,
}

struct Inner {
    key: DecodingKey,
    validation: Validation,
    /// `validation` for a scheme that declares its audience, when `validation` expects none:
    /// the declared audience is then the one expected, instead of any `aud` being refused.
    declared_audience: Validation,
}

impl<T> JwtVerifier<T> {
    /// A verifier checking tokens with `key` and `validation` (see the table above), and
    /// their `nbf` whatever `validation.validate_nbf` says.
    pub fn new(key: DecodingKey, mut validation: Validation) -> Self {
        // `Validation::new` leaves `nbf` unchecked, and a `false` set on purpose looks the same
        // as that default, so there is no opting out: a token is never good before the time
        // its issuer set, and clock skew is what `leeway` allows for.
        validation.validate_nbf = true;
        install_crypto_backend();
        let mut declared_audience = validation.clone();
        declared_audience.validate_aud = validation.validate_aud && validation.aud.is_some();
        Self {
            inner: Arc::new(Inner {
                key,
                validation,
                declared_audience,
            }),
            tokens: None,
        }
    }

    /// Keeps the tokens that verify, with the grant each earned, as `cache` says: a token
    /// presented again is answered from the cache, without checking its signature again. See
    /// [`TokenCache`] for the bounds and for when it is safe. Clones made afterwards share the
    /// cache.
    #[must_use]
    pub fn with_token_cache(mut self, cache: TokenCache) -> Self
    where
        T: Clone,
    {
        self.tokens = Some(Arc::new(TokenStore::new(cache)));
        self
    }
}

impl<T> Clone for JwtVerifier<T> {
    fn clone(&self) -> Self {
        Self {
            inner: Arc::clone(&self.inner),
            tokens: self.tokens.clone(),
        }
    }
}

impl<T> fmt::Debug for JwtVerifier<T> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.debug_struct("JwtVerifier")
            .field("algorithms", &self.inner.validation.algorithms)
            .field("token_cache", &self.tokens.is_some())
            .finish_non_exhaustive()
    }
}

impl<S, T> Verifier<S> for JwtVerifier<T>
where
    S: SecurityScheme<Credentials = BearerToken>,
    T: DeserializeOwned + Clone + Send + Sync + 'static,
{
    type Principal = T;

    async fn verify(
        &self,
        token: &BearerToken,
        _parts: &Parts,
    ) -> Result<Grant<S, T>, VerifyError> {
        let token = token.token();
        if let Some(tokens) = &self.tokens {
            // The verifier's one key never leaves it: every entry's key is trusted.
            if let Some(grant) = tokens.get(token, |_| true) {
                return Ok(grant);
            }
        }
        let validation = if S::DECLARATION.audience.is_some() {
            &self.inner.declared_audience
        } else {
            &self.inner.validation
        };
        let verified = verify_signed(token, &self.inner.key, validation)?;
        if let Some(tokens) = &self.tokens {
            tokens.insert(token, &verified.grant, verified.exp, KeyId::ONLY);
        }
        Ok(verified.grant)
    }
}

/// Makes `jsonwebtoken` use the crypto backend this crate was built for, before anything
/// signs or verifies. With the `aws_lc_rs` feature, `jsonwebtoken` is built with both of its
/// backends (the pure-Rust one comes with `jwt`), and then picks none by itself: every call
/// would panic until a provider is installed. This installs aws-lc-rs as the process
/// default, unless the application installed one first (that one is kept). Without the
/// feature it does nothing.
///
/// The verifiers call it when built. An application that signs tokens with `jsonwebtoken`
/// before it builds a verifier calls it first.
///
/// ```
/// authscheme::verify::install_crypto_backend();
/// ```
pub fn install_crypto_backend() {
    #[cfg(feature = "aws_lc_rs")]
    {
        use jsonwebtoken::crypto::{CryptoProvider, aws_lc};
        // `Err` means a provider is installed already: the application's choice stands.
        let _ = CryptoProvider::install_default(&aws_lc::DEFAULT_PROVIDER);
    }
}

/// The token's JOSE header, for a verifier that picks the key by it (the JWKS verifier, by
/// `kid`), refused when it asks for what no verifier here understands (see
/// [`check_critical_extensions`]): such a token then costs no cryptography. `decode_header`
/// is the parser `decode` uses: the header read is the one verified.
#[cfg(feature = "jwks")]
pub(super) fn read_header(token: &str) -> Result<Header, VerifyError> {
    let header = jsonwebtoken::decode_header(token).map_err(|error| refusal(error.kind()))?;
    check_critical_extensions(&header).map_err(could_not_validate)?;
    Ok(header)
}

/// The grant of a token once `key` verifies its signature, its header has no `crit` (see
/// [`check_critical_extensions`]), and its claims pass `validation` and the checks of the
/// table above. Both JWT verifiers end here, whichever way they found the key.
pub(super) fn verify_signed<S: SecurityScheme, T: DeserializeOwned>(
    token: &str,
    key: &DecodingKey,
    validation: &Validation,
) -> Result<Verification<S, T>, VerifyError> {
    // The claims are kept as their JSON text and read twice, borrowing from it: once for the
    // registered claims the verifier checks, once as `T`. Reading them into a `Value` first
    // would allocate a node per member, to be copied out of again.
    let data = jsonwebtoken::decode::<Box<RawValue>>(token, key, validation)
        .map_err(|error| refusal(error.kind()))?;
    check_critical_extensions(&data.header).map_err(could_not_validate)?;
    let text = data.claims.get();
    // `jsonwebtoken` parsed the same text; what can still fail here is a member twice.
    let registered: RegisteredClaims<'_> =
        serde_json::from_str(text).map_err(|_| could_not_validate(Reason::MalformedToken))?;
    check_registered_claim_shapes(&registered).map_err(could_not_validate)?;
    check_declared_binding(&S::DECLARATION, &registered).map_err(could_not_validate)?;
    let scopes = granted_scopes::<S>(&registered).map_err(could_not_validate)?;
    // serde's message quotes the offending value: the reason names no claim's value.
    let claims =
        serde_json::from_str(text).map_err(|_| could_not_validate(Reason::UnexpectedClaims))?;
    Ok(Verification {
        grant: Grant::new(claims, scopes),
        exp: registered.exp.and_then(|exp| seconds(exp.get())),
    })
}

/// What verifying a token found: its grant, and its `exp` for a [`TokenCache`] to stop at.
pub(super) struct Verification<S, T> {
    pub(super) grant: Grant<S, T>,
    pub(super) exp: Option<u64>,
}

/// A `NumericDate` (RFC 7519 §2: seconds, possibly fractional) as whole seconds; `None` for
/// any other JSON value. `jsonwebtoken` checked the claim already when it validates `exp`.
#[allow(
    clippy::cast_possible_truncation,
    clippy::cast_sign_loss,
    reason = "a finite, non-negative number of seconds; `as` saturates past `u64::MAX`"
)]
fn seconds(json: &str) -> Option<u64> {
    let seconds: f64 = serde_json::from_str(json).ok()?;
    (seconds.is_finite() && seconds >= 0.0).then_some(seconds as u64)
}

/// The 401 `Could not validate credentials`, with `reason` for the logs.
pub(super) fn could_not_validate(reason: Reason) -> VerifyError {
    VerifyError::default().with_reason(reason)
}

/// The answer to a token `jsonwebtoken` refused, with the reason for the logs. Only the kind
/// of error is kept: none of its texts can carry the token (the base64, JSON and UTF-8
/// errors are dropped whole, as their messages may quote input).
fn refusal(kind: &ErrorKind) -> VerifyError {
    let reason = match kind {
        ErrorKind::ExpiredSignature => {
            return VerifyError::invalid("Token has expired").with_reason(Reason::Expired);
        }
        ErrorKind::ImmatureSignature => Reason::NotYetValid,
        ErrorKind::InvalidSignature => Reason::BadSignature,
        ErrorKind::InvalidAlgorithm => Reason::WrongAlgorithm,
        ErrorKind::InvalidToken
        | ErrorKind::Base64(_)
        | ErrorKind::Json(_)
        | ErrorKind::Utf8(_)
        | ErrorKind::InvalidAlgorithmName => Reason::MalformedToken,
        // The claim names come from the `Validation` (`exp`, `sub`...), not from the token.
        ErrorKind::MissingRequiredClaim(claim) => Reason::MissingClaim(claim.clone().into()),
        ErrorKind::InvalidClaimFormat(claim) => Reason::InvalidClaim(claim.clone().into()),
        ErrorKind::InvalidAudience => Reason::WrongAudience,
        ErrorKind::InvalidIssuer => Reason::WrongIssuer,
        ErrorKind::InvalidSubject => Reason::WrongSubject,
        ErrorKind::InvalidEcdsaKey
        | ErrorKind::InvalidEddsaKey
        | ErrorKind::InvalidRsaKey(_)
        | ErrorKind::InvalidKeyFormat => {
            Reason::VerifierFailed("the decoding key is not usable".into())
        }
        ErrorKind::MissingAlgorithm | ErrorKind::UnsupportedAlgorithm => {
            Reason::VerifierFailed("the validation accepts no usable algorithm".into())
        }
        _ => Reason::VerifierFailed("jsonwebtoken refused the token".into()),
    };
    could_not_validate(reason)
}

/// The JWS header parameters RFC 7515 §4.1 registers (RFC 7518 registers none for JWS): a
/// `crit` must not list them.
const REGISTERED_HEADER_PARAMETERS: [&str; 11] = [
    "alg", "jku", "jwk", "kid", "x5u", "x5c", "x5t", "x5t#S256", "typ", "cty", "crit",
];

/// Refuses a header with a `crit` parameter (RFC 7515 §4.1.11): the extensions it lists must
/// be understood by the recipient, and this verifier understands none. An extension may
/// change what the signature covers (RFC 7797's `b64`), so a signature checked without
/// understanding it proves nothing: whether this runs before or after the signature check,
/// such a token is refused, with the same 401. A `crit` its producer
/// must not write (an empty list, a registered parameter, a name twice) is malformed; a `crit`
/// that is not a list of strings never gets here (`decode_header` fails on it).
fn check_critical_extensions(header: &Header) -> Result<(), Reason> {
    let Some(critical) = &header.crit else {
        return Ok(());
    };
    let malformed = critical.is_empty()
        || critical.iter().enumerate().any(|(index, name)| {
            REGISTERED_HEADER_PARAMETERS.contains(&name.as_str())
                || critical[..index].contains(name)
        });
    Err(if malformed {
        Reason::MalformedToken
    } else {
        Reason::UnsupportedCriticalHeader
    })
}

/// Refuses an `aud`, `iss` or `sub` of a shape `jsonwebtoken` cannot read: it skips such a
/// claim rather than compare it, so an `aud` written as a number would pass `set_audience`.
fn check_registered_claim_shapes(claims: &RegisteredClaims<'_>) -> Result<(), Reason> {
    claims.aud.refuse_other("aud")?;
    claims.iss.refuse_other("iss")?;
    match claims.sub {
        StringClaim::Absent | StringClaim::One(_) => Ok(()),
        StringClaim::Many(_) | StringClaim::Other => Err(Reason::InvalidClaim("sub".into())),
    }
}

/// Refuses a token that does not name the issuer and audience the scheme declares
/// (`#[oauth2(issuer = .., audience = ..)]`): whatever the verifier was configured with, a
/// scheme bound to one issuer and audience accepts no other, and requires both claims.
/// Runs after [`check_registered_claim_shapes`], so `aud` and `iss` are strings or arrays.
fn check_declared_binding(
    declaration: &Declaration,
    claims: &RegisteredClaims<'_>,
) -> Result<(), Reason> {
    if let Some(issuer) = declaration.issuer {
        match &claims.iss {
            StringClaim::Absent => return Err(Reason::MissingClaim("iss".into())),
            StringClaim::One(found) if found == issuer => {}
            _ => return Err(Reason::WrongIssuer),
        }
    }
    if let Some(audience) = declaration.audience {
        let named = match &claims.aud {
            StringClaim::Absent => return Err(Reason::MissingClaim("aud".into())),
            StringClaim::One(found) => found == audience,
            StringClaim::Many(found) => found.iter().any(|one| one == audience),
            StringClaim::Other => false,
        };
        if !named {
            return Err(Reason::WrongAudience);
        }
    }
    Ok(())
}

/// The declared scopes among the `scope` and `scp` claims: a string holds names separated by
/// spaces (RFC 8693 §4.2, RFC 9068 §2.2.3), an array one name per element (`scp` as Azure
/// writes it, `scope` as Spring Authorization Server does).
fn granted_scopes<S: SecurityScheme>(claims: &RegisteredClaims<'_>) -> Result<ScopeSet<S>, Reason> {
    Ok(scope_claim(&claims.scope, "scope")?.union(scope_claim(&claims.scp, "scp")?))
}

/// The declared scopes one of the scope claims names.
fn scope_claim<S: SecurityScheme>(
    claim: &StringClaim<'_>,
    name: &'static str,
) -> Result<ScopeSet<S>, Reason> {
    Ok(match claim {
        StringClaim::Absent => ScopeSet::EMPTY,
        StringClaim::One(names) => ScopeSet::from_names(names.split(' ')),
        StringClaim::Many(names) => ScopeSet::from_names(names.iter().map(|name| &**name)),
        StringClaim::Other => return Err(Reason::InvalidClaim(name.into())),
    })
}

/// The registered claims the verifier reads itself, borrowed from the claims' JSON text.
/// Each is read for its shape; the others are skipped unread.
#[derive(Default, Deserialize)]
#[serde(default)]
struct RegisteredClaims<'a> {
    #[serde(borrow)]
    aud: StringClaim<'a>,
    #[serde(borrow)]
    iss: StringClaim<'a>,
    #[serde(borrow)]
    sub: StringClaim<'a>,
    #[serde(borrow)]
    scope: StringClaim<'a>,
    #[serde(borrow)]
    scp: StringClaim<'a>,
    /// Kept as its text, whatever its type: only a [`TokenCache`] reads it.
    #[serde(borrow)]
    exp: Option<&'a RawValue>,
}

/// A claim that should hold a string or an array of strings (`aud`, `iss`, `sub`, `scope`,
/// `scp`). Any other shape (`null` too) is [`Other`](Self::Other), to be refused rather than
/// taken for an absent claim: a format the verifier does not read must not pass for a token
/// that claims nothing.
#[derive(Default)]
enum StringClaim<'a> {
    #[default]
    Absent,
    /// Borrowed from the JSON text unless it holds escapes.
    One(Cow<'a, str>),
    /// Every element is a string.
    Many(Vec<Cow<'a, str>>),
    Other,
}

impl StringClaim<'_> {
    fn refuse_other(&self, claim: &'static str) -> Result<(), Reason> {
        match self {
            Self::Other => Err(Reason::InvalidClaim(claim.into())),
            _ => Ok(()),
        }
    }
}

impl<'de: 'a, 'a> Deserialize<'de> for StringClaim<'a> {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        deserializer.deserialize_any(StringClaimVisitor(PhantomData))
    }
}

/// Sorts any JSON value into a [`StringClaim`]; every value is accepted (and consumed), so
/// the shape decides, never a parse error.
struct StringClaimVisitor<'a>(PhantomData<&'a ()>);

impl<'de: 'a, 'a> Visitor<'de> for StringClaimVisitor<'a> {
    type Value = StringClaim<'a>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("any JSON value")
    }

    fn visit_borrowed_str<E>(self, text: &'de str) -> Result<Self::Value, E> {
        Ok(StringClaim::One(Cow::Borrowed(text)))
    }

    fn visit_str<E>(self, text: &str) -> Result<Self::Value, E> {
        Ok(StringClaim::One(Cow::Owned(text.to_owned())))
    }

    fn visit_seq<A: SeqAccess<'de>>(self, mut elements: A) -> Result<Self::Value, A::Error> {
        let mut names = Vec::new();
        let mut all_strings = true;
        while let Some(element) = elements.next_element::<StringClaim<'a>>()? {
            match element {
                StringClaim::One(name) => names.push(name),
                _ => all_strings = false,
            }
        }
        Ok(if all_strings {
            StringClaim::Many(names)
        } else {
            StringClaim::Other
        })
    }

    fn visit_map<A: MapAccess<'de>>(self, mut members: A) -> Result<Self::Value, A::Error> {
        while members.next_entry::<IgnoredAny, IgnoredAny>()?.is_some() {}
        Ok(StringClaim::Other)
    }

    fn visit_bool<E>(self, _: bool) -> Result<Self::Value, E> {
        Ok(StringClaim::Other)
    }

    fn visit_i64<E>(self, _: i64) -> Result<Self::Value, E> {
        Ok(StringClaim::Other)
    }

    fn visit_u64<E>(self, _: u64) -> Result<Self::Value, E> {
        Ok(StringClaim::Other)
    }

    fn visit_f64<E>(self, _: f64) -> Result<Self::Value, E> {
        Ok(StringClaim::Other)
    }

    fn visit_unit<E>(self) -> Result<Self::Value, E> {
        Ok(StringClaim::Other)
    }
}

#[cfg(test)]
mod tests {
    use std::time::{SystemTime, UNIX_EPOCH};

    use jsonwebtoken::{Algorithm, EncodingKey, Header};
    use serde_json::json;

    use super::*;
    use crate::credentials::{BearerToken, Credentials};
    use crate::openapi;

    struct Jwt;

    impl SecurityScheme for Jwt {
        const DECLARATION: Declaration =
            Declaration::new("Jwt", &["read", "write"], openapi::OpenApiVersion::V3_0);
        type Credentials = BearerToken;
        const CONFIG: () = ();
        const OPENAPI: openapi::SecurityScheme = openapi::SecurityScheme::bearer(None);
    }

    const SECRET: &[u8] = b"unit-test-secret";

    fn now() -> u64 {
        SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .expect("after 1970")
            .as_secs()
    }

    fn sign(claims: &Value, secret: &[u8]) -> String {
        sign_with_header(&Header::new(Algorithm::HS256), claims, secret)
    }

    fn sign_with_header(header: &Header, claims: &Value, secret: &[u8]) -> String {
        jsonwebtoken::encode(header, claims, &EncodingKey::from_secret(secret)).expect("signs")
    }

    /// The verifier's answer to `token`, polled once: `verify` never waits.
    fn outcome<T>(token: &str, validation: Validation) -> Result<Grant<Jwt, T>, VerifyError>
    where
        T: DeserializeOwned + Clone + Send + Sync + 'static,
    {
        outcome_for::<Jwt, T>(token, validation)
    }

    /// [`outcome`] for the scheme `S`.
    fn outcome_for<S, T>(token: &str, validation: Validation) -> Result<Grant<S, T>, VerifyError>
    where
        S: SecurityScheme<Credentials = BearerToken>,
        T: DeserializeOwned + Clone + Send + Sync + 'static,
    {
        let verifier: JwtVerifier<T> =
            JwtVerifier::new(DecodingKey::from_secret(SECRET), validation);
        verify_with::<S, T>(&verifier, token)
    }

    /// `verifier`'s answer to `token` for the scheme `S`, polled once.
    fn verify_with<S, T>(verifier: &JwtVerifier<T>, token: &str) -> Result<Grant<S, T>, VerifyError>
    where
        S: SecurityScheme<Credentials = BearerToken>,
        T: DeserializeOwned + Clone + Send + Sync + 'static,
    {
        let request = http::Request::get("/")
            .header("authorization", format!("Bearer {token}"))
            .body(())
            .expect("a request");
        let (parts, ()) = request.into_parts();
        let credentials = BearerToken::extract(&parts, &())
            .expect("well-formed")
            .expect("present");
        let future = Verifier::<S>::verify(verifier, &credentials, &parts);
        let mut future = std::pin::pin!(future);
        let mut context = std::task::Context::from_waker(std::task::Waker::noop());
        match future.as_mut().poll(&mut context) {
            std::task::Poll::Ready(outcome) => outcome,
            std::task::Poll::Pending => unreachable!("JwtVerifier does not wait"),
        }
    }

    /// The verifier's refusal of `token`, read as [`Claims`].
    fn refusal_of(token: &str, validation: Validation) -> VerifyError {
        match outcome::<Claims>(token, validation) {
            Err(error) => error,
            Ok(_) => panic!("{token} was accepted"),
        }
    }

    #[derive(Clone, Debug, serde::Deserialize)]
    struct Claims {
        sub: String,
    }

    fn hs256() -> Validation {
        Validation::new(Algorithm::HS256)
    }

    /// HS256 with one change.
    fn hs256_and(change: impl FnOnce(&mut Validation)) -> Validation {
        let mut validation = hs256();
        change(&mut validation);
        validation
    }

    /// Every JSON shape is sorted, none is a parse error, and escaped strings are read.
    #[test]
    fn claims_are_sorted_by_shape_from_the_json_text() {
        let shape = |json: &str| match serde_json::from_str::<StringClaim<'_>>(json) {
            Ok(StringClaim::Absent) => "absent".to_owned(),
            Ok(StringClaim::One(one)) => format!("one {one}"),
            Ok(StringClaim::Many(many)) => format!("many {}", many.join(",")),
            Ok(StringClaim::Other) => "other".to_owned(),
            Err(error) => format!("error {error}"),
        };
        for (json, expected) in [
            (r#""a b""#, "one a b"),
            (r#""caf\u00e9 \"x\"""#, "one café \"x\""),
            (r#"["a", "b\n"]"#, "many a,b\n"),
            ("[]", "many "),
            (r#"["a", 1]"#, "other"),
            (r#"["a", ["b"]]"#, "other"),
            (r#"["a", {"b": [1, {"c": null}]}]"#, "other"),
            (r#"{"a": "b"}"#, "other"),
            ("null", "other"),
            ("true", "other"),
            ("-1", "other"),
            ("18446744073709551615", "other"),
            ("1.5e300", "other"),
        ] {
            assert_eq!(shape(json), expected, "{json}");
        }
        let claims: RegisteredClaims<'_> =
            serde_json::from_str(r#"{"aud": "x", "other": [1, {"scope": 2}], "scp": ["r"]}"#)
                .expect("parses");
        assert!(matches!(claims.aud, StringClaim::One(_)));
        assert!(matches!(claims.scope, StringClaim::Absent));
        assert!(matches!(claims.scp, StringClaim::Many(_)));
        // What serde_json never sends (bytes) is an error that says what was expected.
        let bytes = serde::de::value::BytesDeserializer::<serde::de::value::Error>::new(b"x");
        let error = StringClaim::deserialize(bytes)
            .err()
            .expect("bytes are not JSON");
        assert!(error.to_string().contains("any JSON value"), "{error}");
        // A member twice is a malformed token (RFC 7519 §4 lets a recipient refuse it).
        assert!(
            serde_json::from_str::<RegisteredClaims<'_>>(r#"{"aud": "x", "aud": "y"}"#).is_err()
        );
    }

    /// A scheme that declares the issuer and audience its tokens must name.
    struct Bound;

    impl SecurityScheme for Bound {
        const DECLARATION: Declaration =
            Declaration::new("Bound", &["read"], openapi::OpenApiVersion::V3_0)
                .issuer("https://idp.example")
                .audience("https://api.example");
        type Credentials = BearerToken;
        const CONFIG: () = ();
        const OPENAPI: openapi::SecurityScheme = openapi::SecurityScheme::bearer(None);
    }

    /// The reason `Bound` refuses `claims` with `validation`, `None` when it accepts them.
    fn bound_refusal(claims: &Value, validation: Validation) -> Option<Reason> {
        outcome_for::<Bound, Claims>(&sign(claims, SECRET), validation)
            .err()
            .map(|error| error.reason().cloned().expect("a reason"))
    }

    #[test]
    fn a_declared_issuer_and_audience_are_required_whatever_the_validation_says() {
        let exp = now() + 3600;
        let good = json!({"sub": "a", "exp": exp, "iss": "https://idp.example", "aud": "https://api.example"});
        // The default validation expects no audience, yet the declared one passes…
        assert_eq!(bound_refusal(&good, hs256()), None);
        let in_array = json!({"sub": "a", "exp": exp, "iss": "https://idp.example",
            "aud": ["https://other.example", "https://api.example"]});
        assert_eq!(bound_refusal(&in_array, hs256()), None);
        // …and nothing else does, even with audience checks turned off.
        let off = || hs256_and(|v| v.validate_aud = false);
        for (claims, reason) in [
            (
                json!({"sub": "a", "exp": exp, "iss": "https://idp.example"}),
                Reason::MissingClaim("aud".into()),
            ),
            (
                json!({"sub": "a", "exp": exp, "aud": "https://api.example"}),
                Reason::MissingClaim("iss".into()),
            ),
            (
                json!({"sub": "a", "exp": exp, "iss": "https://idp.example", "aud": "https://other.example"}),
                Reason::WrongAudience,
            ),
            (
                json!({"sub": "a", "exp": exp, "iss": "https://idp.example", "aud": []}),
                Reason::WrongAudience,
            ),
            (
                json!({"sub": "a", "exp": exp, "iss": "https://evil.example", "aud": "https://api.example"}),
                Reason::WrongIssuer,
            ),
            (
                json!({"sub": "a", "exp": exp, "iss": ["https://idp.example"], "aud": "https://api.example"}),
                Reason::WrongIssuer,
            ),
        ] {
            assert_eq!(
                bound_refusal(&claims, off()),
                Some(reason.clone()),
                "{claims}"
            );
            assert_eq!(bound_refusal(&claims, hs256()), Some(reason), "{claims}");
        }
        let others = json!({"sub": "a", "exp": exp, "iss": "https://idp.example",
            "aud": ["https://other.example"]});
        assert_eq!(bound_refusal(&others, hs256()), Some(Reason::WrongAudience));
        // A configured audience is checked too: a token must satisfy both.
        let other = || hs256_and(|v| v.set_audience(&["https://other.example"]));
        assert_eq!(bound_refusal(&good, other()), Some(Reason::WrongAudience));
        assert_eq!(bound_refusal(&in_array, other()), None);
        // A scheme that declares nothing keeps the validation's rule: no `aud` expected.
        let plain = outcome::<Claims>(&sign(&good, SECRET), hs256());
        assert_eq!(
            plain.err().and_then(|error| error.reason().cloned()),
            Some(Reason::WrongAudience)
        );
    }

    /// The kinds of error that come from the verifier's own configuration, not from the token,
    /// each with the reason that says so (and not the catch-all).
    #[test]
    fn configuration_errors_are_told_apart() {
        let key = Reason::VerifierFailed("the decoding key is not usable".into());
        let algorithms =
            Reason::VerifierFailed("the validation accepts no usable algorithm".into());
        let cases = [
            (ErrorKind::InvalidSubject, Reason::WrongSubject),
            (ErrorKind::InvalidEcdsaKey, key.clone()),
            (ErrorKind::InvalidEddsaKey, key.clone()),
            (ErrorKind::InvalidRsaKey("n".to_owned()), key.clone()),
            (ErrorKind::InvalidKeyFormat, key),
            (ErrorKind::MissingAlgorithm, algorithms.clone()),
            (ErrorKind::UnsupportedAlgorithm, algorithms),
            (
                ErrorKind::MissingRequiredClaim("exp".to_owned()),
                Reason::MissingClaim("exp".into()),
            ),
        ];
        for (kind, reason) in cases {
            let error = refusal(&kind);
            assert_eq!(error.reason(), Some(&reason), "{kind:?}");
            assert_eq!(error.detail(), VerifyError::COULD_NOT_VALIDATE, "{kind:?}");
        }
    }

    /// `Debug` names the accepted algorithms and nothing of the key.
    #[test]
    fn debug_shows_the_algorithms_not_the_key() {
        let verifier: JwtVerifier = JwtVerifier::new(
            DecodingKey::from_secret(SECRET),
            Validation::new(Algorithm::HS256),
        );
        assert_eq!(
            format!("{verifier:?}"),
            "JwtVerifier { algorithms: [HS256], token_cache: false, .. }"
        );
    }

    #[test]
    fn each_jsonwebtoken_failure_has_its_reason() {
        let later = now() + 3600;
        let cases: Vec<(String, Validation, Reason, &str)> = vec![
            (
                sign(&json!({"sub": "alice", "exp": now() - 3600}), SECRET),
                hs256(),
                Reason::Expired,
                "Token has expired",
            ),
            (
                // `nbf` is checked by default: jsonwebtoken's `Validation::new` leaves it off.
                sign(&json!({"sub": "alice", "exp": later, "nbf": later}), SECRET),
                hs256(),
                Reason::NotYetValid,
                VerifyError::COULD_NOT_VALIDATE,
            ),
            (
                // ...and also when the validation says not to: `new` turns it on.
                sign(&json!({"sub": "alice", "exp": later, "nbf": later}), SECRET),
                hs256_and(|validation| validation.validate_nbf = false),
                Reason::NotYetValid,
                VerifyError::COULD_NOT_VALIDATE,
            ),
            (
                sign(&json!({"sub": "alice", "exp": later}), b"another secret"),
                hs256(),
                Reason::BadSignature,
                VerifyError::COULD_NOT_VALIDATE,
            ),
            (
                sign(&json!({"sub": "alice", "exp": later}), SECRET),
                Validation::new(Algorithm::HS512),
                Reason::WrongAlgorithm,
                VerifyError::COULD_NOT_VALIDATE,
            ),
            (
                sign(
                    &json!({"sub": "alice", "exp": later, "aud": "other"}),
                    SECRET,
                ),
                hs256_and(|validation| validation.set_audience(&["api"])),
                Reason::WrongAudience,
                VerifyError::COULD_NOT_VALIDATE,
            ),
            (
                sign(
                    &json!({"sub": "alice", "exp": later, "iss": "mallory"}),
                    SECRET,
                ),
                hs256_and(|validation| validation.set_issuer(&["https://issuer.example"])),
                Reason::WrongIssuer,
                VerifyError::COULD_NOT_VALIDATE,
            ),
            (
                sign(&json!({"exp": later}), SECRET),
                hs256_and(|validation| validation.set_required_spec_claims(&["exp", "sub"])),
                Reason::MissingClaim("sub".into()),
                VerifyError::COULD_NOT_VALIDATE,
            ),
            (
                sign(
                    &json!({"sub": "alice", "exp": later, "nbf": "tomorrow"}),
                    SECRET,
                ),
                hs256(),
                Reason::InvalidClaim("nbf".into()),
                VerifyError::COULD_NOT_VALIDATE,
            ),
            (
                // Valid, but without the `sub` that `Claims` expects.
                sign(&json!({"exp": later}), SECRET),
                hs256(),
                Reason::UnexpectedClaims,
                VerifyError::COULD_NOT_VALIDATE,
            ),
            (
                "bm90LWEtand0".to_owned(),
                hs256(),
                Reason::MalformedToken,
                VerifyError::COULD_NOT_VALIDATE,
            ),
        ];
        for (token, validation, reason, detail) in cases {
            let error = refusal_of(&token, validation);
            assert_eq!(error.reason(), Some(&reason), "{token}");
            assert_eq!(error.detail(), detail, "{token}");
            // Neither the reason nor the error's Debug quote the token or a claim's value.
            let logged = format!("{error:?} {reason}");
            for secret in [token.as_str(), "alice", "mallory", "tomorrow", "42"] {
                assert!(!logged.contains(secret), "{logged} quotes {secret}");
            }
        }
    }

    /// An HS256 header with `crit` set to `critical`, and the parameters `extensions`.
    fn header_with(critical: Option<&[&str]>, extensions: &[(&str, Value)]) -> Header {
        let mut header = Header::new(Algorithm::HS256);
        header.crit = critical.map(|names| names.iter().map(|name| (*name).to_owned()).collect());
        for (name, value) in extensions {
            header.extras.insert(*name, value.clone());
        }
        header
    }

    #[test]
    fn critical_header_extensions_are_refused_whatever_the_signature_and_claims() {
        const EXTENSION: &str = "urn:example:must-understand";
        let later = now() + 3600;
        let claims = json!({"sub": "alice", "exp": later});
        let extension = [(EXTENSION, json!(true))];
        let cases = [
            (
                "an extension",
                sign_with_header(
                    &header_with(Some(&[EXTENSION]), &extension),
                    &claims,
                    SECRET,
                ),
                Reason::UnsupportedCriticalHeader,
            ),
            (
                "RFC 7797's unencoded payload",
                sign_with_header(
                    &header_with(Some(&["b64"]), &[("b64", json!(false))]),
                    &claims,
                    SECRET,
                ),
                Reason::UnsupportedCriticalHeader,
            ),
            (
                "an extension, badly signed",
                sign_with_header(
                    &header_with(Some(&[EXTENSION]), &extension),
                    &claims,
                    b"another secret",
                ),
                Reason::BadSignature,
            ),
            (
                "an extension, on an expired token",
                sign_with_header(
                    &header_with(Some(&[EXTENSION]), &extension),
                    &json!({"sub": "alice", "exp": now() - 3600}),
                    SECRET,
                ),
                Reason::Expired,
            ),
            (
                "an empty list",
                sign_with_header(&header_with(Some(&[]), &[]), &claims, SECRET),
                Reason::MalformedToken,
            ),
            (
                "a parameter RFC 7515 registers",
                sign_with_header(&header_with(Some(&["alg"]), &[]), &claims, SECRET),
                Reason::MalformedToken,
            ),
            (
                "a name twice",
                sign_with_header(
                    &header_with(Some(&[EXTENSION, EXTENSION]), &extension),
                    &claims,
                    SECRET,
                ),
                Reason::MalformedToken,
            ),
            (
                "a string, not a list",
                sign_with_header(
                    &header_with(None, &[("crit", json!(EXTENSION))]),
                    &claims,
                    SECRET,
                ),
                Reason::MalformedToken,
            ),
            (
                "a list holding a number",
                sign_with_header(&header_with(None, &[("crit", json!([1]))]), &claims, SECRET),
                Reason::MalformedToken,
            ),
        ];
        for (case, token, reason) in cases {
            let error = refusal_of(&token, hs256());
            assert_eq!(error.reason(), Some(&reason), "{case}");
            let detail = if reason == Reason::Expired {
                "Token has expired"
            } else {
                VerifyError::COULD_NOT_VALIDATE
            };
            assert_eq!(error.detail(), detail, "{case}");
            let logged = format!("{error:?} {reason}");
            assert!(!logged.contains(EXTENSION), "{logged} quotes the header");
        }
    }

    #[test]
    fn header_parameters_not_marked_critical_are_ignored() {
        let header = header_with(None, &[("urn:example:advisory", json!("hint"))]);
        let token = sign_with_header(
            &header,
            &json!({"sub": "alice", "exp": now() + 3600}),
            SECRET,
        );
        let grant = outcome::<Claims>(&token, hs256()).expect("accepted");
        assert_eq!(grant.principal().sub, "alice");
    }

    #[test]
    fn scope_and_scp_are_names_in_a_string_or_an_array_and_nothing_else() {
        let granted = [
            (json!("read write other"), vec!["read", "write"]),
            (json!(["write", "other", "read"]), vec!["read", "write"]),
            (json!(""), vec![]),
            (json!([]), vec![]),
        ];
        let refused = [
            json!(7),
            json!(1.5),
            json!(true),
            json!(null),
            json!({"read": true}),
            json!(["read", 7]),
            json!(["read", null]),
            json!([["read"]]),
        ];
        for claim in ["scope", "scp"] {
            for (value, names) in &granted {
                let token = sign(
                    &json!({"sub": "alice", "exp": now() + 3600, claim: value}),
                    SECRET,
                );
                let grant = outcome::<Claims>(&token, hs256()).expect("accepted");
                assert_eq!(
                    grant.scopes().names().collect::<Vec<_>>(),
                    *names,
                    "{claim}: {value}"
                );
            }
            for value in &refused {
                let token = sign(
                    &json!({"sub": "alice", "exp": now() + 3600, claim: value}),
                    SECRET,
                );
                let error = refusal_of(&token, hs256());
                assert_eq!(
                    error.reason(),
                    Some(&Reason::InvalidClaim(claim.into())),
                    "{claim}: {value}"
                );
                assert_eq!(
                    error.detail(),
                    VerifyError::COULD_NOT_VALIDATE,
                    "{claim}: {value}"
                );
                assert!(
                    !format!("{error:?}").contains("read"),
                    "{error:?} quotes the claim"
                );
            }
        }
    }

    #[test]
    fn scope_and_scp_together_grant_their_union_and_either_can_refuse() {
        let both = sign(
            &json!({"sub": "alice", "exp": now() + 3600, "scope": "read", "scp": ["write"]}),
            SECRET,
        );
        let grant = outcome::<Claims>(&both, hs256()).expect("accepted");
        assert_eq!(
            grant.scopes().names().collect::<Vec<_>>(),
            ["read", "write"]
        );
        let none = sign(&json!({"sub": "alice", "exp": now() + 3600}), SECRET);
        assert!(
            outcome::<Claims>(&none, hs256())
                .expect("accepted")
                .scopes()
                .is_empty()
        );
        let one_bad = sign(
            &json!({"sub": "alice", "exp": now() + 3600, "scope": "read", "scp": 7}),
            SECRET,
        );
        assert_eq!(
            refusal_of(&one_bad, hs256()).reason(),
            Some(&Reason::InvalidClaim("scp".into()))
        );
    }

    /// An unsigned token (`alg: none`, no signature), which `jsonwebtoken` cannot make.
    fn unsigned(claims: &Value) -> String {
        use base64::Engine as _;
        let encode = |part: &Value| {
            base64::engine::general_purpose::URL_SAFE_NO_PAD.encode(part.to_string())
        };
        format!("{}.{}.", encode(&json!({"alg": "none"})), encode(claims))
    }

    /// A line of the table in `JwtVerifier`'s docs: what it says, a token, the validation, and
    /// the verifier's answer (`Ok` when the token is accepted, else the reason).
    type Row = (&'static str, String, Validation, Result<(), Reason>);

    fn assert_rows(rows: Vec<Row>) {
        for (row, token, validation, expected) in rows {
            let answer = outcome::<Value>(&token, validation)
                .map(|_| ())
                .map_err(|error| error.reason().cloned());
            assert_eq!(answer, expected.map_err(Some), "{row}");
        }
    }

    /// Alice's claims, valid for an hour, with `extra` added.
    fn alice_and(extra: Value) -> Value {
        let mut claims = json!({"sub": "alice", "exp": now() + 3600});
        if let (Some(claims), Value::Object(extra)) = (claims.as_object_mut(), extra) {
            claims.extend(extra);
        }
        claims
    }

    fn expecting_audience() -> Validation {
        hs256_and(|validation| validation.set_audience(&["api"]))
    }

    fn expecting_issuer() -> Validation {
        hs256_and(|validation| validation.set_issuer(&["issuer"]))
    }

    #[test]
    fn documented_defaults_of_the_signature_and_algorithm() {
        let attacker_secret = b"the attacker's own secret";
        let mut with_attacker_key = Header::new(Algorithm::HS256);
        with_attacker_key.kid = Some("attacker".to_owned());
        with_attacker_key.jku = Some("https://attacker.example/jwks".to_owned());
        with_attacker_key.jwk = Some(
            serde_json::from_value(json!({
                "kty": "oct",
                "k": base64::Engine::encode(
                    &base64::engine::general_purpose::URL_SAFE_NO_PAD,
                    attacker_secret,
                ),
            }))
            .expect("an oct JWK"),
        );
        let hs384 = jsonwebtoken::encode(
            &Header::new(Algorithm::HS384),
            &alice_and(json!({})),
            &EncodingKey::from_secret(SECRET),
        )
        .expect("signs");
        assert_rows(vec![
            (
                "signature: the header brings no key of its own",
                sign_with_header(&with_attacker_key, &alice_and(json!({})), attacker_secret),
                hs256(),
                Err(Reason::BadSignature),
            ),
            (
                "algorithm: another HMAC is refused",
                hs384,
                hs256(),
                Err(Reason::WrongAlgorithm),
            ),
            (
                "algorithm: none is malformed",
                unsigned(&alice_and(json!({}))),
                hs256(),
                Err(Reason::MalformedToken),
            ),
        ]);
    }

    #[test]
    fn documented_defaults_of_exp_nbf_and_leeway() {
        let now = now();
        assert_rows(vec![
            (
                "exp: required",
                sign(&json!({"sub": "alice"}), SECRET),
                hs256(),
                Err(Reason::MissingClaim("exp".into())),
            ),
            (
                "exp: refused once past, beyond the leeway",
                sign(&alice_and(json!({"exp": now - 120})), SECRET),
                hs256(),
                Err(Reason::Expired),
            ),
            (
                "exp: a leeway of 60 s",
                sign(&alice_and(json!({"exp": now - 30})), SECRET),
                hs256(),
                Ok(()),
            ),
            (
                "exp: no early expiry",
                sign(&alice_and(json!({"exp": now + 2})), SECRET),
                hs256(),
                Ok(()),
            ),
            (
                "nbf: refused until then, beyond the leeway",
                sign(&alice_and(json!({"nbf": now + 120})), SECRET),
                hs256(),
                Err(Reason::NotYetValid),
            ),
            (
                "nbf: even when the validation turns it off",
                sign(&alice_and(json!({"nbf": now + 120})), SECRET),
                hs256_and(|validation| validation.validate_nbf = false),
                Err(Reason::NotYetValid),
            ),
            (
                "nbf: a leeway of 60 s",
                sign(&alice_and(json!({"nbf": now + 30})), SECRET),
                hs256(),
                Ok(()),
            ),
        ]);
    }

    #[test]
    fn documented_defaults_of_aud_iss_sub_and_required_claims() {
        assert_rows(vec![
            (
                "required claims: exp only (no nbf, sub, aud, iss)",
                sign(&json!({"exp": now() + 3600}), SECRET),
                hs256(),
                Ok(()),
            ),
            (
                "aud: none expected",
                sign(&alice_and(json!({"aud": "api"})), SECRET),
                hs256(),
                Err(Reason::WrongAudience),
            ),
            (
                "aud: compared when set",
                sign(&alice_and(json!({"aud": ["other", "api"]})), SECRET),
                expecting_audience(),
                Ok(()),
            ),
            (
                "aud: not required when set",
                sign(&alice_and(json!({})), SECRET),
                expecting_audience(),
                Ok(()),
            ),
            (
                "iss: not compared",
                sign(&alice_and(json!({"iss": "anyone"})), SECRET),
                hs256(),
                Ok(()),
            ),
            (
                "iss: compared when set",
                sign(&alice_and(json!({"iss": "anyone"})), SECRET),
                expecting_issuer(),
                Err(Reason::WrongIssuer),
            ),
            (
                "sub: not compared",
                sign(&alice_and(json!({"sub": "anyone"})), SECRET),
                hs256(),
                Ok(()),
            ),
        ]);
    }

    #[test]
    fn documented_defaults_of_claim_shapes() {
        assert_rows(vec![
            (
                "aud a number, with an audience set",
                sign(&alice_and(json!({"aud": 7})), SECRET),
                expecting_audience(),
                Err(Reason::InvalidClaim("aud".into())),
            ),
            (
                "aud an array holding a number, with an audience set",
                sign(&alice_and(json!({"aud": ["other", 7]})), SECRET),
                expecting_audience(),
                Err(Reason::InvalidClaim("aud".into())),
            ),
            (
                "aud null",
                sign(&alice_and(json!({"aud": null})), SECRET),
                hs256(),
                Err(Reason::InvalidClaim("aud".into())),
            ),
            (
                "iss an object, with an issuer set",
                sign(&alice_and(json!({"iss": {"name": "issuer"}})), SECRET),
                expecting_issuer(),
                Err(Reason::InvalidClaim("iss".into())),
            ),
            (
                "sub a number",
                sign(&alice_and(json!({"sub": 42})), SECRET),
                hs256(),
                Err(Reason::InvalidClaim("sub".into())),
            ),
            (
                // jsonwebtoken's own reading of `sub` trips on an array before ours.
                "sub an array",
                sign(&alice_and(json!({"sub": ["alice"]})), SECRET),
                hs256(),
                Err(Reason::MalformedToken),
            ),
        ]);
    }

    #[test]
    fn documented_defaults_of_crit_scopes_and_the_rest() {
        let critical = header_with(Some(&["urn:example:ext"]), &[("urn:example:ext", json!(1))]);
        let typed = Header {
            typ: Some("anything".to_owned()),
            ..Header::new(Algorithm::HS256)
        };
        let issued_later = json!({"iat": now() + 7200, "jti": 7});
        assert_rows(vec![
            (
                "crit: refused",
                sign_with_header(&critical, &alice_and(json!({})), SECRET),
                hs256(),
                Err(Reason::UnsupportedCriticalHeader),
            ),
            (
                "scope: a string",
                sign(&alice_and(json!({"scope": "read"})), SECRET),
                hs256(),
                Ok(()),
            ),
            (
                "scope: an array of strings",
                sign(&alice_and(json!({"scope": ["read"]})), SECRET),
                hs256(),
                Ok(()),
            ),
            (
                "scope: any other shape",
                sign(&alice_and(json!({"scope": 7})), SECRET),
                hs256(),
                Err(Reason::InvalidClaim("scope".into())),
            ),
            (
                "typ, iat, jti: not checked",
                sign_with_header(&typed, &alice_and(issued_later), SECRET),
                hs256(),
                Ok(()),
            ),
        ]);
    }

    #[test]
    fn with_a_token_cache_a_verified_token_is_kept_until_its_exp_and_a_refused_one_never() {
        let verifier: JwtVerifier<Claims> =
            JwtVerifier::new(DecodingKey::from_secret(SECRET), hs256())
                .with_token_cache(TokenCache::new(16));
        let shared = verifier.clone();
        let tokens = verifier.tokens.as_ref().expect("a cache");
        let good = sign(
            &json!({"sub": "alice", "exp": now() + 600, "scope": "read"}),
            SECRET,
        );
        for _ in 0..2 {
            let grant = verify_with::<Jwt, Claims>(&shared, &good).expect("verifies");
            assert_eq!(grant.principal().sub, "alice");
            assert_eq!(grant.scopes().names().collect::<Vec<_>>(), ["read"]);
            assert_eq!(tokens.len(), 1, "kept once, in the cache the clones share");
        }
        // Refused, every time, and never kept.
        let forged = sign(
            &json!({"sub": "alice", "exp": now() + 600}),
            b"not-the-secret",
        );
        let expired = sign(&json!({"sub": "alice", "exp": now() - 600}), SECRET);
        for token in [&forged, &expired, &forged] {
            assert!(verify_with::<Jwt, Claims>(&verifier, token).is_err());
        }
        // Within the leeway past its `exp`: it verifies, but the cache does not extend it.
        let late = sign(&json!({"sub": "alice", "exp": now() - 10}), SECRET);
        assert!(verify_with::<Jwt, Claims>(&verifier, &late).is_ok());
        assert_eq!(tokens.len(), 1);
        assert!(format!("{verifier:?}").contains("token_cache: true"));
    }

    #[test]
    fn exp_is_read_as_whole_seconds_when_it_is_a_number() {
        assert_eq!(seconds("1800000000"), Some(1_800_000_000));
        assert_eq!(seconds("1800000000.75"), Some(1_800_000_000));
        assert_eq!(seconds("0"), Some(0));
        for other in ["-1", "\"1800000000\"", "null", "[1]", "1e400"] {
            assert_eq!(seconds(other), None, "{other}");
        }
    }
}
