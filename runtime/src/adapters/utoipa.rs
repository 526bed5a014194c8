//! utoipa 6 integration (feature `utoipa`): our OpenAPI model written into utoipa's, schemes
//! added to a utoipa [`OpenApi`](::utoipa::openapi::OpenApi) by a
//! [`Modify`], and a route's `security` taken from its use-site type.
//!
//! * [`security_scheme`] converts a Security Scheme Object faithfully, or refuses: it never
//!   drops a field.
//! * [`AddSchemes<(A, B, ..)>`](AddSchemes) is a `Modify` that declares scheme types in
//!   `components.securitySchemes`.
//! * [`security::<R>()`](security) is the `security` of a requirement type `R`, for
//!   `Operation::security` or a path item you build yourself.
//! * A [`SecurityDocument`] is a `Modify` too: it adds its schemes and, on each of its
//!   routes, replaces the operation's `security` and adds the 401/403 responses — no
//!   `#[utoipa::path(security(..))]` to keep in sync by hand.
//!
//! # What utoipa cannot express
//!
//! | our model | utoipa 6 | here |
//! |---|---|---|
//! | `http` scheme outside utoipa's `HttpAuthScheme` list (`basic`, `bearer`, `digest`, `hoba`, `mutual`, `negotiate`, `oauth`, `scram-sha-1`, `scram-sha-256`, `vapid`), e.g. `#[http(scheme = "dpop")]` | closed enum | [`UtoipaError::Unrepresentable`] |
//! | `x-` extensions of the OAuth Flows Object (`flows_extensions(..)`) | no field | [`UtoipaError::Unrepresentable`] |
//! | OpenAPI 3.0 | documents are 3.1 or 3.2 | the schemes are checked for the document's version |
//! | order of flows and of scopes | `BTreeMap`: sorted by name | same content, alphabetical order (Swagger UI lists scopes in that order) |
//! | order of schemes in a requirement | `BTreeMap`: sorted by name | same meaning (a requirement object is a set) |
//!
//! Everything else maps one to one: descriptions, extensions of schemes and flows, 3.2's
//! `deprecated`, `oauth2MetadataUrl` and `deviceAuthorization` (refused, like in our own
//! writer, when the document is 3.1), `mutualTLS`, refresh URLs.
//!
//! ```
//! use authscheme::SecurityScheme;
//! use authscheme::adapters::utoipa::{AddSchemes, security};
//! use authscheme::compose::Auth;
//! use utoipa::Modify;
//!
//! #[derive(SecurityScheme)]
//! #[http(bearer, format = "JWT")]
//! struct Jwt;
//!
//! let mut api = utoipa::openapi::OpenApi::default();
//! AddSchemes::<(Jwt,)>::NEW.modify(&mut api);
//! let json = serde_json::to_value(&api).unwrap();
//! assert_eq!(
//!     json["components"]["securitySchemes"]["Jwt"],
//!     serde_json::json!({"type": "http", "scheme": "bearer", "bearerFormat": "JWT"})
//! );
//! assert_eq!(
//!     serde_json::to_value(security::<Option<Auth<Jwt>>>()).unwrap(),
//!     serde_json::json!([{}, {"Jwt": []}])
//! );
//! ```

use std::marker::PhantomData;

use ::utoipa::Modify;
use ::utoipa::openapi::extensions::Extensions;
use ::utoipa::openapi::path::{Operation, PathItem};
use ::utoipa::openapi::security::{
    self as u, ApiKey, ApiKeyValue, AuthorizationCode, ClientCredentials, DeviceAuthorization,
    Flow, Http, HttpAuthScheme, Implicit, OAuth2, OpenIdConnect, Password, Scopes,
};
use ::utoipa::openapi::{self as uo, Components, Deprecated, RefOr};

use crate::compose::Requirement;
use crate::document::{DocumentError, SecurityDocument};
use crate::openapi::{
    self, ApiKeyLocation, Extension, OAuthFlow, OpenApiVersion, SecurityRequirement,
    SecuritySchemeKind, Text,
};

