//! The validated declaration: exactly what code generation needs, with every rule of the DSL
//! already checked. Only `validate` builds these values, so `expand` cannot meet an invalid one.

use syn::{Generics, Ident, Path};

use crate::symbol::{
    AUTHORIZATION_CODE, CLIENT_CREDENTIALS, DEVICE_AUTHORIZATION, IMPLICIT, PASSWORD, Symbol,
};

/// One `#[derive(SecurityScheme)]`, ready to expand.
pub(crate) struct Scheme<'a> {
    pub(crate) ident: &'a Ident,
    pub(crate) generics: &'a Generics,
    /// The path of the runtime crate (`::authscheme` or `crate = ".."`).
    pub(crate) krate: Path,
    /// The key in `components.securitySchemes`.
    pub(crate) name: String,
    pub(crate) description: Option<String>,
    pub(crate) deprecated: bool,
    pub(crate) extensions: Vec<Extension>,
    /// The oldest OpenAPI version that can describe the scheme.
    pub(crate) min_version: Version,
    /// `SecurityScheme::SCOPES`, in bit order.
    pub(crate) scopes: Vec<String>,
    /// Whether `scopes` holds role names rather than OAuth scopes.
    pub(crate) roles: bool,
    pub(crate) kind: Kind,
}

/// An OpenAPI version, in order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum Version {
    V3_0,
    V3_1,
    V3_2,
}

impl Version {
    pub(crate) fn parse(text: &str) -> Option<Self> {
        match text {
            "3.0" => Some(Self::V3_0),
            "3.1" => Some(Self::V3_1),
            "3.2" => Some(Self::V3_2),
            _ => None,
        }
    }

    pub(crate) const fn as_str(self) -> &'static str {
        match self {
            Self::V3_0 => "3.0",
            Self::V3_1 => "3.1",
            Self::V3_2 => "3.2",
        }
    }
}

/// A pinned target version (`openapi = ".."`).
#[derive(Clone, Copy)]
pub(crate) struct Pin {
    pub(crate) version: Version,
}

/// An `x-` extension.
pub(crate) struct Extension {
    pub(crate) key: String,
    pub(crate) value: ExtensionValue,
}

/// A JSON scalar a declaration can carry.
pub(crate) enum ExtensionValue {
    Str(String),
    Bool(bool),
    Int(i64),
    Float(f64),
}

/// The kind of scheme and its fields.
pub(crate) enum Kind {
    OAuth2 {
        /// At most one flow of each kind, in output order.
        flows: Vec<Flow>,
        flows_extensions: Vec<Extension>,
        metadata_url: Option<String>,
        claims: TokenClaims,
    },
    OpenIdConnect {
        url: String,
        claims: TokenClaims,
    },
    ApiKey {
        location: ApiKeyLocation,
        name: String,
    },
    Http(Http),
    MutualTls,
}

impl Kind {
    /// The claims its bearer tokens must carry; `None` for the kinds whose credentials are
    /// not bearer tokens.
    pub(crate) const fn claims(&self) -> Option<&TokenClaims> {
        match self {
            Self::OAuth2 { claims, .. }
            | Self::OpenIdConnect { claims, .. }
            | Self::Http(Http::Bearer { claims, .. }) => Some(claims),
            Self::ApiKey { .. } | Self::Http(_) | Self::MutualTls => None,
        }
    }
}

/// What a bearer token must say about where it comes from and whom it is for, as declared
/// (CT-E8, CT-E9); written to `SecurityScheme::DECLARATION`, not to the OpenAPI document.
#[derive(Default)]
pub(crate) struct TokenClaims {
    /// The expected `iss`.
    pub(crate) issuer: Option<String>,
    /// The expected `aud`: this resource server's identifier (RFC 8707).
    pub(crate) audience: Option<String>,
}

#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub(crate) enum ApiKeyLocation {
    Header,
    Query,
    Cookie,
}

pub(crate) enum Http {
    Basic {
        realm: Option<String>,
    },
    Bearer {
        format: Option<String>,
        claims: TokenClaims,
    },
    Digest,
    /// Any other auth-scheme; `scheme` is as written (compared case-insensitively at run
    /// time), and written lowercase to OpenAPI.
    Custom {
        scheme: String,
    },
}

/// An OAuth flow with the URLs its kind requires.
pub(crate) struct Flow {
    pub(crate) urls: FlowUrls,
    pub(crate) refresh_url: Option<String>,
    pub(crate) scopes: Vec<(String, String)>,
    pub(crate) extensions: Vec<Extension>,
}

/// The required URLs of each flow kind.
pub(crate) enum FlowUrls {
    Implicit {
        authorization_url: String,
    },
    Password {
        token_url: String,
    },
    ClientCredentials {
        token_url: String,
    },
    AuthorizationCode {
        authorization_url: String,
        token_url: String,
    },
    DeviceAuthorization {
        device_authorization_url: String,
        token_url: String,
    },
}

impl FlowUrls {
    pub(crate) const fn kind(&self) -> FlowKind {
        match self {
            Self::Implicit { .. } => FlowKind::Implicit,
            Self::Password { .. } => FlowKind::Password,
            Self::ClientCredentials { .. } => FlowKind::ClientCredentials,
            Self::AuthorizationCode { .. } => FlowKind::AuthorizationCode,
            Self::DeviceAuthorization { .. } => FlowKind::DeviceAuthorization,
        }
    }
}

/// The five OAuth flows, in output order.
#[derive(Clone, Copy, Debug, PartialEq, Eq, PartialOrd, Ord)]
pub(crate) enum FlowKind {
    Implicit,
    Password,
    ClientCredentials,
    AuthorizationCode,
    DeviceAuthorization,
}

impl FlowKind {
    pub(crate) const ALL: [Self; 5] = [
        Self::Implicit,
        Self::Password,
        Self::ClientCredentials,
        Self::AuthorizationCode,
        Self::DeviceAuthorization,
    ];

    /// The DSL key, e.g. `client_credentials`.
    pub(crate) const fn symbol(self) -> Symbol {
        match self {
            Self::Implicit => IMPLICIT,
            Self::Password => PASSWORD,
            Self::ClientCredentials => CLIENT_CREDENTIALS,
            Self::AuthorizationCode => AUTHORIZATION_CODE,
            Self::DeviceAuthorization => DEVICE_AUTHORIZATION,
        }
    }

    pub(crate) fn from_ident(ident: &Ident) -> Option<Self> {
        Self::ALL.into_iter().find(|kind| ident == kind.symbol())
    }

    pub(crate) const fn uses_authorization_url(self) -> bool {
        matches!(self, Self::Implicit | Self::AuthorizationCode)
    }

    pub(crate) const fn uses_token_url(self) -> bool {
        !matches!(self, Self::Implicit)
    }

    pub(crate) const fn uses_device_authorization_url(self) -> bool {
        matches!(self, Self::DeviceAuthorization)
    }
}
