//! The OAuth Flows Object and the OAuth Flow Object.

use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::Value;

use super::extensions::serialize_extensions;
use super::json;
use super::pointer::Pointer;
use super::{Error, Extension, List, OpenApiVersion, Text, Versioned};

/// `Option<&'static str>` to `Option<Text>` in a `const` context.
pub(crate) const fn static_text(value: Option<&'static str>) -> Option<Text> {
    match value {
        Some(value) => Some(Text::Borrowed(value)),
        None => None,
    }
}

/// One declared OAuth scope: its name (an RFC 6749 scope-token) and a short description.
#[derive(Clone, Debug, PartialEq, Eq)]
pub struct Scope {
    /// The scope-token, e.g. `items:read`.
    pub name: Text,
    /// What the scope grants, shown by documentation tools.
    pub description: Text,
}

impl Scope {
    /// A scope from `'static` text.
    pub const fn new(name: &'static str, description: &'static str) -> Self {
        Self {
            name: Text::Borrowed(name),
            description: Text::Borrowed(description),
        }
    }
}

/// The five OAuth flows OpenAPI can describe.
///
/// The declaration order is FastAPI's output order: implicit, password, clientCredentials,
/// authorizationCode, then 3.2's deviceAuthorization.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord, Hash)]
pub enum FlowKind {
    /// `implicit`: `authorizationUrl` required.
    Implicit,
    /// `password`: `tokenUrl` required.
    Password,
    /// `clientCredentials`: `tokenUrl` required.
    ClientCredentials,
    /// `authorizationCode`: `authorizationUrl` and `tokenUrl` required.
    AuthorizationCode,
    /// `deviceAuthorization` (OpenAPI 3.2): `deviceAuthorizationUrl` and `tokenUrl` required.
    DeviceAuthorization,
}

impl FlowKind {
    /// Every flow, in output order.
    pub const ALL: [Self; 5] = [
        Self::Implicit,
        Self::Password,
        Self::ClientCredentials,
        Self::AuthorizationCode,
        Self::DeviceAuthorization,
    ];

    /// The key of the flow in the OAuth Flows Object.
    pub const fn key(self) -> &'static str {
        match self {
            Self::Implicit => "implicit",
            Self::Password => "password",
            Self::ClientCredentials => "clientCredentials",
            Self::AuthorizationCode => "authorizationCode",
            Self::DeviceAuthorization => "deviceAuthorization",
        }
    }

    /// The flow whose key in the OAuth Flows Object is `key` (case-sensitive).
    ///
    /// ```
    /// use authscheme::openapi::FlowKind;
    ///
    /// assert_eq!(FlowKind::from_key("clientCredentials"), Some(FlowKind::ClientCredentials));
    /// assert_eq!(FlowKind::from_key("accessCode"), None); // OpenAPI 2.0's name
    /// ```
    pub fn from_key(key: &str) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| kind.key() == key)
    }

    /// The oldest OpenAPI version that has this flow.
    pub const fn min_version(self) -> OpenApiVersion {
        match self {
            Self::DeviceAuthorization => OpenApiVersion::V3_2,
            _ => OpenApiVersion::V3_0,
        }
    }

    /// Whether the flow has (and requires) `authorizationUrl`.
    pub const fn uses_authorization_url(self) -> bool {
        matches!(self, Self::Implicit | Self::AuthorizationCode)
    }

    /// Whether the flow has (and requires) `tokenUrl`.
    pub const fn uses_token_url(self) -> bool {
        !matches!(self, Self::Implicit)
    }

    /// Whether the flow has (and requires) `deviceAuthorizationUrl`.
    pub const fn uses_device_authorization_url(self) -> bool {
        matches!(self, Self::DeviceAuthorization)
    }
}

/// An OAuth Flow Object. Which URLs it carries depends on its [`FlowKind`], so the
/// constructors are per flow and each takes exactly the URLs that flow requires.
///
/// ```
/// use authscheme::openapi::{FlowKind, OAuthFlow, Scope};
///
/// const SCOPES: &[Scope] = &[Scope::new("read:pets", "Read your pets")];
/// const FLOW: OAuthFlow = OAuthFlow::authorization_code(
///     "https://auth.example.com/authorize",
///     "https://auth.example.com/token",
///     SCOPES,
/// );
/// assert_eq!(FLOW.kind(), FlowKind::AuthorizationCode);
/// assert_eq!(FLOW.token_url.as_deref(), Some("https://auth.example.com/token"));
///
/// // `with_*` builders are for run time; in a `const`, `OAuthFlow::declared` takes every field.
/// let flow = FLOW.with_refresh_url("https://auth.example.com/refresh");
/// assert_eq!(flow.refresh_url.as_deref(), Some("https://auth.example.com/refresh"));
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct OAuthFlow {
    kind: FlowKind,
    /// `authorizationUrl` (implicit, authorizationCode).
    pub authorization_url: Option<Text>,
    /// `deviceAuthorizationUrl` (deviceAuthorization).
    pub device_authorization_url: Option<Text>,
    /// `tokenUrl` (every flow but implicit).
    pub token_url: Option<Text>,
    /// `refreshUrl` (optional on every flow).
    pub refresh_url: Option<Text>,
    /// `scopes`: always written, possibly empty.
    pub scopes: List<Scope>,
    /// `x-` extensions of the flow.
    pub extensions: List<Extension>,
}

