//! The OpenAPI `security` of every use-site type, compared with the expected Security
//! Requirement Objects, and the compile-time `Authorization` bookkeeping behind CT-B7.

#[path = "compose_support/mod.rs"]
mod support;

use authscheme::compose::{AllOf, AnyOf, Auth, Requirement, Verified};
use authscheme::openapi::{OpenApiVersion, SecurityRequirement, SecuritySchemes};
use serde_json::{Value, json};
use support::{
    Admin, ITEMS_READ, ITEMS_READ_WRITE, Items, Jwt, Key, Keys, LegacyKey, OPS, Scram, Tenant,
    Tokens,
};

/// The `security` array as OpenAPI 3.1 JSON.
fn security<R: Requirement>() -> Value {
    R::security()
        .iter()
        .map(|requirement| {
            requirement
                .to_json(OpenApiVersion::V3_1)
                .expect("a valid requirement")
        })
        .collect()
}

#[test]
fn auth_is_one_scheme_without_scopes() {
    assert_eq!(
        Auth::<Items>::security(),
        [SecurityRequirement::default().with("Items", [""; 0])]
    );
    assert_eq!(security::<Auth<Items>>(), json!([{"Items": []}]));
}

#[test]
fn option_adds_the_anonymous_requirement_first() {
    assert_eq!(
        Option::<Auth<Jwt>>::security(),
        [
            SecurityRequirement::ANONYMOUS,
            SecurityRequirement::default().with("Jwt", [""; 0])
        ]
    );
    assert_eq!(security::<Option<Auth<Jwt>>>(), json!([{}, {"Jwt": []}]));
}

#[test]
fn verified_lists_the_required_scopes_in_declaration_order() {
    assert_eq!(
        Verified::<Items, Tokens, ITEMS_READ_WRITE>::security(),
        [SecurityRequirement::default().with("Items", ["items:read", "items:write"])]
    );
    assert_eq!(
        security::<Verified<Items, Tokens>>(),
        json!([{"Items": []}])
    );
    // Roles on a non-OAuth scheme: valid from OpenAPI 3.1 on.
    assert_eq!(
        security::<Verified<Key, Keys, OPS>>(),
        json!([{"Key": ["ops"]}])
    );
}

#[test]
fn any_of_is_one_object_per_alternative() {
    type Either = AnyOf<(Verified<Items, Tokens, ITEMS_READ>, Auth<Key>, Auth<Admin>)>;
    assert_eq!(
        Either::security(),
        [
            SecurityRequirement::default().with("Items", ["items:read"]),
            SecurityRequirement::default().with("Key", [""; 0]),
            SecurityRequirement::default().with("Admin", [""; 0]),
        ]
    );
    assert_eq!(
        security::<AnyOf<(Auth<Jwt>, Auth<Key>, Auth<Admin>, Auth<Tenant>)>>(),
        json!([{"Jwt": []}, {"Key": []}, {"Admin": []}, {"Tenant": []}])
    );
}

#[test]
fn all_of_is_one_object_with_every_key() {
    type Both = AllOf<(Verified<Items, Tokens, ITEMS_READ>, Auth<Key>, Auth<Tenant>)>;
    assert_eq!(
        Both::security(),
        [SecurityRequirement::default()
            .with("Items", ["items:read"])
            .with("Key", [""; 0])
            .with("Tenant", [""; 0])]
    );
}

#[test]
fn all_of_distributes_over_alternatives() {
    assert_eq!(
        security::<AllOf<(Auth<Key>, AnyOf<(Auth<Jwt>, Auth<Admin>)>)>>(),
        json!([{"Key": [], "Jwt": []}, {"Key": [], "Admin": []}])
    );
    assert_eq!(
        security::<AllOf<(Auth<Key>, Option<Auth<Jwt>>)>>(),
        json!([{"Key": []}, {"Key": [], "Jwt": []}])
    );
}

