//! The Security Scheme Object.

use std::borrow::Cow;

use authscheme_grammar::text::is_token;
use serde::ser::SerializeMap;
use serde::{Deserialize, Deserializer, Serialize, Serializer};
use serde_json::{Map, Value};

use super::extensions::serialize_extensions;
use super::flows::static_text;
use super::json;
use super::pointer::Pointer;
use super::{Error, Extension, List, OAuthFlows, OpenApiVersion, Text, Versioned};

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
    /// Every location, in the order OpenAPI lists them.
    pub const ALL: [Self; 3] = [Self::Query, Self::Header, Self::Cookie];

    /// The location whose `in` value is `value` (case-sensitive, as OpenAPI compares it).
    ///
    /// ```
    /// use authscheme::openapi::ApiKeyLocation;
    ///
    /// assert_eq!(ApiKeyLocation::parse("cookie"), Some(ApiKeyLocation::Cookie));
    /// assert_eq!(ApiKeyLocation::parse("Header"), None);
    /// assert_eq!(ApiKeyLocation::parse("path"), None);
    /// ```
    pub fn parse(value: &str) -> Option<Self> {
        Self::ALL
            .into_iter()
            .find(|location| location.as_str() == value)
    }

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
#[allow(
    clippy::large_enum_variant,
    reason = "built in `const`s and kept in `static`s (boxing is not `const`); never moved on a hot path"
)]
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
    pub const fn with_deprecated(mut self, deprecated: bool) -> Self {
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
            } if metadata_url.is_some() || flows.device_authorization.is_some() => {
                version = version.max(OpenApiVersion::V3_2);
            }
            _ => {}
        }
        version
    }
}

/// What [`Error::Unsupported`] names for each version-gated field.
const MUTUAL_TLS: &str = "`mutualTLS`";
const DEPRECATED: &str = "`deprecated`";
const METADATA_URL: &str = "`oauth2MetadataUrl`";

/// The `type` values, in the order messages list them.
const TYPES: [&str; 5] = ["apiKey", "http", "oauth2", "openIdConnect", "mutualTLS"];

/// Every field that belongs to one `type` only, with that type, in output order.
const KIND_FIELDS: [(&str, &str); 7] = [
    ("in", "apiKey"),
    ("name", "apiKey"),
    ("scheme", "http"),
    ("bearerFormat", "http"),
    ("flows", "oauth2"),
    ("oauth2MetadataUrl", "oauth2"),
    ("openIdConnectUrl", "openIdConnect"),
];