impl OAuthFlow {
    const fn build(
        kind: FlowKind,
        authorization_url: Option<&'static str>,
        device_authorization_url: Option<&'static str>,
        token_url: Option<&'static str>,
        scopes: &'static [Scope],
    ) -> Self {
        Self::declared(
            kind,
            authorization_url,
            device_authorization_url,
            token_url,
            None,
            scopes,
            &[],
        )
    }

    /// An `implicit` flow.
    pub const fn implicit(authorization_url: &'static str, scopes: &'static [Scope]) -> Self {
        Self::build(
            FlowKind::Implicit,
            Some(authorization_url),
            None,
            None,
            scopes,
        )
    }

    /// A `password` flow (FastAPI's `OAuth2PasswordBearer`).
    pub const fn password(token_url: &'static str, scopes: &'static [Scope]) -> Self {
        Self::build(FlowKind::Password, None, None, Some(token_url), scopes)
    }

    /// A `clientCredentials` flow.
    pub const fn client_credentials(token_url: &'static str, scopes: &'static [Scope]) -> Self {
        Self::build(
            FlowKind::ClientCredentials,
            None,
            None,
            Some(token_url),
            scopes,
        )
    }

    /// An `authorizationCode` flow (FastAPI's `OAuth2AuthorizationCodeBearer`).
    pub const fn authorization_code(
        authorization_url: &'static str,
        token_url: &'static str,
        scopes: &'static [Scope],
    ) -> Self {
        Self::build(
            FlowKind::AuthorizationCode,
            Some(authorization_url),
            None,
            Some(token_url),
            scopes,
        )
    }

    /// A `deviceAuthorization` flow (OpenAPI 3.2).
    pub const fn device_authorization(
        device_authorization_url: &'static str,
        token_url: &'static str,
        scopes: &'static [Scope],
    ) -> Self {
        Self::build(
            FlowKind::DeviceAuthorization,
            None,
            Some(device_authorization_url),
            Some(token_url),
            scopes,
        )
    }

    /// A flow with every field given, as `#[derive(SecurityScheme)]` emits it.
    ///
    /// # Panics
    ///
    /// If a URL that `kind` requires is `None` or a URL it does not use is `Some` (in a
    /// `const` context this is a compile error).
    pub const fn declared(
        kind: FlowKind,
        authorization_url: Option<&'static str>,
        device_authorization_url: Option<&'static str>,
        token_url: Option<&'static str>,
        refresh_url: Option<&'static str>,
        scopes: &'static [Scope],
        extensions: &'static [Extension],
    ) -> Self {
        assert!(
            authorization_url.is_some() == kind.uses_authorization_url()
                && device_authorization_url.is_some() == kind.uses_device_authorization_url()
                && token_url.is_some() == kind.uses_token_url(),
            "the URLs given do not fit this kind of OAuth flow"
        );
        Self {
            kind,
            authorization_url: static_text(authorization_url),
            device_authorization_url: static_text(device_authorization_url),
            token_url: static_text(token_url),
            refresh_url: static_text(refresh_url),
            scopes: List::Borrowed(scopes),
            extensions: List::Borrowed(extensions),
        }
    }

    /// Sets `refreshUrl` (for flows built at run time; in a `const` use [`OAuthFlow::declared`]).
    #[must_use]
    pub fn with_refresh_url(mut self, refresh_url: impl Into<Text>) -> Self {
        self.refresh_url = Some(refresh_url.into());
        self
    }

    /// Sets the `x-` extensions (for flows built at run time).
    #[must_use]
    pub fn with_extensions(mut self, extensions: impl Into<List<Extension>>) -> Self {
        self.extensions = extensions.into();
        self
    }

    /// Which flow this is.
    pub const fn kind(&self) -> FlowKind {
        self.kind
    }

