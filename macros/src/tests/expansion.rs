//! Expansion snapshots: the pretty-printed output of the derive for one declaration of each
//! kind, compared with `snapshots/*.expanded.rs`. Regenerate with `AUTHSCHEME_BLESS=1`.

use std::path::PathBuf;

use proc_macro2::TokenStream;
use quote::quote;

use crate::expand::derive_security_scheme;

fn check(name: &str, input: TokenStream) {
    let output = derive_security_scheme(input);
    let file: syn::File = syn::parse2(output).expect("the expansion parses as items");
    let pretty = prettyplease::unparse(&file);
    let path = PathBuf::from(env!("CARGO_MANIFEST_DIR"))
        .join("src/tests/snapshots")
        .join(format!("{name}.expanded.rs"));
    if std::env::var_os("AUTHSCHEME_BLESS").is_some() {
        std::fs::write(&path, &pretty).expect("write the snapshot");
        return;
    }
    let expected = std::fs::read_to_string(&path).unwrap_or_else(|error| {
        panic!(
            "{}: {error}; run with AUTHSCHEME_BLESS=1 to create it",
            path.display()
        )
    });
    assert!(
        expected == pretty,
        "{name}: the expansion changed; run with AUTHSCHEME_BLESS=1 and review the diff\n--- expected\n{expected}\n--- actual\n{pretty}"
    );
}

#[test]
fn oauth2_flat() {
    check(
        "oauth2_flat",
        quote! {
            /// Password flow against our own token endpoint.
            #[oauth2(token_url = "/token", scopes("items:read" = "Read items", "items:write" = "Create items"))]
            pub struct ItemsAuth;
        },
    );
}

#[test]
fn oauth2_flows() {
    check(
        "oauth2_flows",
        quote! {
            #[oauth2(
                name = "petstore_auth",
                authorization_code(authorization_url = "https://auth.example.com/authorize",
                                   token_url = "https://auth.example.com/token",
                                   refresh_url = "https://auth.example.com/refresh"),
                client_credentials(token_url = "https://auth.example.com/token", scopes("admin" = "Admin"), extensions("x-c" = 1)),
                scopes("read:pets" = "Read your pets", "write:pets" = "Modify pets"),
                extensions("x-client-id" = "petstore-ui", "x-ratio" = -0.5, "x-min" = -9223372036854775808),
                flows_extensions("x-f" = false),
                oauth2_metadata_url = "https://auth.example.com/.well-known/oauth-authorization-server",
            )]
            pub struct PetstoreAuth;
        },
    );
}

#[test]
fn openid_connect() {
    check(
        "openid_connect",
        quote! {
            #[openid_connect(url = "https://id.example.com/.well-known/openid-configuration", scopes("openid", "email"))]
            pub struct Oidc;
        },
    );
}

#[test]
fn api_key_generic_with_crate_override() {
    check(
        "api_key",
        quote! {
            #[api_key(header = "X-API-Key", roles("admin"), crate = "my::auth")]
            pub struct KeyAuth<'a, T: Clone, const N: usize> where T: Default {
                key: &'a T,
            }
        },
    );
}

#[test]
fn http_kinds() {
    check(
        "http_basic",
        quote! {
            #[http(basic, realm = "admin", deprecated)]
            pub struct Admin;
        },
    );
    // The issuer and audience go to `DECLARATION` only: `OPENAPI` is a plain bearer scheme.
    check(
        "http_bearer",
        quote! {
            #[http(bearer, format = "JWT", issuer = "https://idp.example.com", audience = "urn:example:items-api")]
            pub struct Jwt;
        },
    );
    check(
        "http_custom",
        quote! {
            #[http(scheme = "SCRAM-SHA-256", description = "SCRAM")]
            pub enum Scram {}
        },
    );
}

#[test]
fn mutual_tls() {
    check(
        "mutual_tls",
        quote! { #[mutual_tls] pub struct ClientCert; },
    );
}

#[test]
fn errors_come_with_a_stand_in_impl() {
    check(
        "error_dummy",
        quote! {
            #[http(basic, realm = 5, formt = "JWT")]
            pub struct Admin;
        },
    );
}

#[test]
fn one_compile_error_per_mistake() {
    let output = derive_security_scheme(quote! {
        #[oauth2(token_url = "http://example.com/token")]
        struct S;
    })
    .to_string();
    assert_eq!(output.matches("compile_error").count(), 1, "{output}");
    assert_eq!(
        output
            .matches("impl __authscheme :: SecurityScheme for S")
            .count(),
        1,
        "{output}"
    );
    assert!(output.contains(". errored ()"), "{output}");
}