impl SecurityScheme {
    /// The scheme checked for `version`, ready to serialize without building a
    /// [`serde_json::Value`] (see [`Versioned`]).
    ///
    /// ```
    /// use authscheme::openapi::{OpenApiVersion, SecurityScheme};
    ///
    /// let digest = SecurityScheme::http("digest");
    /// let text = serde_json::to_string(&digest.versioned(OpenApiVersion::V3_0)?)?;
    /// assert_eq!(text, r#"{"type":"http","scheme":"digest"}"#);
    /// # Ok::<(), Box<dyn std::error::Error>>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Unsupported`] when the scheme uses what `version` cannot express: `mutualTLS`
    /// before 3.1; `deprecated`, `oauth2MetadataUrl` or a `deviceAuthorization` flow before
    /// 3.2. [`Error::Invalid`] when an invariant that construction cannot enforce is broken:
    /// an `http` scheme that is not an RFC 9110 token, `bearerFormat` with a scheme other than
    /// `bearer`, an empty API key name (or, in a header or cookie, one that is not a token), a
    /// URL that is not an RFC 3986 URI reference, a flow in the wrong slot or missing a URL
    /// its kind requires, a scope declared twice, an extension key without the `x-` prefix or
    /// (3.1+) with the reserved `x-oai-`/`x-oas-` prefix, two extensions with one key, or a
    /// non-finite float extension value.
    pub fn versioned(&self, version: OpenApiVersion) -> Result<Versioned<'_, Self>, Error> {
        self.check(version, &Pointer::Root)?;
        Ok(Versioned::trusted(self, version))
    }

    /// The Security Scheme Object as JSON for `version`, keys in canonical order: `type`,
    /// `description`, the fields of the kind (`in` before `name` for `apiKey`, as FastAPI),
    /// `deprecated` (only when `true`), then the `x-` extensions. The `http` scheme is written
    /// lowercase; absent fields are omitted, never `null`.
    ///
    /// ```
    /// use authscheme::openapi::{Error, OpenApiVersion, SecurityScheme};
    ///
    /// let scheme = SecurityScheme::http("Basic").with_deprecated(true);
    /// assert_eq!(
    ///     scheme.to_json(OpenApiVersion::V3_2)?.to_string(),
    ///     r#"{"type":"http","scheme":"basic","deprecated":true}"#
    /// );
    /// let err = scheme.to_json(OpenApiVersion::V3_1).unwrap_err();
    /// assert_eq!(
    ///     err.to_string(),
    ///     "/deprecated: `deprecated` requires OpenAPI 3.2 or later (target is 3.1)"
    /// );
    /// # Ok::<(), Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// As [`SecurityScheme::versioned`].
    pub fn to_json(&self, version: OpenApiVersion) -> Result<Value, Error> {
        self.versioned(version)?.to_value()
    }

    /// The Security Scheme Object as compact JSON text for `version` (same content and order
    /// as [`SecurityScheme::to_json`]).
    ///
    /// # Errors
    ///
    /// As [`SecurityScheme::versioned`].
    pub fn to_json_string(&self, version: OpenApiVersion) -> Result<String, Error> {
        self.versioned(version)?.to_text()
    }

    /// Reads a Security Scheme Object written for `version`.
    ///
    /// The `http` scheme is matched case-insensitively (so `"Bearer"` allows `bearerFormat`)
    /// and kept as written.
    ///
    /// ```
    /// use authscheme::openapi::{OpenApiVersion, SecurityScheme};
    /// use serde_json::json;
    ///
    /// let json = json!({"type": "http", "scheme": "Bearer", "bearerFormat": "JWT"});
    /// let scheme = SecurityScheme::from_json(&json, OpenApiVersion::V3_1)?;
    /// assert_eq!(scheme, SecurityScheme::http("Bearer").with_bearer_format("JWT"));
    ///
    /// let json = json!({"type": "apiKey", "in": "path", "name": "key"});
    /// let err = SecurityScheme::from_json(&json, OpenApiVersion::V3_1).unwrap_err();
    /// assert_eq!(err.to_string(), r#"/in: expected "query", "header" or "cookie", found "path""#);
    /// # Ok::<(), authscheme::openapi::Error>(())
    /// ```
    ///
    /// # Errors
    ///
    /// [`Error::Invalid`], with the JSON Pointer of the offending value, for anything that is
    /// not a valid Security Scheme Object: not an object, a missing or unknown `type`, a
    /// missing required field, a field of another type, an unknown field that is not an `x-`
    /// extension, a value of the wrong JSON type (`null` included), and every invariant
    /// [`SecurityScheme::versioned`] checks. [`Error::Unsupported`] for a field `version`
    /// cannot express.
    pub fn from_json(value: &Value, version: OpenApiVersion) -> Result<Self, Error> {
        Self::read(value, version, &Pointer::Root)
    }

    /// Sets `bearerFormat` on an `http` scheme (run-time builder; in a `const` use
    /// [`SecurityScheme::bearer`] or [`SecurityScheme::declared`]). Has no effect on other
    /// kinds. Writing fails unless the scheme is `bearer`.
    #[must_use]
    pub fn with_bearer_format(mut self, format: impl Into<Text>) -> Self {
        if let SecuritySchemeKind::Http { bearer_format, .. } = &mut self.kind {
            *bearer_format = Some(format.into());
        }
        self
    }

    pub(crate) fn check(&self, version: OpenApiVersion, at: &Pointer<'_>) -> Result<(), Error> {
        match &self.kind {
            SecuritySchemeKind::ApiKey { name, location } => {
                check_api_key_name(name, *location, &at.key("name"))?;
            }
            SecuritySchemeKind::Http {
                scheme,
                bearer_format,
            } => {
                check_http_scheme(scheme, &at.key("scheme"))?;
                if bearer_format.is_some() {
                    check_bearer_format_allowed(scheme, at)?;
                }
            }
            SecuritySchemeKind::OAuth2 {
                flows,
                metadata_url,
            } => {
                flows.check(version, &at.key("flows"))?;
                if let Some(url) = metadata_url {
                    let here = at.key("oauth2MetadataUrl");
                    Error::gate(&here, METADATA_URL, OpenApiVersion::V3_2, version)?;
                    json::check_url(url, &here)?;
                }
            }
            SecuritySchemeKind::OpenIdConnect { url } => {
                json::check_url(url, &at.key("openIdConnectUrl"))?;
            }
            SecuritySchemeKind::MutualTls => {
                Error::gate(&at.key("type"), MUTUAL_TLS, OpenApiVersion::V3_1, version)?;
            }
        }
        if self.deprecated {
            Error::gate(
                &at.key("deprecated"),
                DEPRECATED,
                OpenApiVersion::V3_2,
                version,
            )?;
        }
        json::check_extensions(&self.extensions, version, at)
    }

    pub(crate) fn read(
        value: &Value,
        version: OpenApiVersion,
        at: &Pointer<'_>,
    ) -> Result<Self, Error> {
        let map = json::object(value, at)?;
        if map.contains_key("$ref") {
            return Err(Error::invalid(
                &at.key("$ref"),
                "Reference Objects (`$ref`) are not supported here; write the security scheme inline",
            ));
        }
        let type_at = at.key("type");
        let ty = json::str(json::required(map, "type", at)?, &type_at)?;
        if !TYPES.contains(&ty) {
            return Err(unknown_type(ty, &type_at));
        }
        if ty == "mutualTLS" {
            Error::gate(&type_at, MUTUAL_TLS, OpenApiVersion::V3_1, version)?;
        }
        let mut description = None;
        let mut deprecated = false;
        let mut extensions = Vec::new();
        for (key, value) in map {
            let here = at.key(key);
            match key.as_str() {
                "type" => {}
                "description" => description = Some(json::text(value, &here)?),
                "deprecated" => {
                    Error::gate(&here, DEPRECATED, OpenApiVersion::V3_2, version)?;
                    deprecated = json::boolean(value, &here)?;
                }
                _ if key.starts_with("x-") => {
                    extensions.push(json::extension(key, value, version, at)?);
                }
                _ => match KIND_FIELDS.iter().find(|(field, _)| field == key) {
                    Some((_, owner)) if *owner == ty => {}
                    Some(_) => {
                        return Err(Error::invalid(
                            &here,
                            format!("field `{key}` is not allowed for type `{ty}`"),
                        ));
                    }
                    None => {
                        let mut allowed = vec!["type", "description"];
                        allowed.extend(
                            KIND_FIELDS
                                .iter()
                                .filter(|(_, owner)| *owner == ty)
                                .map(|(field, _)| *field),
                        );
                        if version.at_least(OpenApiVersion::V3_2) {
                            allowed.push("deprecated");
                        }
                        let what = format!("a security scheme of type `{ty}`");
                        return Err(json::unknown_field(key, &what, &allowed, at));
                    }
                },
            }
        }
        let kind = read_kind(ty, map, version, at)?;
        Ok(Self {
            kind,
            description,
            deprecated,
            extensions: List::Owned(extensions),
        })
    }
}

