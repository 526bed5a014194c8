//! The Security Scheme Object.

use super::flows::static_text;
use super::{Extension, List, OAuthFlows, OpenApiVersion, Text};

/// Where an API key travels (`in` of an `apiKey` scheme).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum ApiKeyLocation {
    /// `in: query`.
    Query,
    /// `in: header`.
    Header,
    /// `in: cookie`.
    Cookie,
}

impl ApiKeyLocation {
    /// The value of the `in` field.
    pub const fn as_str(self) -> &'static str {
        match self {
            Self::Query => "query",
            Self::Header => "header",
            Self::Cookie => "cookie",
        }
    }
}

/// The `type` of a security scheme and the fields that belong to it.
#[derive(Clone, Debug, PartialEq)]
pub enum SecuritySchemeKind {
    /// `type: apiKey`.
    ApiKey {
        /// `name`: the header, query parameter or cookie name.
        name: Text,
        /// `in`.
        location: ApiKeyLocation,
    },
    /// `type: http`.
    Http {
        /// `scheme`: the HTTP auth-scheme, written lowercase.
        scheme: Text,
        /// `bearerFormat` (only with `scheme: bearer`).
        bearer_format: Option<Text>,
    },
    /// `type: oauth2`.
    OAuth2 {
        /// `flows`.
        flows: OAuthFlows,
        /// `oauth2MetadataUrl` (OpenAPI 3.2).
        metadata_url: Option<Text>,
    },
    /// `type: openIdConnect`.
    OpenIdConnect {
        /// `openIdConnectUrl`.
        url: Text,
    },
    /// `type: mutualTLS` (OpenAPI 3.1 and later).
    MutualTls,
}

impl SecuritySchemeKind {
    /// The value of the `type` field.
    pub const fn type_name(&self) -> &'static str {
        match self {
            Self::ApiKey { .. } => "apiKey",
            Self::Http { .. } => "http",
            Self::OAuth2 { .. } => "oauth2",
            Self::OpenIdConnect { .. } => "openIdConnect",
            Self::MutualTls => "mutualTLS",
        }
    }
}

/// A Security Scheme Object.
///
/// ```
/// use authscheme::openapi::{ApiKeyLocation, OpenApiVersion, SecurityScheme};
///
/// let key = SecurityScheme::api_key("X-API-Key", ApiKeyLocation::Header)
///     .with_description("Issued by the admin UI");
/// assert_eq!(
///     key.to_json(OpenApiVersion::V3_0).unwrap(),
///     serde_json::json!({"type": "apiKey", "description": "Issued by the admin UI", "in": "header", "name": "X-API-Key"})
/// );
///
/// // mutualTLS cannot be written for OpenAPI 3.0: an error, not a silent omission.
/// assert!(SecurityScheme::mutual_tls().to_json(OpenApiVersion::V3_0).is_err());
/// ```
#[derive(Clone, Debug, PartialEq)]
pub struct SecurityScheme {
    /// `type` and its fields.
    pub kind: SecuritySchemeKind,
    /// `description` (CommonMark).
    pub description: Option<Text>,
    /// `deprecated` (OpenAPI 3.2); written only when `true`.
    pub deprecated: bool,
    /// `x-` extensions.
    pub extensions: List<Extension>,
}

impl SecurityScheme {
    const fn of(kind: SecuritySchemeKind) -> Self {
        Self {
            kind,
            description: None,
            deprecated: false,
            extensions: List::Borrowed(&[]),
        }
    }

    /// `type: apiKey`.
    pub const fn api_key(name: &'static str, location: ApiKeyLocation) -> Self {
        Self::of(SecuritySchemeKind::ApiKey {
            name: Text::Borrowed(name),
            location,
        })
    }

    /// `type: http` with the given auth-scheme, e.g. `"basic"`. Write it lowercase: the
    /// OpenAPI value is case-insensitive, but many tools compare it case-sensitively.
    pub const fn http(scheme: &'static str) -> Self {
        Self::of(SecuritySchemeKind::Http {
            scheme: Text::Borrowed(scheme),
            bearer_format: None,
        })
    }

    /// `type: http, scheme: bearer` with an optional `bearerFormat`.
    pub const fn bearer(bearer_format: Option<&'static str>) -> Self {
        Self::of(SecuritySchemeKind::Http {
            scheme: Text::Borrowed("bearer"),
            bearer_format: static_text(bearer_format),
        })
    }

    /// `type: oauth2`.
    pub const fn oauth2(flows: OAuthFlows) -> Self {
        Self::of(SecuritySchemeKind::OAuth2 {
            flows,
            metadata_url: None,
        })
    }

    /// `type: oauth2` with 3.2's `oauth2MetadataUrl`.
    pub const fn oauth2_with_metadata_url(flows: OAuthFlows, metadata_url: &'static str) -> Self {
        Self::of(SecuritySchemeKind::OAuth2 {
            flows,
            metadata_url: Some(Text::Borrowed(metadata_url)),
        })
    }

    /// `type: openIdConnect`.
    pub const fn open_id_connect(url: &'static str) -> Self {
        Self::of(SecuritySchemeKind::OpenIdConnect {
            url: Text::Borrowed(url),
        })
    }

    /// `type: mutualTLS` (OpenAPI 3.1 and later).
    pub const fn mutual_tls() -> Self {
        Self::of(SecuritySchemeKind::MutualTls)
    }

    /// A scheme with every field given, as `#[derive(SecurityScheme)]` emits it.
    pub const fn declared(
        kind: SecuritySchemeKind,
        description: Option<&'static str>,
        deprecated: bool,
        extensions: &'static [Extension],
    ) -> Self {
        Self {
            kind,
            description: static_text(description),
            deprecated,
            extensions: List::Borrowed(extensions),
        }
    }

    /// Sets `description` (run-time builder; in a `const` use [`SecurityScheme::declared`]).
    #[must_use]
    pub fn with_description(mut self, description: impl Into<Text>) -> Self {
        self.description = Some(description.into());
        self
    }

    /// Marks the scheme `deprecated` (OpenAPI 3.2).
    #[must_use]
    pub fn with_deprecated(mut self, deprecated: bool) -> Self {
        self.deprecated = deprecated;
        self
    }

    /// Sets the `x-` extensions (run-time builder).
    #[must_use]
    pub fn with_extensions(mut self, extensions: impl Into<List<Extension>>) -> Self {
        self.extensions = extensions.into();
        self
    }

    /// The oldest OpenAPI version that can express this scheme.
    pub fn min_version(&self) -> OpenApiVersion {
        let mut version = OpenApiVersion::V3_0;
        if self.deprecated {
            version = version.max(OpenApiVersion::V3_2);
        }
        match &self.kind {
            SecuritySchemeKind::MutualTls => version = version.max(OpenApiVersion::V3_1),
            SecuritySchemeKind::OAuth2 {
                flows,
                metadata_url,
            } => {
                if metadata_url.is_some() || flows.device_authorization.is_some() {
                    version = version.max(OpenApiVersion::V3_2);
                }
            }
            _ => {}
        }
        version
    }
}