#[test]
fn optional_composites() {
    assert_eq!(
        security::<Option<AllOf<(Auth<Jwt>, Auth<Key>)>>>(),
        json!([{}, {"Jwt": [], "Key": []}])
    );
    assert_eq!(
        security::<Option<AnyOf<(Auth<Jwt>, Auth<Key>)>>>(),
        json!([{}, {"Jwt": []}, {"Key": []}])
    );
    // `{}` is listed once however many alternatives allow anonymous access.
    assert_eq!(
        security::<AnyOf<(Option<Auth<Jwt>>, Option<Auth<Key>>)>>(),
        json!([{}, {"Jwt": []}, {"Key": []}])
    );
}

#[test]
fn the_same_scheme_twice_in_all_of_is_one_key_with_the_union_of_scopes() {
    type Twice = AllOf<(Verified<Key, Keys, OPS>, Auth<Key>)>;
    assert_eq!(
        Twice::security(),
        [SecurityRequirement::default().with("Key", ["ops"])]
    );
}

/// `components.securitySchemes` holding every scheme of the tests.
fn components() -> SecuritySchemes {
    let mut schemes = SecuritySchemes::new();
    schemes.register::<Items>().expect("Items");
    schemes.register::<Jwt>().expect("Jwt");
    schemes.register::<Admin>().expect("Admin");
    schemes.register::<Key>().expect("Key");
    schemes.register::<Tenant>().expect("Tenant");
    schemes
}

#[test]
fn every_requirement_names_declared_schemes_and_suits_its_openapi_version() {
    let schemes = components();
    let lists = [
        Auth::<Items>::security(),
        Option::<Auth<Items>>::security(),
        Verified::<Items, Tokens, ITEMS_READ_WRITE>::security(),
        AnyOf::<(Auth<Jwt>, Auth<Key>, Auth<Admin>)>::security(),
        AllOf::<(Auth<Jwt>, Auth<Key>, Auth<Tenant>)>::security(),
        Option::<AllOf<(Auth<Jwt>, Auth<Key>)>>::security(),
    ];
    for version in [
        OpenApiVersion::V3_0,
        OpenApiVersion::V3_1,
        OpenApiVersion::V3_2,
    ] {
        for requirement in lists.iter().flatten() {
            schemes
                .check_requirement(requirement, version)
                .unwrap_or_else(|error| panic!("{requirement:?} for {version:?}: {error}"));
        }
    }
    // Role names on an API key need OpenAPI 3.1 (RULES CT-I4).
    let roles = &Verified::<Key, Keys, OPS>::security()[0];
    assert!(
        schemes
            .check_requirement(roles, OpenApiVersion::V3_0)
            .is_err()
    );
    assert!(
        schemes
            .check_requirement(roles, OpenApiVersion::V3_1)
            .is_ok()
    );
}

#[test]
fn authorization_header_users_are_counted_per_requirement_object() {
    // One scheme each.
    assert_eq!(Auth::<Items>::AUTHORIZATION_SCHEMES, 1);
    assert_eq!(Auth::<Jwt>::AUTHORIZATION_SCHEMES, 1);
    assert_eq!(Auth::<Admin>::AUTHORIZATION_SCHEMES, 1);
    assert_eq!(Auth::<Scram>::AUTHORIZATION_SCHEMES, 1);
    assert_eq!(Auth::<LegacyKey>::AUTHORIZATION_SCHEMES, 1);
    assert_eq!(Auth::<Key>::AUTHORIZATION_SCHEMES, 0);
    assert_eq!(Auth::<Tenant>::AUTHORIZATION_SCHEMES, 0);
    assert_eq!(Verified::<Items, Tokens>::AUTHORIZATION_SCHEMES, 1);
    // Alternatives: the most of any one of them; conjunctions: the sum.
    assert_eq!(
        AnyOf::<(Auth<Jwt>, Auth<Admin>, Auth<Scram>)>::AUTHORIZATION_SCHEMES,
        1
    );
    assert_eq!(AnyOf::<(Auth<Key>, Auth<Tenant>)>::AUTHORIZATION_SCHEMES, 0);
    assert_eq!(AllOf::<(Auth<Jwt>, Auth<Key>)>::AUTHORIZATION_SCHEMES, 1);
    assert_eq!(AllOf::<(Auth<Key>, Auth<Tenant>)>::AUTHORIZATION_SCHEMES, 0);
    assert_eq!(Option::<Auth<Jwt>>::AUTHORIZATION_SCHEMES, 1);
}