/// The fields of the kind, once every member of `map` is known to be allowed for `ty`.
fn read_kind(
    ty: &str,
    map: &Map<String, Value>,
    version: OpenApiVersion,
    at: &Pointer<'_>,
) -> Result<SecuritySchemeKind, Error> {
    Ok(match ty {
        "apiKey" => {
            let in_at = at.key("in");
            let location = json::str(json::required(map, "in", at)?, &in_at)?;
            let location = ApiKeyLocation::parse(location).ok_or_else(|| {
                Error::invalid(
                    &in_at,
                    format!(
                        r#"expected "query", "header" or "cookie", found {}"#,
                        json::quoted(location)
                    ),
                )
            })?;
            let name_at = at.key("name");
            let name = json::text(json::required(map, "name", at)?, &name_at)?;
            check_api_key_name(&name, location, &name_at)?;
            SecuritySchemeKind::ApiKey { name, location }
        }
        "http" => {
            let scheme_at = at.key("scheme");
            let scheme = json::text(json::required(map, "scheme", at)?, &scheme_at)?;
            check_http_scheme(&scheme, &scheme_at)?;
            let bearer_format = match map.get("bearerFormat") {
                Some(format) => {
                    check_bearer_format_allowed(&scheme, at)?;
                    Some(json::text(format, &at.key("bearerFormat"))?)
                }
                None => None,
            };
            SecuritySchemeKind::Http {
                scheme,
                bearer_format,
            }
        }
        "oauth2" => {
            let flows =
                OAuthFlows::read(json::required(map, "flows", at)?, version, &at.key("flows"))?;
            let metadata_url = match map.get("oauth2MetadataUrl") {
                Some(url) => {
                    let here = at.key("oauth2MetadataUrl");
                    Error::gate(&here, METADATA_URL, OpenApiVersion::V3_2, version)?;
                    Some(json::url(url, &here)?)
                }
                None => None,
            };
            SecuritySchemeKind::OAuth2 {
                flows,
                metadata_url,
            }
        }
        "openIdConnect" => SecuritySchemeKind::OpenIdConnect {
            url: json::url(
                json::required(map, "openIdConnectUrl", at)?,
                &at.key("openIdConnectUrl"),
            )?,
        },
        _ => SecuritySchemeKind::MutualTls,
    })
}