    /// A flow of the given kind with owned parts, for readers that build flows at run time
    /// (deserialization). Returns `None` when a URL the kind requires is missing or a URL it
    /// does not use is present.
    pub fn from_parts(
        kind: FlowKind,
        authorization_url: Option<Text>,
        device_authorization_url: Option<Text>,
        token_url: Option<Text>,
        refresh_url: Option<Text>,
        scopes: Vec<Scope>,
        extensions: Vec<Extension>,
    ) -> Option<Self> {
        let fits = authorization_url.is_some() == kind.uses_authorization_url()
            && device_authorization_url.is_some() == kind.uses_device_authorization_url()
            && token_url.is_some() == kind.uses_token_url();
        fits.then(|| Self {
            kind,
            authorization_url,
            device_authorization_url,
            token_url,
            refresh_url,
            scopes: List::Owned(scopes),
            extensions: List::Owned(extensions),
        })
    }
}

/// The OAuth Flows Object: at most one flow of each [`FlowKind`].
///
/// Flows are kept in fixed slots, so one can never be read back as another, and they are
/// always written in FastAPI's order whatever order they were declared in.
///
/// ```
/// use authscheme::openapi::{FlowKind, OAuthFlow, OAuthFlows};
///
/// const FLOWS: OAuthFlows = OAuthFlows::declared(
///     Some(OAuthFlow::implicit("https://as.example.com/authorize", &[])),
///     None,
///     Some(OAuthFlow::client_credentials("https://as.example.com/token", &[])),
///     None,
///     None,
///     &[],
/// );
///
/// let kinds: Vec<FlowKind> = FLOWS.iter().map(|flow| flow.kind()).collect();
/// assert_eq!(kinds, [FlowKind::Implicit, FlowKind::ClientCredentials]);
/// ```
#[derive(Clone, Debug, Default, PartialEq)]
pub struct OAuthFlows {
    /// `implicit`.
    pub implicit: Option<OAuthFlow>,
    /// `password`.
    pub password: Option<OAuthFlow>,
    /// `clientCredentials`.
    pub client_credentials: Option<OAuthFlow>,
    /// `authorizationCode`.
    pub authorization_code: Option<OAuthFlow>,
    /// `deviceAuthorization` (OpenAPI 3.2).
    pub device_authorization: Option<OAuthFlow>,
    /// `x-` extensions of the OAuth Flows Object.
    pub extensions: List<Extension>,
}

impl OAuthFlows {
    /// No flows yet.
    pub const fn new() -> Self {
        Self {
            implicit: None,
            password: None,
            client_credentials: None,
            authorization_code: None,
            device_authorization: None,
            extensions: List::Borrowed(&[]),
        }
    }

    /// Flows with one flow: the common case, e.g. FastAPI's `OAuth2PasswordBearer`.
    pub const fn single(flow: OAuthFlow) -> Self {
        match flow.kind {
            FlowKind::Implicit => Self::declared(Some(flow), None, None, None, None, &[]),
            FlowKind::Password => Self::declared(None, Some(flow), None, None, None, &[]),
            FlowKind::ClientCredentials => Self::declared(None, None, Some(flow), None, None, &[]),
            FlowKind::AuthorizationCode => Self::declared(None, None, None, Some(flow), None, &[]),
            FlowKind::DeviceAuthorization => {
                Self::declared(None, None, None, None, Some(flow), &[])
            }
        }
    }

    /// The same flows, checked to sit each in the slot of its kind: what
    /// `#[derive(SecurityScheme)]` writes after its `OAuthFlows { .. }` literal.
    ///
    /// # Panics
    ///
    /// If a flow sits in the slot of another kind (in a `const` context: a compile error).
    #[doc(hidden)]
    #[must_use]
    pub const fn checked(self) -> Self {
        assert!(
            slot_fits(self.implicit.as_ref(), FlowKind::Implicit)
                && slot_fits(self.password.as_ref(), FlowKind::Password)
                && slot_fits(
                    self.client_credentials.as_ref(),
                    FlowKind::ClientCredentials
                )
                && slot_fits(
                    self.authorization_code.as_ref(),
                    FlowKind::AuthorizationCode
                )
                && slot_fits(
                    self.device_authorization.as_ref(),
                    FlowKind::DeviceAuthorization
                ),
            "an OAuth flow is in the slot of another kind"
        );
        self
    }

