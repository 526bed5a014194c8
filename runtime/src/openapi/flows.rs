//! The OAuth Flows Object and the OAuth Flow Object.

use super::{Extension, List, OpenApiVersion, Text};

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
/// )
/// .with_refresh_url("https://auth.example.com/refresh");
///
/// assert_eq!(FLOW.kind(), FlowKind::AuthorizationCode);
/// assert_eq!(FLOW.token_url.as_deref(), Some("https://auth.example.com/token"));
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

    /// Flows with every slot given, as `#[derive(SecurityScheme)]` emits them.
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