fn unknown_type(ty: &str, at: &Pointer<'_>) -> Error {
    let hint = TYPES
        .iter()
        .find(|known| known.eq_ignore_ascii_case(ty))
        .map_or_else(String::new, |known| format!(" (did you mean `{known}`?)"));
    Error::invalid(
        at,
        format!(
            "unknown security scheme type `{ty}`{hint}; expected `apiKey`, `http`, `oauth2`, \
             `openIdConnect` or `mutualTLS`"
        ),
    )
}

/// CT-C3/C4/C5: not empty; a header or cookie name is an RFC 9110 token.
fn check_api_key_name(name: &str, location: ApiKeyLocation, at: &Pointer<'_>) -> Result<(), Error> {
    let problem = if name.is_empty() {
        "the API key name must not be empty"
    } else if location != ApiKeyLocation::Query && !is_token(name) {
        match location {
            ApiKeyLocation::Header => "not a valid header name (RFC 9110 §5.1: a token)",
            _ => "not a valid cookie name (RFC 6265 §4.1.1: a token)",
        }
    } else {
        return Ok(());
    };
    Err(Error::invalid(
        at,
        format!("{}: {problem}", json::quoted(name)),
    ))
}

/// CT-B2: the auth-scheme is an RFC 9110 token.
fn check_http_scheme(scheme: &str, at: &Pointer<'_>) -> Result<(), Error> {
    if is_token(scheme) {
        Ok(())
    } else {
        Err(Error::invalid(
            at,
            format!(
                "{}: not an HTTP auth-scheme (RFC 9110 §11.1: a token)",
                json::quoted(scheme)
            ),
        ))
    }
}

/// CT-B5: `bearerFormat` only with the `bearer` scheme, compared case-insensitively.
fn check_bearer_format_allowed(scheme: &str, at: &Pointer<'_>) -> Result<(), Error> {
    if scheme.eq_ignore_ascii_case("bearer") {
        Ok(())
    } else {
        Err(Error::invalid(
            &at.key("bearerFormat"),
            format!(
                r#"field `bearerFormat` is only allowed when `scheme` is "bearer", found {}"#,
                json::quoted(scheme)
            ),
        ))
    }
}

