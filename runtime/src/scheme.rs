//! The [`SecurityScheme`] trait that `#[derive(SecurityScheme)]` implements.

use crate::credentials::Credentials;
use crate::openapi::{self, OpenApiVersion};

/// A declared security scheme: its OpenAPI description, its scopes and how its credentials
/// are found in a request.
///
/// Implemented by `#[derive(SecurityScheme)]`; everything here is `'static` data built at
/// compile time.
///
/// ```
/// use authscheme::SecurityScheme;
///
/// /// Password flow against our own token endpoint.
/// #[derive(SecurityScheme)]
/// #[oauth2(token_url = "/token", scopes("items:read" = "Read items"))]
/// pub struct ItemsAuth;
///
/// assert_eq!(ItemsAuth::NAME, "ItemsAuth");
/// assert_eq!(ItemsAuth::SCOPES, ["items:read"]);
/// ```
pub trait SecurityScheme: Sized + Send + Sync + 'static {
    /// What the scheme declares: its name, its scopes (or roles) and the oldest OpenAPI
    /// version that can describe it. One associated const rather than three, as each
    /// associated item of every impl costs compile time.
    const DECLARATION: Declaration;

    /// The key of the scheme in `components.securitySchemes`.
    ///
    /// Derived from [`DECLARATION`](Self::DECLARATION); do not override.
    const NAME: &'static str = Self::DECLARATION.name;

    /// The declared scope names (for `oauth2`), or the declared role names (for kinds that
    /// have no scopes, OpenAPI 3.1+), in bit order of [`ScopeSet`](crate::ScopeSet).
    ///
    /// Derived from [`DECLARATION`](Self::DECLARATION); do not override.
    const SCOPES: &'static [&'static str] = Self::DECLARATION.scopes;

    /// The oldest OpenAPI version that can describe this scheme.
    ///
    /// Derived from [`DECLARATION`](Self::DECLARATION); do not override.
    const MIN_OPENAPI_VERSION: OpenApiVersion = Self::DECLARATION.min_openapi_version;

    /// What a request carries for this scheme: a bearer token, Basic credentials, an API key…
    type Credentials: Credentials;

    /// Where and how to find the credentials (header name, realm, custom scheme word…).
    const CONFIG: <Self::Credentials as Credentials>::Config;

    /// The OpenAPI Security Scheme Object, as a value. Read it through
    /// [`openapi`](Self::openapi), which hands out one `'static` copy.
    const OPENAPI: openapi::SecurityScheme;

    /// The OpenAPI Security Scheme Object.
    ///
    /// Provided from [`OPENAPI`](Self::OPENAPI); do not override. Being a provided (hence
    /// generic) method, its `'static` data is only compiled into a binary for the schemes
    /// whose description is actually read, which keeps declarations cheap to compile.
    ///
    /// ```
    /// use authscheme::SecurityScheme;
    ///
    /// #[derive(SecurityScheme)]
    /// #[api_key(header = "X-API-Key")]
    /// pub struct KeyAuth;
    ///
    /// let scheme = KeyAuth::openapi();
    /// assert!(std::ptr::eq(scheme, KeyAuth::openapi()));
    /// ```
    #[must_use]
    fn openapi() -> &'static openapi::SecurityScheme {
        const { &Self::OPENAPI }
    }
}

/// What a [`SecurityScheme`] declares, in one value:
/// [`SecurityScheme::DECLARATION`].
///
/// ```
/// use authscheme::{Declaration, openapi::OpenApiVersion};
///
/// const ITEMS: Declaration = Declaration::new("ItemsAuth", &["items:read"], OpenApiVersion::V3_0);
/// assert_eq!(ITEMS.name, "ItemsAuth");
/// assert_eq!(ITEMS.scopes, ["items:read"]);
/// ```
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct Declaration {
    /// The key of the scheme in `components.securitySchemes`.
    pub name: &'static str,
    /// The declared scope (or role) names, in bit order of [`ScopeSet`](crate::ScopeSet).
    pub scopes: &'static [&'static str],
    /// The oldest OpenAPI version that can describe the scheme.
    pub min_openapi_version: OpenApiVersion,
    /// The issuer whose tokens the scheme accepts (`iss`), for bearer-token schemes that
    /// declare one: every JWT verifier requires it.
    pub issuer: Option<&'static str>,
    /// The audience tokens must name (`aud`): this resource server's identifier (RFC 8707),
    /// for bearer-token schemes that declare one: every JWT verifier requires it.
    pub audience: Option<&'static str>,
    /// What `scopes` holds, `"scope"` or `"role"`, for `scopes!`'s messages.
    pub(crate) noun: &'static str,
    /// The derive found errors and emitted a stand-in impl: `scopes!` stays quiet so that one
    /// mistake gives one error.
    pub(crate) errored: bool,
}

impl Declaration {
    /// A declaration whose `scopes` are scope names.
    #[must_use]
    pub const fn new(
        name: &'static str,
        scopes: &'static [&'static str],
        min_openapi_version: OpenApiVersion,
    ) -> Self {
        Self {
            name,
            scopes,
            min_openapi_version,
            issuer: None,
            audience: None,
            noun: "scope",
            errored: false,
        }
    }

    /// The same declaration, accepting only tokens issued by `issuer`.
    ///
    /// ```
    /// use authscheme::{Declaration, openapi::OpenApiVersion};
    ///
    /// const API: Declaration = Declaration::new("Api", &[], OpenApiVersion::V3_0)
    ///     .issuer("https://idp.example")
    ///     .audience("https://api.example");
    /// assert_eq!(API.issuer, Some("https://idp.example"));
    /// assert_eq!(API.audience, Some("https://api.example"));
    /// ```
    #[must_use]
    pub const fn issuer(mut self, issuer: &'static str) -> Self {
        self.issuer = Some(issuer);
        self
    }

    /// The same declaration, accepting only tokens whose audience includes `audience`.
    #[must_use]
    pub const fn audience(mut self, audience: &'static str) -> Self {
        self.audience = Some(audience);
        self
    }

    /// The same declaration, whose `scopes` are role names (`api_key`, `http`, `mutual_tls`).
    #[doc(hidden)]
    #[must_use]
    pub const fn roles(mut self) -> Self {
        self.noun = "role";
        self
    }

    /// The same declaration, as the stand-in impl emitted next to `compile_error!`s.
    #[doc(hidden)]
    #[must_use]
    pub const fn errored(mut self) -> Self {
        self.errored = true;
        self
    }
}
