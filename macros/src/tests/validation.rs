//! Every rule's error, by CT id, on `syn::parse_quote!`-style inputs.

use quote::quote;

use super::{duplicate, error, errors};

// ----- accepted declarations -----

#[test]
fn valid_declarations_have_no_errors() {
    let inputs = [
        quote! { #[oauth2(token_url = "/token", scopes("items:read" = "Read items"))] struct S; },
        quote! { #[oauth2(token_url = "token", scopes())] struct S; },
        quote! { #[oauth2(authorization_code(authorization_url = "https://as/authorize", token_url = "https://as/token", refresh_url = "/r"))] struct S; },
        quote! { #[oauth2(implicit(authorization_url = "/a?x=1"), password(token_url = "/t"))] struct S; },
        quote! { #[oauth2(openapi = "3.2", deprecated = true, device_authorization(device_authorization_url = "/d", token_url = "/t"), oauth2_metadata_url = "https://as/.well-known/oauth-authorization-server")] struct S; },
        quote! { #[openid_connect(url = "https://id/.well-known/openid-configuration", scopes("openid"))] struct S; },
        quote! { #[api_key(header = "X-API-Key", roles("admin"))] struct S; },
        quote! { #[api_key(query = "api key")] struct S; },
        quote! { #[http(basic, realm = "My \"quoted\" realm")] struct S; },
        quote! { #[http(scheme = "Bearer", format = "JWT")] struct S; },
        quote! { #[http(scheme = "scram-sha-256")] enum S { A } },
        quote! { #[mutual_tls] struct S<T>(T); },
        quote! { #[mutual_tls()] struct S; },
        quote! { #[http(digest, extensions("x-a" = "b", "x-n" = -1, "x-f" = 1.5e3, "x-b" = true))] struct S; },
        quote! { #[http(bearer, extensions("x-oai-thing" = 1), openapi = "3.0")] struct S; },
        quote! { #[http(bearer, crate = "::my::reexport")] struct S; },
        quote! { #[http(bearer)] struct r#type; },
        // CT-E8, CT-E9
        quote! { #[oauth2(token_url = "/t", issuer = "https://idp.example.com/realms/a", audience = "https://api.example.com/v1?tenant=a")] struct S; },
        quote! { #[openid_connect(url = "https://id/.well-known/openid-configuration", issuer = "http://localhost:8080", audience = "urn:example:items-api")] struct S; },
        quote! { #[http(scheme = "Bearer", audience = "URN:ietf:params:x")] struct S; },
        quote! { #[http(bearer, format = "JWT", issuer = "http://[::1]:4000/", audience = "http://127.0.0.1:3000")] struct S; },
    ];
    for input in inputs {
        assert_eq!(errors(input.clone()), Vec::<String>::new(), "{input}");
    }
}

// ----- structure -----

#[test]
fn unions_are_refused() {
    assert!(
        error(quote! { #[http(bearer)] union U { a: u8 } })
            .starts_with("`#[derive(SecurityScheme)]` does not support unions")
    );
}

#[test]
fn exactly_one_kind_attribute() {
    assert_eq!(
        error(quote! { struct S; }),
        "missing security scheme attribute; add one of `#[oauth2(...)]`, `#[openid_connect(...)]`, `#[api_key(...)]`, `#[http(...)]`, `#[mutual_tls(...)]` to `S`"
    );
    assert_eq!(
        duplicate(quote! { #[http(bearer)] #[api_key(header = "k")] struct S; }),
        (
            "a type declares one security scheme, but `#[api_key]` follows `#[http]`; declare the other scheme on a type of its own".to_owned(),
            "`#[http]` here".to_owned()
        )
    );
    assert_eq!(
        duplicate(quote! { #[http(bearer)] #[http(format = "JWT")] struct S; }),
        (
            "duplicate `#[http(...)]`: a type declares one security scheme; merge them into one `#[http(...)]`".to_owned(),
            "first `#[http(...)]` here".to_owned()
        )
    );
}

#[test]
fn kind_attributes_go_on_the_type() {
    assert_eq!(
        error(quote! { #[http(bearer)] struct S { #[api_key(header = "k")] key: u8 } }),
        "`#[api_key(...)]` goes on the type, not on a field"
    );
    assert_eq!(
        error(quote! { #[http(bearer)] enum E { #[oauth2(token_url = "http://nope#x")] A } }),
        "`#[oauth2(...)]` goes on the type, not on a variant"
    );
    assert_eq!(
        error(quote! { #[http(bearer)] enum E { A(#[mutual_tls] u8) } }),
        "`#[mutual_tls(...)]` goes on the type, not on a field"
    );
}

#[test]
fn near_misses_of_kind_names_are_left_to_rustc() {
    // rustc reports `cannot find attribute `apiKey`` and suggests `api_key`.
    assert_eq!(
        errors(quote! { #[apiKey(header = "k")] struct S; }),
        Vec::<String>::new()
    );
    assert_eq!(
        errors(quote! { #[oauth(token_url = "/t")] struct S; }),
        Vec::<String>::new()
    );
    assert_eq!(
        errors(quote! { #[mutualTLS] struct S; }),
        Vec::<String>::new()
    );
    // Attributes rustc knows, and unrelated ones, leave the missing kind to this derive.
    assert!(
        error(quote! { #[repr(C)] struct S; }).starts_with("missing security scheme attribute")
    );
    assert!(
        error(quote! { #[serde(x)] struct S; }).starts_with("missing security scheme attribute")
    );
}

#[test]
fn malformed_attributes() {
    assert_eq!(
        error(quote! { #[oauth2 = "x"] struct S; }),
        "expected `#[oauth2(...)]`, not `#[oauth2 = ...]`"
    );
    assert_eq!(
        error(quote! { #[oauth2("token_url" = "/t")] struct S; }),
        "unexpected literal in nested attribute, expected ident"
    );
}

// ----- keys: unknown (CT-A3, A4, G2, D3), duplicate (CT-A5), literal kinds (CT-A6) -----

#[test]
fn unknown_keys_list_the_valid_ones_and_suggest() {
    assert_eq!(
        error(quote! { #[oauth2(token_urll = "/token")] struct S; }),
        "unknown key `token_urll` in `#[oauth2(...)]`; did you mean `token_url`? expected one of: `token_url`, `refresh_url`, `scopes`, `implicit`, `password`, `client_credentials`, `authorization_code`, `device_authorization`, `flows_extensions`, `oauth2_metadata_url`, `issuer`, `audience`, `name`, `description`, `extensions`, `deprecated`, `openapi`, `crate`"
    );
    assert!(
        error(quote! { #[oauth2(clientCredentials(token_url = "/t"))] struct S; })
            .contains("did you mean `client_credentials`?")
    );
    assert!(
        error(quote! { #[oauth2(password(tokenUrl = "/t"))] struct S; })
            .starts_with("unknown key `tokenUrl` in `password(...)`; for OpenAPI's `tokenUrl`, write `token_url = \"...\"`")
    );
    assert!(
        error(quote! { #[oauth2(accessCode(token_url = "/t"))] struct S; })
            .contains("OpenAPI 3 renamed the `accessCode` flow `authorizationCode`")
    );
    assert!(error(quote! { #[oauth2(a::b = "x")] struct S; }).starts_with("unknown key `a::b`"));
}

#[test]
fn keys_of_other_kinds_say_where_they_belong() {
    // CT-A3
    assert!(
        error(quote! { #[api_key(header = "k", scheme = "basic")] struct S; }).starts_with(
            "`scheme` does not apply to `#[api_key(...)]`; it is a key of `#[http(...)]`"
        )
    );
    // CT-F3
    assert!(
        error(quote! { #[openid_connect(url = "/x", token_url = "/t")] struct S; })
            .starts_with("`token_url` does not apply to `#[openid_connect(...)]`; OpenID Connect endpoints come from the discovery document: use `url = \"https://.../.well-known/openid-configuration\"`")
    );
    // `roles` and `scopes` point at their counterpart in the kind at hand.
    for input in [
        quote! { #[oauth2(token_url = "/t", roles("admin"))] struct S; },
        quote! { #[openid_connect(url = "/x", roles("admin"))] struct S; },
        quote! { #[oauth2(password(token_url = "/t", roles("admin")))] struct S; },
    ] {
        assert!(error(input).ends_with("use `scopes(...)`"));
    }
    for input in [
        quote! { #[api_key(header = "k", scopes("admin"))] struct S; },
        quote! { #[http(basic, scopes("admin"))] struct S; },
        quote! { #[mutual_tls(scopes("admin"))] struct S; },
    ] {
        assert!(error(input).ends_with("use `roles(...)`"));
    }
    // CT-G2
    assert!(
        error(quote! { #[mutual_tls(scheme = "mutual")] struct S; })
            .starts_with("`scheme` does not apply to `#[mutual_tls(...)]`")
    );
    assert!(
        error(quote! { #[oauth2(authorization_url = "/a")] struct S; })
            .contains("`authorization_url` belongs inside a flow")
    );
    // CT-E8, CT-E9 (through CT-A3): the tokens' claims, on bearer-token kinds only.
    assert_eq!(
        error(quote! { #[api_key(header = "k", audience = "https://api")] struct S; }),
        "`audience` does not apply to `#[api_key(...)]`; it applies to bearer-token schemes only: `#[oauth2(...)]`, `#[openid_connect(...)]` and `#[http(bearer, ...)]`"
    );
    assert!(
        error(quote! { #[mutual_tls(issuer = "https://idp")] struct S; })
            .starts_with("`issuer` does not apply to `#[mutual_tls(...)]`; it applies to bearer-token schemes only")
    );
    assert_eq!(
        error(quote! { #[oauth2(password(token_url = "/t", issuer = "https://idp"))] struct S; }),
        "`issuer` does not apply to `password(...)`; the tokens' issuer and audience are the scheme's, whichever flow obtained them: write it at the top of `#[oauth2(...)]`"
    );
    assert_eq!(
        error(quote! { #[http(basic, issuer = "https://idp")] struct S; }),
        "`issuer` is only allowed with `bearer` (found `basic`): it applies to bearer-token schemes only"
    );
    assert_eq!(
        errors(
            quote! { #[http(scheme = "DPoP", issuer = "https://idp", audience = "x")] struct S; }
        ),
        [
            "`issuer` is only allowed with `bearer` (found `scheme = \"DPoP\"`): it applies to bearer-token schemes only",
            "`audience` is only allowed with `bearer` (found `scheme = \"DPoP\"`): it applies to bearer-token schemes only",
        ]
    );
}

#[test]
fn openapi_and_fastapi_spellings() {
    let cases = [
        (
            quote! { #[openid_connect(openIdConnectUrl = "/x")] struct S; },
            "for OpenAPI's `openIdConnectUrl`, write `url = \"...\"`",
        ),
        (
            quote! { #[openid_connect(openid_connect_url = "/x")] struct S; },
            "for FastAPI's `openid_connect_url`, write `url = \"...\"`",
        ),
        (
            quote! { #[api_key(in = "header", name = "X-API-Key")] struct S; },
            "for OpenAPI's `in`, write the location as the key: `header = \"X-API-Key\"`",
        ),
        (
            quote! { #[http(bearer, bearer_format = "JWT")] struct S; },
            "for FastAPI's `bearer_format`, write `format = \"...\"`",
        ),
        (
            quote! { #[http(bearer, bearerFormat = "JWT")] struct S; },
            "for OpenAPI's `bearerFormat`, write `format = \"...\"`",
        ),
        (
            quote! { #[oauth2(tokenUrl = "/t")] struct S; },
            "for OpenAPI's `tokenUrl`, write `token_url = \"...\"`",
        ),
        (
            quote! { #[oauth2(token_url = "/t", refreshUrl = "/r")] struct S; },
            "for OpenAPI's `refreshUrl`, write `refresh_url = \"...\"`",
        ),
        (
            quote! { #[oauth2(implicit(authorizationUrl = "/a"))] struct S; },
            "for OpenAPI's `authorizationUrl`, write `authorization_url = \"...\"`",
        ),
        (
            quote! { #[oauth2(authorizationUrl = "/a")] struct S; },
            "OpenAPI's `authorizationUrl` is `authorization_url` here, and `authorization_url` belongs inside a flow",
        ),
        (
            quote! { #[api_key(header = "k", bearerFormat = "JWT")] struct S; },
            "OpenAPI's `bearerFormat` is `format` of `#[http(...)]` here",
        ),
        (
            quote! { #[http(bearer, scheme_name = "jwt")] struct S; },
            "for FastAPI's `scheme_name`, write `name = \"...\"`",
        ),
        (
            quote! { #[http(bearer, auto_error = false)] struct S; },
            "use `Option<Auth<S>>` at the use site",
        ),
    ];
    for (input, hint) in cases {
        let message = error(input.clone());
        assert!(message.contains(hint), "{input}: {message}");
    }
}

#[test]
fn precise_parse_errors() {
    // A doubled comma is reported on the second comma.
    assert_eq!(
        error(quote! { #[oauth2(token_url = "/t", scopes("a" = "A",, "b" = "B"))] struct S; }),
        "expected a scope, found `,`"
    );
    assert_eq!(
        error(quote! { #[api_key(header = "k", roles(, "a"))] struct S; }),
        "expected a role, found `,`"
    );
    assert_eq!(
        error(quote! { #[http(bearer, extensions("x-a" = 1,, "x-b" = 2))] struct S; }),
        "expected an extension, found `,`"
    );
    // A missing comma after a flag is reported on the next key, which is then skipped.
    assert_eq!(
        error(quote! { #[http(bearer format = "JWT")] struct S; }),
        "expected `,` after `bearer`"
    );
    assert_eq!(
        error(quote! { #[http(bearer, deprecated openapi = "3.2")] struct S; }),
        "expected `,` after `deprecated`"
    );
    // `bearer = "JWT"` most likely means the format.
    assert_eq!(
        error(quote! { #[http(bearer = "JWT")] struct S; }),
        "`bearer` takes no value; write `bearer` alone; for the token format, write `bearer, format = \"JWT\"`"
    );
    assert_eq!(
        error(quote! { #[http(basic = "x")] struct S; }),
        "`basic` takes no value; write `basic` alone"
    );
}

#[test]
fn duplicate_keys() {
    let pair = |error: &str, note: &str| (error.to_owned(), note.to_owned());
    assert_eq!(
        duplicate(quote! { #[oauth2(token_url = "/a", token_url = "/b")] struct S; }),
        pair(
            "duplicate `token_url` in `#[oauth2(...)]`",
            "first `token_url` here"
        )
    );
    assert_eq!(
        duplicate(quote! { #[oauth2(password(token_url = "/a", token_url = "/b"))] struct S; }),
        pair(
            "duplicate `token_url` in `password(...)`",
            "first `token_url` here"
        )
    );
    // CT-D4
    assert_eq!(
        duplicate(
            quote! { #[oauth2(password(token_url = "/a"), password(token_url = "/b"))] struct S; }
        ),
        pair(
            "duplicate flow `password` in `#[oauth2(...)]`",
            "first `password` here"
        )
    );
    assert_eq!(
        duplicate(quote! { #[api_key(header = "a", header = "b")] struct S; }),
        pair(
            "duplicate `header` in `#[api_key(...)]`",
            "first `header` here"
        )
    );
    assert_eq!(
        duplicate(quote! { #[http(basic, basic)] struct S; }),
        pair("duplicate `basic` in `#[http(...)]`", "first `basic` here")
    );
    assert_eq!(
        duplicate(
            quote! { #[openid_connect(url = "https://id/x", issuer = "https://a", issuer = "https://b")] struct S; }
        ),
        pair(
            "duplicate `issuer` in `#[openid_connect(...)]`",
            "first `issuer` here"
        )
    );
    assert_eq!(
        duplicate(
            quote! { #[http(bearer, audience = "urn:ex:b", audience = "urn:ex:c")] struct S; }
        ),
        pair(
            "duplicate `audience` in `#[http(...)]`",
            "first `audience` here"
        )
    );
}

#[test]
fn wrong_literal_kinds_and_suffixes() {
    assert_eq!(
        error(quote! { #[oauth2(token_url = 5)] struct S; }),
        "expected `token_url` to be a string: `token_url = \"...\"`"
    );
    assert_eq!(
        error(quote! { #[oauth2(token_url)] struct S; }),
        "expected `token_url = \"...\"`"
    );
    assert_eq!(
        error(quote! { #[http(bearer, description = some::path)] struct S; }),
        "expected `description` to be a string: `description = \"...\"`"
    );
    assert_eq!(
        error(quote! { #[oauth2(token_url = "/t"suffix)] struct S; }),
        "unexpected suffix `suffix` on literal; remove it"
    );
    assert_eq!(
        error(quote! { #[http(bearer, deprecated = "yes")] struct S; }),
        "expected `deprecated` to be `true` or `false`"
    );
    assert_eq!(
        error(quote! { #[http(basic = true)] struct S; }),
        "`basic` takes no value; write `basic` alone"
    );
    assert_eq!(
        error(quote! { #[http(bearer, extensions("x-a" = 1u8))] struct S; }),
        "unexpected suffix `u8` on literal; remove it"
    );
    assert_eq!(
        error(quote! { #[http(bearer, extensions("x-a" = null))] struct S; }),
        "expected an extension value: a string, an integer, a float, `true` or `false`"
    );
    assert_eq!(
        error(quote! { #[oauth2(token_url = "/t", scopes("read"))] struct S; }),
        "missing description for scope `read`; write `\"read\" = \"...\"`"
    );
    assert_eq!(
        error(quote! { #[oauth2(token_url = "/t", scopes(read = "Read"))] struct S; }),
        "expected a scope as `\"name\" = \"description\"`; scope names are string literals"
    );
    assert_eq!(
        error(quote! { #[oauth2(token_url = "/t", scopes("read" = 1))] struct S; }),
        "expected the description of scope `read` to be a string: `\"read\" = \"...\"`"
    );
    assert_eq!(
        error(quote! { #[api_key(header = "k", roles(admin))] struct S; }),
        "expected a string literal in `roles(...)`: `roles(\"a\", \"b\")`"
    );
}

#[test]
fn all_errors_are_reported_at_once() {
    let errors = errors(quote! {
        #[oauth2(
            token_urll = "/t",
            name = "my auth",
            scopes("read pets" = "x"),
            password(scopes()),
            extensions("X-Bad" = 1),
        )]
        struct S;
    });
    assert_eq!(errors.len(), 5, "{errors:#?}");
}

#[test]
fn a_syntax_error_inside_a_group_leaves_the_rest_readable() {
    let errors = errors(quote! {
        #[oauth2(password(token_url = "/t" "/u"), bogus = 1)]
        struct S;
    });
    assert_eq!(errors.len(), 2, "{errors:#?}");
    assert!(errors[1].starts_with("unknown key `bogus`"));
}

// ----- CT-A2, A7, D7, D8, I4, J2: version gating with `openapi = ".."` -----

#[test]
fn version_pins() {
    assert_eq!(
        error(quote! { #[http(bearer, openapi = "3.0.3")] struct S; }),
        "unknown OpenAPI version `3.0.3`; expected \"3.0\", \"3.1\" or \"3.2\""
    );
    assert_eq!(
        error(quote! { #[mutual_tls(openapi = "3.0")] struct S; }),
        "security scheme type `mutualTLS` requires OpenAPI 3.1 or later (target is 3.0, pinned by `openapi = \"3.0\"`)"
    );
    assert_eq!(
        error(quote! { #[http(basic, deprecated, openapi = "3.1")] struct S; }),
        "`deprecated` on a security scheme requires OpenAPI 3.2 or later (target is 3.1, pinned by `openapi = \"3.1\"`)"
    );
    assert!(
        error(quote! { #[oauth2(openapi = "3.1", device_authorization(device_authorization_url = "/d", token_url = "/t"))] struct S; })
            .starts_with("OAuth flow `device_authorization` requires OpenAPI 3.2")
    );
    assert!(
        error(quote! { #[oauth2(openapi = "3.1", token_url = "/t", oauth2_metadata_url = "https://as/x")] struct S; })
            .starts_with("`oauth2_metadata_url` requires OpenAPI 3.2")
    );
    // CT-I4
    assert!(
        error(quote! { #[api_key(header = "k", roles("admin"), openapi = "3.0")] struct S; })
            .starts_with("OpenAPI 3.0 requires an empty list for non-OAuth schemes")
    );
    // CT-J2
    assert_eq!(
        error(quote! { #[http(bearer, extensions("x-oas-thing" = 1))] struct S; }),
        "extension prefix `x-oas-` is reserved by the OpenAPI Initiative (OpenAPI 3.1+)"
    );
    // Unpinned: allowed; MIN_OPENAPI_VERSION records it.
    assert!(errors(quote! { #[mutual_tls(deprecated)] struct S; }).is_empty());
}

// ----- CT-B: http -----

#[test]
fn http_rules() {
    // CT-B1
    assert_eq!(
        error(quote! { #[http] struct S; }),
        "missing auth scheme; add one of `basic`, `bearer`, `digest` or `scheme = \"...\"` to `#[http(...)]`"
    );
    assert_eq!(
        duplicate(quote! { #[http(basic, bearer)] struct S; }).0,
        "`bearer` conflicts with `basic`: `#[http(...)]` takes exactly one of `basic`, `bearer`, `digest`, `scheme = \"...\"`"
    );
    // CT-B2
    assert_eq!(
        error(quote! { #[http(scheme = "Bearer token")] struct S; }),
        "`scheme` must be an HTTP auth-scheme token (RFC 9110 §11.1): found a space"
    );
    assert_eq!(
        error(quote! { #[http(scheme = "")] struct S; }),
        "`scheme` must be an HTTP auth-scheme token (RFC 9110 §11.1): it is empty"
    );
    // CT-B5
    assert_eq!(
        error(quote! { #[http(basic, format = "JWT")] struct S; }),
        "`format` (`bearerFormat`) is only allowed with `bearer` (found `basic`)"
    );
    assert_eq!(
        error(quote! { #[http(scheme = "custom", format = "JWT")] struct S; }),
        "`format` (`bearerFormat`) is only allowed with `bearer` (found `scheme = \"custom\"`)"
    );
    assert_eq!(
        error(quote! { #[http(bearer, realm = "r")] struct S; }),
        "`realm` is only allowed with `basic` (found `bearer`)"
    );
    assert_eq!(
        error(quote! { #[http(basic, realm = "a\nb")] struct S; }),
        "`realm` must not contain control characters (found \\n)"
    );
}

// ----- CT-C: api_key -----

#[test]
fn api_key_rules() {
    // CT-C1
    assert_eq!(
        error(quote! { #[api_key] struct S; }),
        "missing API key location; add `header = \"X-API-Key\"`, `query = \"api_key\"` or `cookie = \"session\"`"
    );
    assert_eq!(
        duplicate(quote! { #[api_key(header = "a", query = "b")] struct S; }),
        (
            "`query` conflicts with `header`: `#[api_key(...)]` takes exactly one of `header`, `query`, `cookie`".to_owned(),
            "`header` here".to_owned()
        )
    );
    // CT-C2: a location outside the three is an unknown key
    assert!(error(quote! { #[api_key(path = "k")] struct S; }).starts_with("unknown key `path`"));
    // CT-C3
    assert_eq!(
        error(quote! { #[api_key(query = "")] struct S; }),
        "API key name must not be empty"
    );
    // CT-C4
    assert_eq!(
        error(quote! { #[api_key(header = "X API Key")] struct S; }),
        "header name `X API Key` is not a valid HTTP field-name token (RFC 9110 §5.1): found a space"
    );
    // CT-C5
    assert_eq!(
        error(quote! { #[api_key(cookie = "a=b")] struct S; }),
        "cookie name `a=b` is not a valid cookie-name token (RFC 6265 §4.1.1): found `=`"
    );
    // CT-C7
    assert_eq!(
        error(quote! { #[api_key(header = "Content-Length")] struct S; }),
        "header `Content-Length` cannot carry an API key; choose a custom header such as `X-API-Key`"
    );
    assert_eq!(
        duplicate(quote! { #[api_key(header = "k", roles("a", "a"))] struct S; }),
        ("duplicate role `a`".to_owned(), "first `a` here".to_owned())
    );
    // Role names follow the scope-token grammar (RFC 6749 §3.3).
    assert!(
        error(quote! { #[api_key(header = "k", roles("super user"))] struct S; })
            .starts_with("role `super user` is not a valid role name: contains a space; role names stand next to scopes")
    );
    assert!(
        error(quote! { #[http(basic, roles("a\"b"))] struct S; })
            .starts_with("role `a\"b` is not a valid role name: contains `\"`")
    );
    assert!(
        error(quote! { #[mutual_tls(roles("r\u{e9}le"))] struct S; })
            .contains("contains the non-ASCII character `\u{e9}`")
    );
}

// ----- CT-D: oauth2 -----

#[test]
fn oauth2_flow_rules() {
    // CT-D1, D2
    assert!(
        error(quote! { #[oauth2] struct S; })
            .starts_with("missing OAuth flow; add `token_url = \"...\"`")
    );
    assert!(
        error(quote! { #[oauth2(scopes("a" = "b"))] struct S; }).starts_with("missing OAuth flow")
    );
    // CT-D5
    assert_eq!(
        error(quote! { #[oauth2(password())] struct S; }),
        "missing `token_url` in the `password` flow; add `password(token_url = \"...\")`"
    );
    assert_eq!(
        errors(quote! { #[oauth2(authorization_code())] struct S; }),
        [
            "missing `authorization_url` in the `authorization_code` flow; add `authorization_code(authorization_url = \"...\", token_url = \"...\")`",
            "missing `token_url` in the `authorization_code` flow; add `authorization_code(authorization_url = \"...\", token_url = \"...\")`",
        ]
    );
    // CT-D6
    assert_eq!(
        error(
            quote! { #[oauth2(client_credentials(token_url = "/t", authorization_url = "/a"))] struct S; }
        ),
        "`authorization_url` does not apply to the `client_credentials` flow; it takes `token_url` (and optionally `refresh_url`)"
    );
    assert_eq!(
        error(quote! { #[oauth2(implicit(authorization_url = "/a", token_url = "/t"))] struct S; }),
        "`token_url` does not apply to the `implicit` flow; it takes `authorization_url` (and optionally `refresh_url`)"
    );
    assert!(
        error(quote! { #[oauth2(password)] struct S; })
            .starts_with("expected `password(...)` with the flow's URLs")
    );
}

#[test]
fn flat_form_rules() {
    assert!(
        error(quote! { #[oauth2(token_url = "/t", password(token_url = "/u"))] struct S; })
            .starts_with("`token_url` at the top of `#[oauth2(...)]` declares a password flow, and `password(...)` declares one too")
    );
    assert!(
        error(
            quote! { #[oauth2(refresh_url = "/r", client_credentials(token_url = "/t"))] struct S; }
        )
        .starts_with(
            "`refresh_url` at the top of `#[oauth2(...)]` belongs to the flat password form"
        )
    );
}

#[test]
fn scope_rules() {
    // CT-D12
    assert_eq!(
        duplicate(quote! { #[oauth2(token_url = "/t", scopes("a" = "A", "a" = "B"))] struct S; }),
        (
            "duplicate scope `a`".to_owned(),
            "first `a` here".to_owned()
        )
    );
    let (message, note) = duplicate(
        quote! { #[oauth2(scopes("a" = "A"), password(token_url = "/t", scopes("a" = "B")))] struct S; },
    );
    assert!(message.starts_with("duplicate scope `a` in flow `password`"));
    assert_eq!(note, "`a` declared for every flow here");
    assert_eq!(
        error(quote! { #[oauth2(token_url = "/t", scopes("" = "Nothing"))] struct S; }),
        "a scope name must not be empty (RFC 6749 §3.3)"
    );
    // CT-D13
    assert_eq!(
        error(quote! { #[oauth2(token_url = "/t", scopes("read pets" = "x"))] struct S; }),
        "scope `read pets` is not a valid OAuth scope-token (RFC 6749 §3.3): contains a space"
    );
    assert!(
        error(quote! { #[openid_connect(url = "/x", scopes("naïve"))] struct S; })
            .starts_with("scope `naïve` is not a valid OAuth scope-token")
    );
}

#[test]
fn at_most_128_scopes() {
    let names: Vec<String> = (0..129).map(|i| format!("s{i}")).collect();
    let entries = names.iter().map(|name| quote!(#name = "d"));
    let input = quote! { #[oauth2(token_url = "/t", scopes(#(#entries),*))] struct S; };
    assert_eq!(
        error(input),
        "too many scopes: a scheme declares at most 128 (a `ScopeSet` is a 128-bit set)"
    );
    let roles = names.iter().take(128);
    assert!(errors(quote! { #[api_key(header = "k", roles(#(#roles),*))] struct S; }).is_empty());
}

// ----- CT-E: URLs, CT-F: OpenID Connect -----

#[test]
fn url_rules() {
    // CT-E1
    assert_eq!(
        error(quote! { #[oauth2(token_url = "https://exa mple.com/token")] struct S; }),
        "`token_url` is not a valid URL: a space at 11 is not allowed (RFC 3986); percent-encode it"
    );
    assert!(
        error(quote! { #[oauth2(token_url = "https://{tenant}.example.com/token")] struct S; })
            .contains("braces are not URL characters")
    );
    assert!(
        error(quote! { #[oauth2(token_url = "")] struct S; })
            .starts_with("`token_url` must not be empty")
    );
    // CT-E3
    assert_eq!(
        error(quote! { #[oauth2(token_url = "http://as.example.com/token")] struct S; }),
        "`token_url` must use https (OAuth 2.1 §1.5, RFC 6749 §3.2), found `http:`; `http` is only allowed on `localhost`, `127.0.0.1` and `[::1]`"
    );
    assert!(
        error(quote! { #[oauth2(implicit(authorization_url = "ftp://x/y"))] struct S; })
            .starts_with("`authorization_url` must use https")
    );
    // CT-E4
    assert_eq!(
        error(
            quote! { #[oauth2(implicit(authorization_url = "https://as/authorize#x"))] struct S; }
        ),
        "`authorization_url` must not contain a fragment (`#...`) (RFC 6749 §3.1)"
    );
    assert!(
        error(
            quote! { #[oauth2(password(token_url = "/t", refresh_url = "//as/refresh"))] struct S; }
        )
        .starts_with("`refresh_url` must name its scheme")
    );
    // CT-D8
    assert_eq!(
        error(
            quote! { #[oauth2(token_url = "/t", oauth2_metadata_url = "/.well-known/oauth-authorization-server")] struct S; }
        ),
        "`oauth2_metadata_url` must be an absolute `https://` URL (RFC 8414 §3)"
    );
    // CT-F1, F2
    assert_eq!(
        error(quote! { #[openid_connect] struct S; }),
        "missing `url`; add `#[openid_connect(url = \"https://.../.well-known/openid-configuration\")]`"
    );
    assert!(
        error(quote! { #[openid_connect(url = "https://id/x#frag")] struct S; })
            .contains("(OpenID Connect Discovery §3, §4)")
    );
    assert!(
        error(quote! { #[openid_connect(url = "http://id.example.com/x")] struct S; })
            .starts_with("`url` must use https (OpenAPI `openIdConnectUrl`: \"requires the use of TLS\"; OpenID Connect Discovery §4)")
    );
    assert_eq!(
        error(quote! { #[oauth2(token_url = "https://\u{e9}.example/token")] struct S; }),
        "`token_url` is not a valid URL: the non-ASCII character `\u{e9}` at 8 is not allowed (RFC 3986); percent-encode it"
    );
}

/// What the RFC 3986 parser refuses that a hand-written check once let through (issue 12).
#[test]
fn url_syntax_beyond_characters() {
    let cases = [
        (
            "https://user@@as/token",
            "`token_url` is not a valid URL: `@` at 13 is out of place in the authority (RFC 3986 §3.2: `userinfo@host:port`)",
        ),
        (
            "http://[::1/token",
            "`token_url` is not a valid URL: malformed IP-literal host at 11; write an IPv6 address in brackets, like `http://[::1]:8080/`",
        ),
        (
            "https://as:443:80/token",
            "`token_url` is not a valid URL: the port must be a number",
        ),
        (
            "https://:443/token",
            "`token_url` is not a valid URL: it has no host; write `https://host/...`",
        ),
        (
            "1token:x",
            "`token_url` is not a valid URL: the text before the first `:` is not a scheme (RFC 3986 §3.1); write `https://...` or a path such as `/token`",
        ),
        (
            "/token?a#b#c",
            "`token_url` is not a valid URL: `#` at 10 is not allowed there (RFC 3986)",
        ),
    ];
    for (url, message) in cases {
        assert_eq!(
            error(quote! { #[oauth2(token_url = #url)] struct S; }),
            message,
            "{url}"
        );
    }
}

// ----- CT-E8, E9: the issuer and audience of bearer tokens -----

#[test]
fn issuer_rules() {
    let issuer = |value: &str| error(quote! { #[http(bearer, issuer = #value)] struct S; });
    assert_eq!(
        issuer(""),
        "`issuer` must not be empty; write the issuer identifier the tokens carry in `iss`, such as \"https://idp.example.com\""
    );
    for relative in [
        "idp.example.com",
        "/realms/a",
        "//idp.example.com",
        "my idp",
    ] {
        assert_eq!(
            issuer(relative),
            "`issuer` must be an absolute `https://` URL, such as \"https://idp.example.com\" (RFC 8414 §2, OpenID Connect Discovery §2: an issuer identifier is an `https` URL)",
            "{relative}"
        );
    }
    assert_eq!(
        issuer("http://idp.example.com"),
        "`issuer` must use https (RFC 8414 §2, OpenID Connect Discovery §2: an issuer identifier is an `https` URL), found `http:`; `http` is only allowed on `localhost`, `127.0.0.1` and `[::1]`"
    );
    assert_eq!(
        issuer("urn:example:idp"),
        "`issuer` must use https (RFC 8414 §2, OpenID Connect Discovery §2: an issuer identifier is an `https` URL), found `urn:`"
    );
    assert_eq!(
        issuer("https://idp.example.com?tenant=a"),
        "`issuer` must not contain a query (`?...`): an issuer identifier has no query or fragment components (RFC 8414 §2, OpenID Connect Discovery §2)"
    );
    assert_eq!(
        issuer("https://idp.example.com/#a"),
        "`issuer` must not contain a fragment (`#...`): an issuer identifier has no query or fragment components (RFC 8414 §2, OpenID Connect Discovery §2)"
    );
    // CT-E1 as for every URL.
    assert_eq!(
        issuer("https://idp example.com"),
        "`issuer` is not a valid URL: a space at 11 is not allowed (RFC 3986); percent-encode it"
    );
    assert_eq!(
        issuer("https:///realms/a"),
        "`issuer` is not a valid URL: it has no host; write `https://host/...`"
    );
}

#[test]
fn audience_rules() {
    let audience =
        |value: &str| error(quote! { #[oauth2(token_url = "/t", audience = #value)] struct S; });
    assert_eq!(
        audience(""),
        "`audience` must not be empty; write this resource server's identifier, which the tokens carry in `aud`, such as \"https://api.example.com\" or \"urn:example:api\""
    );
    for relative in ["my api", "api", "/api"] {
        assert_eq!(
            audience(relative),
            "`audience` must be an absolute `https://` URL or a URN, such as \"https://api.example.com\" or \"urn:example:api\" (RFC 8707 §2: a resource indicator is an absolute URI)",
            "{relative}"
        );
    }
    assert_eq!(
        audience("http://api.example.com"),
        "`audience` must be an `https` URL (OAuth 2.1 §1.5) or a URN (`urn:...`), found `http:`; `http` is only allowed on `localhost`, `127.0.0.1` and `[::1]`"
    );
    assert_eq!(
        audience("api://items"),
        "`audience` must be an `https` URL (OAuth 2.1 §1.5) or a URN (`urn:...`), found `api:`"
    );
    assert_eq!(
        audience("https://api.example.com#v1"),
        "`audience` must not contain a fragment (`#...`) (RFC 8707 §2)"
    );
    assert_eq!(
        audience("urn:x"),
        "`audience` is not a valid URN: the namespace identifier `x` must be 2 to 32 letters, digits and `-`, starting and ending with a letter or digit (RFC 8141 §2); write `urn:<NID>:<NSS>`, such as \"urn:example:api\""
    );
    assert_eq!(
        audience("urn::api"),
        "`audience` is not a valid URN: the namespace identifier after `urn:` is empty (RFC 8141 §2); write `urn:<NID>:<NSS>`, such as \"urn:example:api\""
    );
    assert_eq!(
        audience("urn:example:"),
        "`audience` is not a valid URN: nothing follows the namespace identifier `example` (RFC 8141 §2); write `urn:<NID>:<NSS>`, such as \"urn:example:api\""
    );
    assert_eq!(
        audience("urn:example:/api"),
        "`audience` is not a valid URN: the namespace-specific string cannot start with `/` (RFC 8141 §2)"
    );
    assert_eq!(
        audience("urn:example:items api"),
        "`audience` is not a valid URN: a space at 17 is not allowed (RFC 8141 §2); percent-encode it"
    );
    assert_eq!(
        audience("urn:example:a%2"),
        "`audience` is not a valid URN: `%` at 13 must be followed by two hex digits"
    );
    assert_eq!(
        audience("urn:example:api#v1"),
        "`audience` must not contain a fragment (`#...`): an f-component is not part of a URN's name (RFC 8141 §3; RFC 8707 §2)"
    );
    assert_eq!(
        audience("urn:example:api?=v1"),
        "`audience` must be a URN's name alone: the `?` at 15 starts an r- or q-component (`?+...`, `?=...`), which is not part of it (RFC 8141 §3)"
    );
}

#[test]
fn issuer_and_audience_are_both_reported() {
    let found = errors(
        quote! { #[openid_connect(url = "https://id/x", issuer = "http://idp", audience = "my api")] struct S; },
    );
    assert_eq!(found.len(), 2, "{found:#?}");
    assert!(found[0].starts_with("`issuer` must use https"));
    assert!(found[1].starts_with("`audience` must be an absolute"));
}

// ----- CT-H1, J, crate -----

#[test]
fn empty_names() {
    assert_eq!(
        error(quote! { #[http(bearer, name = "")] struct S; }),
        "`name` must not be empty; it names the scheme in `components.securitySchemes`"
    );
    assert_eq!(
        error(quote! { #[http(bearer, extensions("" = 1))] struct S; }),
        "an extension field name must not be empty; write `\"x-...\"`"
    );
    assert_eq!(
        error(quote! { #[openid_connect(url = "/x", scopes(""))] struct S; }),
        "a scope name must not be empty (RFC 6749 §3.3)"
    );
}

#[test]
fn names_extensions_and_crate() {
    // CT-H1
    assert_eq!(
        error(quote! { #[http(bearer, name = "my auth")] struct S; }),
        "security scheme name `my auth` must match ^[a-zA-Z0-9.\\-_]+$ (OpenAPI components)"
    );
    assert_eq!(
        error(quote! { #[http(bearer)] struct Über; }),
        "the type name `Über` is not a valid security scheme name (^[a-zA-Z0-9.\\-_]+$); add `name = \"...\"`"
    );
    // CT-J1
    assert_eq!(
        error(quote! { #[http(bearer, extensions("X-Internal" = true))] struct S; }),
        "extension field `X-Internal` must start with `x-`"
    );
    // CT-J3
    assert_eq!(
        error(quote! { #[http(bearer, extensions("x-big" = 1e999))] struct S; }),
        "extension value `1e999` is not a finite number, which JSON cannot represent"
    );
    assert_eq!(
        error(quote! { #[http(bearer, extensions("x-big" = 9223372036854775808))] struct S; }),
        "extension value `9223372036854775808` does not fit in a 64-bit signed integer"
    );
    // CT-J5
    assert_eq!(
        duplicate(quote! { #[http(bearer, extensions("x-a" = 1, "x-a" = 2))] struct S; }),
        (
            "duplicate extension `x-a`".to_owned(),
            "first `x-a` here".to_owned()
        )
    );
    assert!(
        error(quote! { #[http(bearer, crate = "not a path")] struct S; })
            .starts_with("`crate` must be a path to the `authscheme` crate")
    );
}