/// The auth-scheme as written: lowercase (O-2), allocating only when it is not already.
fn lowercase(text: &str) -> Cow<'_, str> {
    if text.bytes().any(|b| b.is_ascii_uppercase()) {
        Cow::Owned(text.to_ascii_lowercase())
    } else {
        Cow::Borrowed(text)
    }
}

impl Serialize for Versioned<'_, SecurityScheme> {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        let scheme = self.value;
        let mut map = serializer.serialize_map(None)?;
        map.serialize_entry("type", scheme.kind.type_name())?;
        if let Some(description) = &scheme.description {
            map.serialize_entry("description", description)?;
        }
        match &scheme.kind {
            SecuritySchemeKind::ApiKey { name, location } => {
                map.serialize_entry("in", location.as_str())?;
                map.serialize_entry("name", name)?;
            }
            SecuritySchemeKind::Http {
                scheme,
                bearer_format,
            } => {
                map.serialize_entry("scheme", &lowercase(scheme))?;
                if let Some(format) = bearer_format {
                    map.serialize_entry("bearerFormat", format)?;
                }
            }
            SecuritySchemeKind::OAuth2 {
                flows,
                metadata_url,
            } => {
                map.serialize_entry("flows", &Versioned::trusted(flows, self.version))?;
                if let Some(url) = metadata_url {
                    map.serialize_entry("oauth2MetadataUrl", url)?;
                }
            }
            SecuritySchemeKind::OpenIdConnect { url } => {
                map.serialize_entry("openIdConnectUrl", url)?;
            }
            SecuritySchemeKind::MutualTls => {}
        }
        if scheme.deprecated {
            map.serialize_entry("deprecated", &true)?;
        }
        serialize_extensions(&mut map, &scheme.extensions)?;
        map.end()
    }
}

/// Writes the scheme with OpenAPI 3.2's rules: the output is the same for every version that
/// can express the scheme. Use [`SecurityScheme::versioned`] or [`SecurityScheme::to_json`]
/// to target a version.
impl Serialize for SecurityScheme {
    fn serialize<S: Serializer>(&self, serializer: S) -> Result<S::Ok, S::Error> {
        self.versioned(OpenApiVersion::V3_2)
            .map_err(serde::ser::Error::custom)?
            .serialize(serializer)
    }
}

/// Reads the scheme with OpenAPI 3.2's rules (every field accepted); use
/// [`SecurityScheme::from_json`] to pick a version.
impl<'de> Deserialize<'de> for SecurityScheme {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let value = Value::deserialize(deserializer)?;
        Self::from_json(&value, OpenApiVersion::V3_2).map_err(serde::de::Error::custom)
    }
}

#[cfg(test)]
mod tests {
    use serde_json::json;

    use super::*;
    use crate::openapi::{ExtensionValue, OAuthFlow};

    fn read(value: &Value) -> String {
        SecurityScheme::from_json(value, OpenApiVersion::V3_2)
            .unwrap_err()
            .to_string()
    }

    #[test]
    fn key_order_follows_fastapi() {
        let key = SecurityScheme::api_key("k", ApiKeyLocation::Query)
            .with_description("d")
            .with_extensions(vec![Extension::new("x-a", ExtensionValue::Int(1))]);
        assert_eq!(
            key.to_json_string(OpenApiVersion::V3_0).unwrap(),
            r#"{"type":"apiKey","description":"d","in":"query","name":"k","x-a":1}"#
        );
        let oauth = SecurityScheme::oauth2_with_metadata_url(
            OAuthFlows::single(OAuthFlow::password("/t", &[])),
            "https://as.example.com/.well-known/oauth-authorization-server",
        )
        .with_deprecated(true);
        assert_eq!(
            oauth.to_json_string(OpenApiVersion::V3_2).unwrap(),
            r#"{"type":"oauth2","flows":{"password":{"scopes":{},"tokenUrl":"/t"}},"oauth2MetadataUrl":"https://as.example.com/.well-known/oauth-authorization-server","deprecated":true}"#
        );
    }