/// Why something could not be written into a utoipa document.
#[derive(Clone, Debug, PartialEq, Eq, thiserror::Error)]
#[non_exhaustive]
pub enum UtoipaError {
    /// utoipa's model has no way to say it (see the [module documentation](self)).
    #[error("security scheme `{name}`: {what} cannot be expressed in utoipa's model")]
    Unrepresentable {
        /// The scheme's components name.
        name: String,
        /// What cannot be expressed.
        what: String,
    },
    /// The document's `components.securitySchemes` already holds a different scheme under
    /// this name.
    #[error("security scheme `{name}` is already declared with a different definition")]
    Conflict {
        /// The components name.
        name: String,
    },
    /// The scheme or requirement cannot be written for the document's OpenAPI version, or a
    /// scheme needs a newer version.
    #[error(transparent)]
    Document(#[from] DocumentError),
}

/// The OpenAPI version of a utoipa document.
pub fn version_of(api: &uo::OpenApi) -> OpenApiVersion {
    match api.openapi {
        uo::OpenApiVersion::Version31 => OpenApiVersion::V3_1,
        uo::OpenApiVersion::Version32 => OpenApiVersion::V3_2,
    }
}

/// The Security Scheme Object `scheme`, named `name`, as utoipa's, after checking it can be
/// written for `version`.
///
/// # Errors
///
/// [`UtoipaError::Document`] when `version` cannot express the scheme (e.g. `deprecated`
/// before 3.2), [`UtoipaError::Unrepresentable`] when utoipa cannot (see the
/// [module documentation](self)).
pub fn security_scheme(
    name: &str,
    scheme: &openapi::SecurityScheme,
    version: OpenApiVersion,
) -> Result<u::SecurityScheme, UtoipaError> {
    scheme.versioned(version).map_err(|error| {
        DocumentError::openapi(&format!("/components/securitySchemes/{name}"), error)
    })?;
    let description = scheme.description.as_deref().map(str::to_owned);
    let deprecated = scheme.deprecated.then_some(Deprecated::True);
    let extensions = extensions(&scheme.extensions);
    Ok(match &scheme.kind {
        SecuritySchemeKind::ApiKey { name, location } => {
            let mut value = ApiKeyValue::new(name.as_ref());
            value.description = description;
            value.deprecated = deprecated;
            value.extensions = extensions;
            u::SecurityScheme::ApiKey(match location {
                ApiKeyLocation::Header => ApiKey::Header(value),
                ApiKeyLocation::Query => ApiKey::Query(value),
                ApiKeyLocation::Cookie => ApiKey::Cookie(value),
            })
        }
        SecuritySchemeKind::Http {
            scheme: word,
            bearer_format,
        } => {
            let Some(word) = http_scheme(word) else {
                return Err(UtoipaError::Unrepresentable {
                    name: name.to_owned(),
                    what: format!("the `http` scheme `{word}` (not in utoipa's `HttpAuthScheme`)"),
                });
            };
            let mut http = Http::new(word);
            http.bearer_format = bearer_format.as_deref().map(str::to_owned);
            http.description = description;
            http.deprecated = deprecated;
            http.extensions = extensions;
            u::SecurityScheme::Http(http)
        }
        SecuritySchemeKind::OAuth2 {
            flows,
            metadata_url,
        } => {
            if !flows.extensions.is_empty() {
                return Err(UtoipaError::Unrepresentable {
                    name: name.to_owned(),
                    what: "an `x-` extension of the OAuth Flows Object".to_owned(),
                });
            }
            let mut oauth2 = OAuth2::new(flows.iter().map(flow));
            oauth2.oauth2_metadata_url = metadata_url.as_deref().map(str::to_owned);
            oauth2.description = description;
            oauth2.deprecated = deprecated;
            oauth2.extensions = extensions;
            u::SecurityScheme::OAuth2(oauth2)
        }
        SecuritySchemeKind::OpenIdConnect { url } => {
            let mut oidc = OpenIdConnect::new(url.as_ref());
            oidc.description = description;
            oidc.deprecated = deprecated;
            oidc.extensions = extensions;
            u::SecurityScheme::OpenIdConnect(oidc)
        }
        SecuritySchemeKind::MutualTls => u::SecurityScheme::MutualTls {
            description,
            deprecated,
            extensions,
        },
    })
}

/// utoipa's name for an `http` auth-scheme, compared without case.
fn http_scheme(word: &str) -> Option<HttpAuthScheme> {
    Some(match word.to_ascii_lowercase().as_str() {
        "basic" => HttpAuthScheme::Basic,
        "bearer" => HttpAuthScheme::Bearer,
        "digest" => HttpAuthScheme::Digest,
        "hoba" => HttpAuthScheme::Hoba,
        "mutual" => HttpAuthScheme::Mutual,
        "negotiate" => HttpAuthScheme::Negotiate,
        "oauth" => HttpAuthScheme::OAuth,
        "scram-sha-1" => HttpAuthScheme::ScramSha1,
        "scram-sha-256" => HttpAuthScheme::ScramSha256,
        "vapid" => HttpAuthScheme::Vapid,
        _ => return None,
    })
}

/// One flow. The URLs a flow needs are present: `versioned` checked them.
fn flow(flow: &OAuthFlow) -> Flow {
    let url = |url: &Option<Text>| url.as_deref().unwrap_or_default().to_owned();
    let scopes: Scopes = flow
        .scopes
        .iter()
        .map(|scope| (scope.name.to_string(), scope.description.to_string()))
        .collect();
    let refresh_url = flow.refresh_url.as_deref().map(str::to_owned);
    let extensions = extensions(&flow.extensions);
    match flow.kind() {
        openapi::FlowKind::Implicit => {
            let mut implicit = Implicit::new(url(&flow.authorization_url), scopes);
            implicit.refresh_url = refresh_url;
            implicit.extensions = extensions;
            Flow::Implicit(implicit)
        }
        openapi::FlowKind::Password => {
            let mut password = Password::new(url(&flow.token_url), scopes);
            password.refresh_url = refresh_url;
            password.extensions = extensions;
            Flow::Password(password)
        }
        openapi::FlowKind::ClientCredentials => {
            let mut client = ClientCredentials::new(url(&flow.token_url), scopes);
            client.refresh_url = refresh_url;
            client.extensions = extensions;
            Flow::ClientCredentials(client)
        }
        openapi::FlowKind::AuthorizationCode => {
            let mut code =
                AuthorizationCode::new(url(&flow.authorization_url), url(&flow.token_url), scopes);
            code.refresh_url = refresh_url;
            code.extensions = extensions;
            Flow::AuthorizationCode(code)
        }
        openapi::FlowKind::DeviceAuthorization => {
            let mut device = DeviceAuthorization::new(
                url(&flow.device_authorization_url),
                url(&flow.token_url),
                scopes,
            );
            device.refresh_url = refresh_url;
            device.extensions = extensions;
            Flow::DeviceAuthorization(device)
        }
    }
}

fn extensions(extensions: &[Extension]) -> Option<Extensions> {
    (!extensions.is_empty()).then(|| {
        extensions
            .iter()
            .map(|extension| (extension.key.to_string(), extension.value.to_json()))
            .collect()
    })
}

/// One Security Requirement Object as utoipa's (repeated scopes dropped, like our writer).
pub fn requirement(requirement: &SecurityRequirement) -> u::SecurityRequirement {
    requirement
        .iter()
        .fold(u::SecurityRequirement::default(), |out, (name, scopes)| {
            let mut unique: Vec<String> = Vec::with_capacity(scopes.len());
            for scope in scopes {
                if !unique.iter().any(|known| known == scope.as_ref()) {
                    unique.push(scope.to_string());
                }
            }
            out.add(name, unique)
        })
}

/// The operation `security` of the requirement type `R` (`Auth<S>`, `Option<..>`,
/// `Verified<..>`, `AnyOf<..>`, `AllOf<..>`), as utoipa's.
///
/// Put it in `Operation::security`; declare the schemes it names with [`AddSchemes`] or a
/// [`SecurityDocument`] (which does both).
pub fn security<R: Requirement>() -> Vec<u::SecurityRequirement> {
    R::security().iter().map(requirement).collect()
}

/// Adds `scheme` under `name` to `api`'s components: nothing to do if the same scheme is
/// there, [`UtoipaError::Conflict`] if another one is.
fn insert_scheme(
    api: &mut uo::OpenApi,
    name: &str,
    scheme: &openapi::SecurityScheme,
) -> Result<(), UtoipaError> {
    let converted = security_scheme(name, scheme, version_of(api))?;
    let components = api.components.get_or_insert_with(Components::new);
    match components.security_schemes.get(name) {
        Some(RefOr::T(existing)) if *existing == converted => Ok(()),
        Some(_) => Err(UtoipaError::Conflict {
            name: name.to_owned(),
        }),
        None => {
            components.add_security_scheme(name, converted);
            Ok(())
        }
    }
}

/// A tuple of scheme types: `(A,)`, `(A, B)`, … up to eight.
pub trait SchemeList {
    /// Adds every scheme to `api`.
    ///
    /// # Errors
    ///
    /// As [`AddSchemes::apply`].
    fn add_to(api: &mut uo::OpenApi) -> Result<(), UtoipaError>;
}

macro_rules! scheme_list {
    ($($S:ident),+) => {
        impl<$($S: crate::SecurityScheme),+> SchemeList for ($($S,)+) {
            fn add_to(api: &mut uo::OpenApi) -> Result<(), UtoipaError> {
                let version = version_of(api);
                $(
                    if !version.at_least($S::MIN_OPENAPI_VERSION) {
                        return Err(DocumentError::SchemeVersion {
                            name: $S::NAME,
                            rust_type: std::any::type_name::<$S>(),
                            required: $S::MIN_OPENAPI_VERSION,
                            target: version,
                        }
                        .into());
                    }
                    insert_scheme(api, $S::NAME, $S::openapi())?;
                )+
                Ok(())
            }
        }
    };
}

scheme_list!(A);
scheme_list!(A, B);
scheme_list!(A, B, C);
scheme_list!(A, B, C, D);
scheme_list!(A, B, C, D, E);
scheme_list!(A, B, C, D, E, F);
scheme_list!(A, B, C, D, E, F, G);
scheme_list!(A, B, C, D, E, F, G, H);

/// A [`Modify`] that declares the scheme types of the tuple `T` in
/// `components.securitySchemes`.
///
/// utoipa 6's `#[openapi(modifiers(&NAME))]` takes the name of a value, not a path with
/// generics: give the modifier a name with a `const` first.
///
/// ```
/// use authscheme::SecurityScheme;
/// use authscheme::adapters::utoipa::AddSchemes;
/// use utoipa::OpenApi;
///
/// #[derive(SecurityScheme)]
/// #[http(bearer, format = "JWT")]
/// struct Jwt;
///
/// #[derive(SecurityScheme)]
/// #[api_key(header = "X-API-Key")]
/// struct Key;
///
/// const SCHEMES: AddSchemes<(Jwt, Key)> = AddSchemes::NEW;
///
/// #[derive(OpenApi)]
/// #[openapi(modifiers(&SCHEMES))]
/// struct ApiDoc;
///
/// let json = serde_json::to_value(ApiDoc::openapi()).unwrap();
/// let schemes = &json["components"]["securitySchemes"];
/// assert_eq!(schemes["Jwt"]["bearerFormat"], "JWT");
/// assert_eq!(schemes["Key"]["name"], "X-API-Key");
/// ```
///
/// Its `modify` panics on what [`apply`](Self::apply) reports as an error (a scheme the
/// document's version or utoipa cannot express, a different scheme under the same name): a
/// document that silently lacks a scheme would misdescribe the API.
pub struct AddSchemes<T>(PhantomData<fn() -> T>);

impl<T: SchemeList> AddSchemes<T> {
    /// The modifier.
    pub const NEW: Self = Self(PhantomData);