    /// Flows with every slot given.
    ///
    /// # Panics
    ///
    /// If a flow sits in the slot of another kind (in a `const` context: a compile error).
    pub const fn declared(
        implicit: Option<OAuthFlow>,
        password: Option<OAuthFlow>,
        client_credentials: Option<OAuthFlow>,
        authorization_code: Option<OAuthFlow>,
        device_authorization: Option<OAuthFlow>,
        extensions: &'static [Extension],
    ) -> Self {
        assert!(
            slot_fits(implicit.as_ref(), FlowKind::Implicit)
                && slot_fits(password.as_ref(), FlowKind::Password)
                && slot_fits(client_credentials.as_ref(), FlowKind::ClientCredentials)
                && slot_fits(authorization_code.as_ref(), FlowKind::AuthorizationCode)
                && slot_fits(device_authorization.as_ref(), FlowKind::DeviceAuthorization),
            "an OAuth flow is in the slot of another kind"
        );
        Self {
            implicit,
            password,
            client_credentials,
            authorization_code,
            device_authorization,
            extensions: List::Borrowed(extensions),
        }
    }

    /// Puts `flow` into the slot of its kind, replacing what was there (run-time builder).
    #[must_use]
    pub fn with(mut self, flow: OAuthFlow) -> Self {
        let kind = flow.kind;
        *self.slot_mut(kind) = Some(flow);
        self
    }

    /// Sets the `x-` extensions of the OAuth Flows Object (run-time builder).
    #[must_use]
    pub fn with_extensions(mut self, extensions: impl Into<List<Extension>>) -> Self {
        self.extensions = extensions.into();
        self
    }

    fn slot_mut(&mut self, kind: FlowKind) -> &mut Option<OAuthFlow> {
        match kind {
            FlowKind::Implicit => &mut self.implicit,
            FlowKind::Password => &mut self.password,
            FlowKind::ClientCredentials => &mut self.client_credentials,
            FlowKind::AuthorizationCode => &mut self.authorization_code,
            FlowKind::DeviceAuthorization => &mut self.device_authorization,
        }
    }

    /// The flow in the slot of `kind`.
    pub const fn get(&self, kind: FlowKind) -> Option<&OAuthFlow> {
        match kind {
            FlowKind::Implicit => self.implicit.as_ref(),
            FlowKind::Password => self.password.as_ref(),
            FlowKind::ClientCredentials => self.client_credentials.as_ref(),
            FlowKind::AuthorizationCode => self.authorization_code.as_ref(),
            FlowKind::DeviceAuthorization => self.device_authorization.as_ref(),
        }
    }

    /// The declared flows, in output order.
    pub fn iter(&self) -> impl Iterator<Item = &OAuthFlow> {
        FlowKind::ALL.into_iter().filter_map(|kind| self.get(kind))
    }

    /// Whether no flow is declared.
    pub fn is_empty(&self) -> bool {
        self.iter().next().is_none()
    }
}

const fn slot_fits(flow: Option<&OAuthFlow>, kind: FlowKind) -> bool {
    match flow {
        Some(flow) => flow.kind as u8 == kind as u8,
        None => true,
    }
}

/// What [`Error::Unsupported`] names for a `deviceAuthorization` flow before 3.2.
const DEVICE_FLOW: &str = "the `deviceAuthorization` OAuth flow";

impl OAuthFlow {
    /// The URL fields other than `refreshUrl`, in output order: name, value, whether the
    /// flow's kind requires it (and only then allows it).
    fn url_fields(&self) -> [(&'static str, Option<&Text>, bool); 3] {
        [
            (
                "authorizationUrl",
                self.authorization_url.as_ref(),
                self.kind.uses_authorization_url(),
            ),
            (
                "deviceAuthorizationUrl",
                self.device_authorization_url.as_ref(),
                self.kind.uses_device_authorization_url(),
            ),
            (
                "tokenUrl",
                self.token_url.as_ref(),
                self.kind.uses_token_url(),
            ),
        ]
    }

    /// The flow checked for `version`, ready to serialize (see [`Versioned`]).
    ///
    /// # Errors
    ///
    /// [`Error::Unsupported`] for a `deviceAuthorization` flow before 3.2; [`Error::Invalid`]
    /// when a URL the kind requires is missing or one it does not use is set (the fields are
    /// public, so this is checked here), a URL is not an RFC 3986 URI reference, a scope is
    /// declared twice or an extension is invalid.
    pub fn versioned(&self, version: OpenApiVersion) -> Result<Versioned<'_, Self>, Error> {
        self.check(version, &Pointer::Root)?;
        Ok(Versioned::trusted(self, version))
    }

    /// The OAuth Flow Object as JSON for `version`.
    ///
    /// ```
    /// use authscheme::openapi::{OAuthFlow, OpenApiVersion, Scope};
    ///
    /// const SCOPES: &[Scope] = &[Scope::new("items:read", "Read items")];
    /// let flow = OAuthFlow::password("/token", SCOPES).with_refresh_url("/refresh");
    /// assert_eq!(
    ///     flow.to_json(OpenApiVersion::V3_1)?.to_string(),
    ///     r#"{"refreshUrl":"/refresh","scopes":{"items:read":"Read items"},"tokenUrl":"/token"}"#
    /// );
    /// # Ok::<(), authscheme::openapi::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`OAuthFlow::versioned`].
    pub fn to_json(&self, version: OpenApiVersion) -> Result<Value, Error> {
        self.versioned(version)?.to_value()
    }