    #[test]
    fn version_gates() {
        let gated = [
            (SecurityScheme::mutual_tls(), "/type", OpenApiVersion::V3_1),
            (
                SecurityScheme::http("basic").with_deprecated(true),
                "/deprecated",
                OpenApiVersion::V3_2,
            ),
            (
                SecurityScheme::oauth2_with_metadata_url(OAuthFlows::new(), "/meta"),
                "/oauth2MetadataUrl",
                OpenApiVersion::V3_2,
            ),
            (
                SecurityScheme::oauth2(OAuthFlows::single(OAuthFlow::device_authorization(
                    "/d",
                    "/t",
                    &[],
                ))),
                "/flows/deviceAuthorization",
                OpenApiVersion::V3_2,
            ),
        ];
        for (scheme, path, required) in gated {
            assert_eq!(scheme.min_version(), required);
            for version in OpenApiVersion::ALL {
                let written = scheme.to_json(version);
                if version >= required {
                    let json = written.unwrap();
                    assert_eq!(SecurityScheme::from_json(&json, version).unwrap(), scheme);
                    if let Some(older) = OpenApiVersion::ALL.into_iter().find(|v| *v < required) {
                        let err = SecurityScheme::from_json(&json, older).unwrap_err();
                        assert!(matches!(err, Error::Unsupported { .. }), "{err}");
                        assert_eq!(err.path(), path);
                    }
                } else {
                    let err = written.unwrap_err();
                    assert_eq!(
                        err,
                        Error::Unsupported {
                            path: path.to_owned(),
                            feature: match path {
                                "/type" => MUTUAL_TLS,
                                "/deprecated" => DEPRECATED,
                                "/oauth2MetadataUrl" => METADATA_URL,
                                _ => "the `deviceAuthorization` OAuth flow",
                            },
                            required,
                            target: version,
                        }
                    );
                }
            }
        }
    }

    #[test]
    fn invariants_are_checked_on_write() {
        let cases = [
            (
                SecurityScheme::http("basic").with_bearer_format("JWT"),
                r#"/bearerFormat: field `bearerFormat` is only allowed when `scheme` is "bearer", found "basic""#,
            ),
            (
                SecurityScheme::http("scram sha"),
                r#"/scheme: "scram sha": not an HTTP auth-scheme (RFC 9110 §11.1: a token)"#,
            ),
            (
                SecurityScheme::api_key("", ApiKeyLocation::Query),
                r#"/name: "": the API key name must not be empty"#,
            ),
            (
                SecurityScheme::api_key("X Key", ApiKeyLocation::Header),
                r#"/name: "X Key": not a valid header name (RFC 9110 §5.1: a token)"#,
            ),
            (
                SecurityScheme::api_key("a=b", ApiKeyLocation::Cookie),
                r#"/name: "a=b": not a valid cookie name (RFC 6265 §4.1.1: a token)"#,
            ),
            (
                SecurityScheme::open_id_connect("https://id.example.com/{tenant}"),
                "/openIdConnectUrl: not a valid URI reference: invalid character '{' at byte 23",
            ),
            (
                SecurityScheme::open_id_connect("https://id.example.com:oidc/.well-known/x"),
                "/openIdConnectUrl: not a valid URI reference: the port is not a number (byte 23)",
            ),
            (
                SecurityScheme::open_id_connect("https://id.example.com/.well-known/x#top"),
                "/openIdConnectUrl: a URL field must not contain a fragment (`#...`) (RFC 6749 \
                 §3.1, RFC 8414 §2)",
            ),
            (
                SecurityScheme::mutual_tls()
                    .with_extensions(vec![Extension::new("internal", ExtensionValue::Bool(true))]),
                "/internal: extension field `internal` must start with `x-`",
            ),
            (
                SecurityScheme::mutual_tls()
                    .with_extensions(vec![Extension::new("x-oas-a", ExtensionValue::Bool(true))]),
                "/x-oas-a: extension prefix `x-oas-` is reserved by the OpenAPI Initiative (OpenAPI 3.1)",
            ),
            (
                SecurityScheme::mutual_tls().with_extensions(vec![
                    Extension::new("x-a", ExtensionValue::Bool(true)),
                    Extension::new("x-a", ExtensionValue::Bool(false)),
                ]),
                "/x-a: duplicate extension `x-a`",
            ),
            (
                SecurityScheme::mutual_tls()
                    .with_extensions(vec![Extension::new("x-a", ExtensionValue::Float(f64::NAN))]),
                "/x-a: extension value must be a finite number, found NaN",
            ),
        ];
        for (scheme, message) in cases {
            assert_eq!(
                scheme
                    .to_json(OpenApiVersion::V3_1)
                    .unwrap_err()
                    .to_string(),
                message
            );
        }
        // x-oai-/x-oas- are only reserved from 3.1 on.
        let old = SecurityScheme::http("basic")
            .with_extensions(vec![Extension::new("x-oai-a", ExtensionValue::Int(1))]);
        assert!(old.to_json(OpenApiVersion::V3_0).is_ok());
    }