    /// Adds the schemes to `api`.
    ///
    /// # Errors
    ///
    /// [`UtoipaError`]: a scheme needs a newer OpenAPI version than `api`'s, cannot be
    /// written in utoipa's model, or clashes with a different scheme of the same name.
    pub fn apply(&self, api: &mut uo::OpenApi) -> Result<(), UtoipaError> {
        T::add_to(api)
    }
}

impl<T: SchemeList> Modify for AddSchemes<T> {
    fn modify(&self, api: &mut uo::OpenApi) {
        if let Err(error) = self.apply(api) {
            panic!("authscheme: cannot add the security schemes: {error}");
        }
    }
}

impl SecurityDocument {
    /// Writes this document's security into the utoipa document `api`: every scheme into
    /// `components.securitySchemes`, and on each secured route the operation's `security`
    /// (replaced) and its 401/403 responses (added unless present). An operation missing
    /// from `api` is created with those responses only. `info` and the other fields of this
    /// document are not copied.
    ///
    /// # Errors
    ///
    /// As [`AddSchemes::apply`], and the [`DocumentError`]s of
    /// [`to_json`](SecurityDocument::to_json) for requirements the version cannot express.
    pub fn apply_to_utoipa(&self, api: &mut uo::OpenApi) -> Result<(), UtoipaError> {
        let version = version_of(api);
        for declared in self.declared() {
            declared.check_version(version)?;
            insert_scheme(api, declared.name, declared.scheme)?;
        }
        // Check every requirement against the schemes, as `to_json` does.
        let schemes = self.security_schemes(version)?;
        for (method, path, security, unauthorized, forbidden) in self.secured_routes() {
            crate::document::check_path(path)?;
            schemes
                .security_to_json(security, version)
                .map_err(|error| {
                    let at = format!("/paths/{}/security", crate::document::escape_pointer(path));
                    DocumentError::openapi(&at, error)
                })?;
            let item = api.paths.paths.entry(path.to_owned()).or_default();
            let Some(operation) = operation_mut(item, method, version) else {
                return Err(DocumentError::UnsupportedMethod {
                    method: method.clone(),
                    version,
                }
                .into());
            };
            let operation = operation.get_or_insert_with(Operation::default);
            operation.security = Some(security.iter().map(requirement).collect());
            add_response(operation, "401", unauthorized);
            if let Some(forbidden) = forbidden {
                add_response(operation, "403", forbidden);
            }
        }
        Ok(())
    }
}

impl Modify for SecurityDocument {
    /// [`apply_to_utoipa`](SecurityDocument::apply_to_utoipa), panicking on its errors (see
    /// [`AddSchemes`] for why).
    fn modify(&self, api: &mut uo::OpenApi) {
        if let Err(error) = self.apply_to_utoipa(api) {
            panic!("authscheme: cannot add the security of the document: {error}");
        }
    }
}

fn operation_mut<'a>(
    item: &'a mut PathItem,
    method: &http::Method,
    version: OpenApiVersion,
) -> Option<&'a mut Option<Operation>> {
    Some(match *method {
        http::Method::GET => &mut item.get,
        http::Method::PUT => &mut item.put,
        http::Method::POST => &mut item.post,
        http::Method::DELETE => &mut item.delete,
        http::Method::OPTIONS => &mut item.options,
        http::Method::HEAD => &mut item.head,
        http::Method::PATCH => &mut item.patch,
        http::Method::TRACE => &mut item.trace,
        _ if method.as_str() == "QUERY" && version.at_least(OpenApiVersion::V3_2) => {
            &mut item.query
        }
        _ => return None,
    })
}

fn add_response(operation: &mut Operation, status: &str, response: serde_json::Value) {
    if operation.responses.responses.contains_key(status) {
        return;
    }
    // Our responses are plain Response Objects, which utoipa reads.
    if let Ok(response) = serde_json::from_value::<uo::Response>(response) {
        operation
            .responses
            .responses
            .insert(status.to_owned(), RefOr::T(response));
    }
}