    /// Reads an OAuth Flow Object found under the key of `kind`.
    ///
    /// ```
    /// use authscheme::openapi::{FlowKind, OAuthFlow, OpenApiVersion};
    ///
    /// let json = serde_json::json!({"scopes": {}, "authorizationUrl": "/authorize"});
    /// let flow = OAuthFlow::from_json(&json, FlowKind::Implicit, OpenApiVersion::V3_0)?;
    /// assert_eq!(flow, OAuthFlow::implicit("/authorize", &[]));
    ///
    /// let err = OAuthFlow::from_json(&json, FlowKind::AuthorizationCode, OpenApiVersion::V3_0);
    /// assert_eq!(err.unwrap_err().to_string(), "/: missing required field `tokenUrl`");
    /// # Ok::<(), authscheme::openapi::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] for anything that is not a valid flow of that kind (missing or
    /// foreign URL fields, missing `scopes`, non-string scope descriptions, unknown fields,
    /// wrong JSON types); [`Error::Unsupported`] for `deviceAuthorization` before 3.2.
    pub fn from_json(
        value: &Value,
        kind: FlowKind,
        version: OpenApiVersion,
    ) -> Result<Self, Error> {
        Self::read(value, kind, version, &Pointer::Root)
    }

    pub(crate) fn check(&self, version: OpenApiVersion, at: &Pointer<'_>) -> Result<(), Error> {
        Error::gate(at, DEVICE_FLOW, self.kind.min_version(), version)?;
        if let Some(url) = &self.refresh_url {
            json::check_url(url, &at.key("refreshUrl"))?;
        }
        let scopes_at = at.key("scopes");
        for (index, scope) in self.scopes.iter().enumerate() {
            if self.scopes[..index]
                .iter()
                .any(|other| other.name == scope.name)
            {
                return Err(Error::invalid(
                    &scopes_at.key(&scope.name),
                    format!("duplicate scope `{}`", scope.name),
                ));
            }
        }
        for (field, url, used) in self.url_fields() {
            match (url, used) {
                (None, true) => return Err(json::missing(at, field)),
                (Some(_), false) => return Err(not_for_flow(field, self.kind, at)),
                (Some(url), true) => json::check_url(url, &at.key(field))?,
                (None, false) => {}
            }
        }
        json::check_extensions(&self.extensions, version, at)
    }

    pub(crate) fn read(
        value: &Value,
        kind: FlowKind,
        version: OpenApiVersion,
        at: &Pointer<'_>,
    ) -> Result<Self, Error> {
        Error::gate(at, DEVICE_FLOW, kind.min_version(), version)?;
        let map = json::object(value, at)?;
        let mut flow = Self {
            kind,
            authorization_url: None,
            device_authorization_url: None,
            token_url: None,
            refresh_url: None,
            scopes: List::Borrowed(&[]),
            extensions: List::Borrowed(&[]),
        };
        let mut scopes = None;
        let mut extensions = Vec::new();
        for (key, value) in map {
            let here = at.key(key);
            match key.as_str() {
                "refreshUrl" => flow.refresh_url = Some(json::url(value, &here)?),
                "scopes" => scopes = Some(read_scopes(value, &here)?),
                "authorizationUrl" if kind.uses_authorization_url() => {
                    flow.authorization_url = Some(json::url(value, &here)?);
                }
                "deviceAuthorizationUrl" if kind.uses_device_authorization_url() => {
                    flow.device_authorization_url = Some(json::url(value, &here)?);
                }
                "tokenUrl" if kind.uses_token_url() => {
                    flow.token_url = Some(json::url(value, &here)?);
                }
                "authorizationUrl" | "deviceAuthorizationUrl" | "tokenUrl" => {
                    return Err(not_for_flow(key, kind, at));
                }
                _ if key.starts_with("x-") => {
                    extensions.push(json::extension(key, value, version, at)?);
                }
                _ => {
                    let mut allowed = vec!["refreshUrl", "scopes"];
                    allowed.extend(flow.url_fields().into_iter().filter(|f| f.2).map(|f| f.0));
                    let what = format!("the `{}` flow", kind.key());
                    return Err(json::unknown_field(key, &what, &allowed, at));
                }
            }
        }
        if let Some((field, ..)) = flow
            .url_fields()
            .into_iter()
            .find(|(_, url, used)| *used && url.is_none())
        {
            return Err(json::missing(at, field));
        }
        flow.scopes = List::Owned(scopes.ok_or_else(|| json::missing(at, "scopes"))?);
        flow.extensions = List::Owned(extensions);
        Ok(flow)
    }
}

