//! Authorization-server metadata (RFC 8414 §2), which OpenID Connect discovery documents
//! extend (OpenID Connect Discovery §3): the members the verifier reads, and the rest kept.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// An authorization server's metadata document (RFC 8414 §2), or an OpenID provider's
/// (OpenID Connect Discovery §3, a superset): the members this crate reads, typed, and every
/// other member in [`other`](Self::other).
///
/// ```
/// use authscheme::verify::jwks::AuthorizationServerMetadata;
///
/// let metadata: AuthorizationServerMetadata = serde_json::from_str(
///     r#"{"issuer": "https://idp.example", "jwks_uri": "https://idp.example/jwks",
///         "token_endpoint": "https://idp.example/token", "userinfo_endpoint": "https://idp.example/me"}"#,
/// )?;
/// assert_eq!(metadata.jwks_uri.as_deref(), Some("https://idp.example/jwks"));
/// assert_eq!(metadata.other["userinfo_endpoint"], "https://idp.example/me");
/// # Ok::<(), serde_json::Error>(())
/// ```
#[derive(Clone, Debug, PartialEq, Serialize, Deserialize)]
#[non_exhaustive]
pub struct AuthorizationServerMetadata {
    /// The issuer identifier: what tokens name in `iss`.
    pub issuer: String,
    /// Where the signing keys are published (a JWK Set).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub jwks_uri: Option<String>,
    /// The authorization endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub authorization_endpoint: Option<String>,
    /// The token endpoint.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_endpoint: Option<String>,
    /// The introspection endpoint (RFC 7662).
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub introspection_endpoint: Option<String>,
    /// The scopes the server supports.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub scopes_supported: Option<Vec<String>>,
    /// Every other member, as the document has it.
    #[serde(flatten)]
    pub other: Map<String, Value>,
}

/// The issuer whose metadata is at `url`, for the two standard shapes: the OpenID Connect
/// one (`{issuer}/.well-known/openid-configuration`, Discovery §4) and RFC 8414's, which puts
/// the well-known segment between the host and the issuer's path (§3.1). A URL of another
/// shape names no issuer.
pub(super) fn issuer_of_metadata_url(url: &str) -> Option<String> {
    const OPENID: &str = "/.well-known/openid-configuration";
    const OAUTH: &str = "/.well-known/oauth-authorization-server";
    if let Some(issuer) = url.strip_suffix(OPENID) {
        return Some(issuer.to_owned());
    }
    let at = url.find(OAUTH)?;
    let (origin, rest) = (&url[..at], &url[at + OAUTH.len()..]);
    // The well-known segment must follow the authority: `scheme://host[:port]` has no `/`
    // after its `//`.
    let authority = origin.split_once("://")?.1;
    (!authority.contains('/') && (rest.is_empty() || rest.starts_with('/')))
        .then(|| format!("{origin}{rest}"))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_issuer_comes_from_either_standard_shape_of_metadata_url() {
        for (url, issuer) in [
            (
                "https://idp.example/.well-known/openid-configuration",
                Some("https://idp.example"),
            ),
            (
                "https://idp.example/realms/a/.well-known/openid-configuration",
                Some("https://idp.example/realms/a"),
            ),
            (
                "https://idp.example/.well-known/oauth-authorization-server",
                Some("https://idp.example"),
            ),
            (
                "https://idp.example:8443/.well-known/oauth-authorization-server/tenant/1",
                Some("https://idp.example:8443/tenant/1"),
            ),
            (
                "https://idp.example/tenant/.well-known/oauth-authorization-server",
                None,
            ),
            (
                "https://idp.example/.well-known/oauth-authorization-serverX",
                None,
            ),
            ("https://idp.example/metadata.json", None),
        ] {
            assert_eq!(issuer_of_metadata_url(url).as_deref(), issuer, "{url}");
        }
    }

    #[test]
    fn members_it_does_not_type_are_kept() {
        let document =
            r#"{"issuer":"https://idp.example","grant_types_supported":["client_credentials"]}"#;
        let metadata: AuthorizationServerMetadata = serde_json::from_str(document).unwrap();
        assert_eq!(metadata.jwks_uri, None);
        assert_eq!(serde_json::to_string(&metadata).unwrap(), document);
    }
}
