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
    /// The key of the scheme in `components.securitySchemes`.
    const NAME: &'static str;

    /// The declared scope names (for `oauth2`), or the declared role names (for kinds that
    /// have no scopes, OpenAPI 3.1+), in bit order of [`ScopeSet`](crate::ScopeSet).
    const SCOPES: &'static [&'static str];

    /// The oldest OpenAPI version that can describe this scheme.
    const MIN_OPENAPI_VERSION: OpenApiVersion;

    /// What a request carries for this scheme: a bearer token, Basic credentials, an API key…
    type Credentials: Credentials;

    /// Where and how to find the credentials (header name, realm, custom scheme word…).
    const CONFIG: <Self::Credentials as Credentials>::Config;

    /// The OpenAPI Security Scheme Object.
    fn openapi() -> &'static openapi::SecurityScheme;

    /// What the derive knows about this impl (whether `SCOPES` holds scopes or roles, whether
    /// it stands in for a declaration that failed to compile), for `scopes!`'s messages.
    #[doc(hidden)]
    const __DECLARATION: crate::private::Declaration = crate::private::Declaration::SCOPES;
}