fn not_for_flow(field: &str, kind: FlowKind, at: &Pointer<'_>) -> Error {
    Error::invalid(
        &at.key(field),
        format!(
            "field `{field}` is not allowed for the `{}` flow",
            kind.key()
        ),
    )
}

fn read_scopes(value: &Value, at: &Pointer<'_>) -> Result<Vec<Scope>, Error> {
    json::object(value, at)?
        .iter()
        .map(|(name, description)| {
            Ok(Scope {
                name: Text::Owned(name.clone()),
                description: json::text(description, &at.key(name))?,
            })
        })
        .collect()
}

/// The `scopes` map, in declaration order.
struct ScopeMap<'a>(&'a [Scope]);

impl Serialize for ScopeMap<'_> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        serializer.collect_map(
            self.0
                .iter()
                .map(|scope| (&*scope.name, &*scope.description)),
        )
    }
}

/// `refreshUrl?`, `scopes`, `authorizationUrl?`, `deviceAuthorizationUrl?`, `tokenUrl?`, then
/// the extensions: FastAPI's order, with 3.2's device URL where the spec lists it.
impl Serialize for Versioned<'_, OAuthFlow> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let flow = self.value;
        let mut map = serializer.serialize_map(None)?;
        if let Some(url) = &flow.refresh_url {
            map.serialize_entry("refreshUrl", url)?;
        }
        map.serialize_entry("scopes", &ScopeMap(&flow.scopes))?;
        for (field, url, _) in flow.url_fields() {
            if let Some(url) = url {
                map.serialize_entry(field, url)?;
            }
        }
        serialize_extensions(&mut map, &flow.extensions)?;
        map.end()
    }
}

/// Writes the flow with OpenAPI 3.2's rules (the output is the same for every version that
/// can express the flow); use [`OAuthFlow::versioned`] to pick a version.
impl Serialize for OAuthFlow {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.versioned(OpenApiVersion::V3_2)
            .map_err(serde::ser::Error::custom)?
            .serialize(serializer)
    }
}