    #[test]
    fn http_scheme_is_written_lowercase_and_read_as_written() {
        let json = SecurityScheme::http("SCRAM-SHA-256")
            .to_json(OpenApiVersion::V3_1)
            .unwrap();
        assert_eq!(json, json!({"type": "http", "scheme": "scram-sha-256"}));
        let read = SecurityScheme::from_json(
            &json!({"type": "http", "scheme": "BEARER", "bearerFormat": "JWT"}),
            OpenApiVersion::V3_0,
        )
        .unwrap();
        assert_eq!(
            read,
            SecurityScheme::http("BEARER").with_bearer_format("JWT")
        );
    }

    #[test]
    fn read_errors_name_the_field() {
        assert_eq!(
            read(&json!({"type": "apiKey", "in": "header", "name": "k", "scheme": "basic"})),
            "/scheme: field `scheme` is not allowed for type `apiKey`"
        );
        assert_eq!(
            read(&json!({"type": "jwt"})),
            "/type: unknown security scheme type `jwt`; expected `apiKey`, `http`, `oauth2`, `openIdConnect` or `mutualTLS`"
        );
        assert!(read(&json!({"type": "ApiKey"})).contains("(did you mean `apiKey`?)"));
        assert_eq!(read(&json!({})), "/: missing required field `type`");
        assert_eq!(read(&json!([])), "/: expected an object, found an array");
        assert_eq!(
            read(&json!({"type": "http", "scheme": "basic", "realm": "r"})),
            "/realm: unknown field `realm` in a security scheme of type `http`; expected `type`, `description`, `scheme`, `bearerFormat`, `deprecated`, or an `x-` extension"
        );
        assert_eq!(
            read(&json!({"$ref": "#/components/securitySchemes/a"})),
            "/$ref: Reference Objects (`$ref`) are not supported here; write the security scheme inline"
        );
        assert_eq!(
            read(&json!({"type": "openIdConnect", "openIdConnectUrl": null})),
            "/openIdConnectUrl: expected a string, found null"
        );
    }

    #[test]
    fn plain_serde_uses_3_2_rules() {
        let scheme = SecurityScheme::mutual_tls().with_deprecated(true);
        let text = serde_json::to_string(&scheme).unwrap();
        assert_eq!(text, r#"{"type":"mutualTLS","deprecated":true}"#);
        assert_eq!(
            serde_json::from_str::<SecurityScheme>(&text).unwrap(),
            scheme
        );
        assert!(serde_json::from_str::<SecurityScheme>(r#"{"type":"jwt"}"#).is_err());
    }
}
