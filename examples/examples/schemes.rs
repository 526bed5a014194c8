//! Declares a few security schemes and prints their OpenAPI `components.securitySchemes`.
//!
//! ```text
//! cargo run --example schemes                 # OpenAPI 3.1
//! cargo run --example schemes -- --openapi 3.0
//! ```

use authscheme::SecurityScheme;
use authscheme::openapi::{OpenApiVersion, SecuritySchemes};

/// Password flow against our own token endpoint.
#[derive(SecurityScheme)]
#[oauth2(
    token_url = "/token",
    scopes("items:read" = "Read items", "items:write" = "Create items")
)]
struct ItemsAuth;

/// Keys issued by the admin console.
#[derive(SecurityScheme)]
#[api_key(header = "X-API-Key")]
struct KeyAuth;

#[derive(SecurityScheme)]
#[http(bearer, format = "JWT")]
struct Jwt;

#[derive(SecurityScheme)]
#[http(basic, realm = "admin")]
struct Admin;

#[derive(SecurityScheme)]
#[openid_connect(url = "https://id.example.com/.well-known/openid-configuration")]
struct Oidc;

fn main() {
    let version = match std::env::args()
        .skip_while(|arg| arg != "--openapi")
        .nth(1)
        .as_deref()
    {
        None | Some("3.1") => OpenApiVersion::V3_1,
        Some("3.0") => OpenApiVersion::V3_0,
        Some("3.2") => OpenApiVersion::V3_2,
        Some(other) => {
            eprintln!("unknown OpenAPI version `{other}`; expected 3.0, 3.1 or 3.2");
            std::process::exit(2);
        }
    };

    let mut schemes = SecuritySchemes::default();
    let declared = [
        (ItemsAuth::NAME, ItemsAuth::openapi()),
        (KeyAuth::NAME, KeyAuth::openapi()),
        (Jwt::NAME, Jwt::openapi()),
        (Admin::NAME, Admin::openapi()),
        (Oidc::NAME, Oidc::openapi()),
    ];
    for (name, scheme) in declared {
        if let Err(error) = schemes.insert(name, scheme.clone()) {
            eprintln!("error: {error}");
            std::process::exit(1);
        }
    }
    match schemes.to_json(version) {
        Ok(json) => {
            let document = serde_json::json!({ "components": { "securitySchemes": json } });
            println!(
                "{}",
                serde_json::to_string_pretty(&document).unwrap_or_default()
            );
        }
        Err(error) => {
            eprintln!("error: {error}");
            std::process::exit(1);
        }
    }
}