impl OAuthFlows {
    /// The flows checked for `version`, ready to serialize (see [`Versioned`]).
    ///
    /// # Errors
    ///
    /// As [`OAuthFlow::versioned`] for each flow (with paths below its key), and
    /// [`Error::Invalid`] when a flow sits in the slot of another kind or an extension of the
    /// OAuth Flows Object is invalid.
    pub fn versioned(&self, version: OpenApiVersion) -> Result<Versioned<'_, Self>, Error> {
        self.check(version, &Pointer::Root)?;
        Ok(Versioned::trusted(self, version))
    }

    /// The OAuth Flows Object as JSON for `version`: flows in the order implicit, password,
    /// clientCredentials, authorizationCode, deviceAuthorization, then the extensions. No
    /// flow at all is written as `{}`, as FastAPI's `OAuth2()` does.
    ///
    /// ```
    /// use authscheme::openapi::{OAuthFlow, OAuthFlows, OpenApiVersion};
    ///
    /// let flows = OAuthFlows::new()
    ///     .with(OAuthFlow::client_credentials("/token", &[]))
    ///     .with(OAuthFlow::implicit("/authorize", &[]));
    /// assert_eq!(
    ///     flows.to_json(OpenApiVersion::V3_1)?.to_string(),
    ///     r#"{"implicit":{"scopes":{},"authorizationUrl":"/authorize"},"clientCredentials":{"scopes":{},"tokenUrl":"/token"}}"#
    /// );
    /// assert_eq!(OAuthFlows::new().to_json(OpenApiVersion::V3_1)?, serde_json::json!({}));
    /// # Ok::<(), authscheme::openapi::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`OAuthFlows::versioned`].
    pub fn to_json(&self, version: OpenApiVersion) -> Result<Value, Error> {
        self.versioned(version)?.to_value()
    }

    /// Reads an OAuth Flows Object. Each flow's key decides its kind, so no flow can be read
    /// back as another.
    ///
    /// ```
    /// use authscheme::openapi::{OAuthFlows, OpenApiVersion};
    ///
    /// let json = serde_json::json!({"deviceCode": {"scopes": {}, "tokenUrl": "/token"}});
    /// let err = OAuthFlows::from_json(&json, OpenApiVersion::V3_2).unwrap_err();
    /// assert_eq!(err.path(), "/deviceCode");
    /// assert!(err.to_string().starts_with("/deviceCode: unknown OAuth flow `deviceCode`"));
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`] for an unknown flow name, a non-object, or an invalid flow;
    /// [`Error::Unsupported`] for `deviceAuthorization` before 3.2.
    pub fn from_json(value: &Value, version: OpenApiVersion) -> Result<Self, Error> {
        Self::read(value, version, &Pointer::Root)
    }

    pub(crate) fn check(&self, version: OpenApiVersion, at: &Pointer<'_>) -> Result<(), Error> {
        for kind in FlowKind::ALL {
            if let Some(flow) = self.get(kind) {
                let here = at.key(kind.key());
                if flow.kind != kind {
                    return Err(Error::invalid(
                        &here,
                        format!(
                            "the `{}` slot holds an `{}` flow",
                            kind.key(),
                            flow.kind.key()
                        ),
                    ));
                }
                flow.check(version, &here)?;
            }
        }
        json::check_extensions(&self.extensions, version, at)
    }

    pub(crate) fn read(
        value: &Value,
        version: OpenApiVersion,
        at: &Pointer<'_>,
    ) -> Result<Self, Error> {
        let map = json::object(value, at)?;
        let mut flows = Self::new();
        let mut extensions = Vec::new();
        for (key, value) in map {
            if let Some(kind) = FlowKind::from_key(key) {
                *flows.slot_mut(kind) = Some(OAuthFlow::read(value, kind, version, &at.key(key))?);
            } else if key.starts_with("x-") {
                extensions.push(json::extension(key, value, version, at)?);
            } else {
                return Err(unknown_flow(key, at));
            }
        }
        flows.extensions = List::Owned(extensions);
        Ok(flows)
    }
}

fn unknown_flow(key: &str, at: &Pointer<'_>) -> Error {
    let hint = match key {
        "accessCode" => "; OpenAPI 3 renamed it `authorizationCode`".to_owned(),
        "application" => "; OpenAPI 3 renamed it `clientCredentials`".to_owned(),
        "deviceCode" | "device" => "; did you mean `deviceAuthorization`?".to_owned(),
        _ if key.len() >= 2 && key[..2].eq_ignore_ascii_case("x-") => {
            "; extension fields must start with lowercase `x-`".to_owned()
        }
        _ => FlowKind::ALL
            .into_iter()
            .find(|kind| kind.key().eq_ignore_ascii_case(key))
            .map_or_else(String::new, |kind| {
                format!("; did you mean `{}`?", kind.key())
            }),
    };
    Error::invalid(
        &at.key(key),
        format!(
            "unknown OAuth flow `{key}`{hint} (expected `implicit`, `password`, \
             `clientCredentials`, `authorizationCode`, `deviceAuthorization` or an `x-` extension)"
        ),
    )
}

/// The flows in their canonical order, then the extensions.
impl Serialize for Versioned<'_, OAuthFlows> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let mut map = serializer.serialize_map(None)?;
        for kind in FlowKind::ALL {
            if let Some(flow) = self.value.get(kind) {
                map.serialize_entry(kind.key(), &Versioned::trusted(flow, self.version))?;
            }
        }
        serialize_extensions(&mut map, &self.value.extensions)?;
        map.end()
    }
}

/// Writes the flows with OpenAPI 3.2's rules (the output is the same for every version that
/// can express them); use [`OAuthFlows::versioned`] to pick a version.
impl Serialize for OAuthFlows {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.versioned(OpenApiVersion::V3_2)
            .map_err(serde::ser::Error::custom)?
            .serialize(serializer)
    }
}

/// Reads the flows with OpenAPI 3.2's rules (every flow accepted); use
/// [`OAuthFlows::from_json`] to pick a version.
impl<'de> Deserialize<'de> for OAuthFlows {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Self::from_json(&value, OpenApiVersion::V3_2).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn slots_are_checked() {
        let mut flows = OAuthFlows::new();
        flows.password = Some(OAuthFlow::implicit("/authorize", &[]));
        let err = flows.to_json(OpenApiVersion::V3_1).unwrap_err();
        assert_eq!(
            err.to_string(),
            "/password: the `password` slot holds an `implicit` flow"
        );
    }

    #[test]
    fn urls_must_fit_the_kind() {
        let mut flow = OAuthFlow::password("/token", &[]);
        flow.token_url = None;
        assert_eq!(
            flow.to_json(OpenApiVersion::V3_1).unwrap_err().to_string(),
            "/: missing required field `tokenUrl`"
        );
        let mut flow = OAuthFlow::implicit("/authorize", &[]);
        flow.token_url = Some("/token".into());
        assert_eq!(
            flow.to_json(OpenApiVersion::V3_1).unwrap_err().to_string(),
            "/tokenUrl: field `tokenUrl` is not allowed for the `implicit` flow"
        );
        let flow = OAuthFlow::password("https://exa mple.com/token", &[]);
        assert_eq!(
            flow.to_json(OpenApiVersion::V3_1).unwrap_err().to_string(),
            "/tokenUrl: not a valid URI reference: invalid character ' ' at byte 11"
        );
    }

    /// Issue 12: URLs that a hand-written check let through, refused as the derive refuses
    /// them (an RFC 3986 parser, no fragment, a host for http(s)).
    #[test]
    fn malformed_urls_are_refused() {
        for (url, message) in [
            (
                "https://a b/token",
                "/tokenUrl: not a valid URI reference: invalid character ' ' at byte 9",
            ),
            (
                "http://[::1/token",
                "/tokenUrl: not a valid URI reference: malformed IP-literal host (byte 11)",
            ),
            (
                "https://[::g]/token",
                "/tokenUrl: not a valid URI reference: malformed IP-literal host (byte 11)",
            ),
            (
                "http://host:port/token",
                "/tokenUrl: not a valid URI reference: the port is not a number (byte 12)",
            ),
            (
                "https://user@@host/token",
                "/tokenUrl: not a valid URI reference: unexpected '@' at byte 13",
            ),
            (
                "https://:443/token",
                "/tokenUrl: an `http` or `https` URL must have a host (RFC 9110 §4.2)",
            ),
            (
                "https:///token",
                "/tokenUrl: an `http` or `https` URL must have a host (RFC 9110 §4.2)",
            ),
            (
                "https://as.example.com/token#x",
                "/tokenUrl: a URL field must not contain a fragment (`#...`) (RFC 6749 §3.1, \
                 RFC 8414 §2)",
            ),
        ] {
            let flow = OAuthFlow::password(url, &[]);
            assert_eq!(
                flow.to_json(OpenApiVersion::V3_1).unwrap_err().to_string(),
                message,
                "{url}"
            );
            let json = serde_json::json!({"scopes": {}, "tokenUrl": url});
            let read = OAuthFlow::from_json(&json, FlowKind::Password, OpenApiVersion::V3_1);
            assert_eq!(read.unwrap_err().to_string(), message, "{url}");
        }
    }

    #[test]
    fn duplicate_scopes_are_rejected() {
        const SCOPES: &[Scope] = &[Scope::new("a", "x"), Scope::new("a", "y")];
        let flow = OAuthFlow::client_credentials("/token", SCOPES);
        assert_eq!(
            flow.to_json(OpenApiVersion::V3_0).unwrap_err().to_string(),
            "/scopes/a: duplicate scope `a`"
        );
    }

    #[test]
    fn device_flow_needs_3_2() {
        let flows = OAuthFlows::single(OAuthFlow::device_authorization("/device", "/token", &[]));
        let err = flows.to_json(OpenApiVersion::V3_1).unwrap_err();
        assert_eq!(
            err,
            Error::Unsupported {
                path: "/deviceAuthorization".to_owned(),
                feature: DEVICE_FLOW,
                required: OpenApiVersion::V3_2,
                target: OpenApiVersion::V3_1,
            }
        );
        let json = flows.to_json(OpenApiVersion::V3_2).unwrap();
        assert_eq!(
            json.to_string(),
            r#"{"deviceAuthorization":{"scopes":{},"deviceAuthorizationUrl":"/device","tokenUrl":"/token"}}"#
        );
        assert_eq!(
            OAuthFlows::from_json(&json, OpenApiVersion::V3_2).unwrap(),
            flows
        );
        assert_eq!(
            OAuthFlows::from_json(&json, OpenApiVersion::V3_1).unwrap_err(),
            err
        );
    }

    #[test]
    fn unknown_flow_hints() {
        let read = |key: &str| {
            let json = serde_json::json!({ key: {} });
            OAuthFlows::from_json(&json, OpenApiVersion::V3_2)
                .unwrap_err()
                .to_string()
        };
        assert!(read("accessCode").contains("renamed it `authorizationCode`"));
        assert!(read("Password").contains("did you mean `password`?"));
        assert!(read("X-a").contains("lowercase `x-`"));
    }

    #[test]
    fn plain_serde_uses_3_2_rules() {
        let flows = OAuthFlows::single(OAuthFlow::device_authorization("/device", "/token", &[]));
        let text = serde_json::to_string(&flows).unwrap();
        let back: OAuthFlows = serde_json::from_str(&text).unwrap();
        assert_eq!(back, flows);
        let mut bad = OAuthFlow::password("/token", &[]);
        bad.token_url = None;
        assert!(serde_json::to_string(&bad).is_err());
    }
}
