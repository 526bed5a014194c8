//! The OpenAPI `security` of every use-site type, compared with the expected Security
//! Requirement Objects, and the compile-time `Authorization` bookkeeping behind CT-B7.

#[path = "compose_support/mod.rs"]
mod support;

use authscheme::compose::{AllOf, AnyOf, Auth, AuthorizationUse, Requirement, Verified};
use authscheme::openapi::{OpenApiVersion, SecurityRequirement, SecuritySchemes};
use serde_json::{Value, json};
use support::{
    Admin, Items, ItemsRead, ItemsReadWrite, Jwt, Key, Keys, LegacyKey, Ops, Scram, Tenant, Tokens,
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
        Verified::<ItemsReadWrite, Tokens>::security(),
        [SecurityRequirement::default().with("Items", ["items:read", "items:write"])]
    );
    assert_eq!(
        security::<Verified<Items, Tokens>>(),
        json!([{"Items": []}])
    );
    // Roles on a non-OAuth scheme: valid from OpenAPI 3.1 on.
    assert_eq!(security::<Verified<Ops, Keys>>(), json!([{"Key": ["ops"]}]));
}

#[test]
fn any_of_is_one_object_per_alternative() {
    type Either = AnyOf<(Verified<ItemsRead, Tokens>, Auth<Key>, Auth<Admin>)>;
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
    type Both = AllOf<(Verified<ItemsRead, Tokens>, Auth<Key>, Auth<Tenant>)>;
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
    type Twice = AllOf<(Verified<Ops, Keys>, Auth<Key>)>;
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
        Verified::<ItemsReadWrite, Tokens>::security(),
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
    let roles = &Verified::<Ops, Keys>::security()[0];
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

/// Whether a request meeting `R` may need the `Authorization` header.
fn in_authorization<R: Requirement>() -> bool {
    <R::Authorization as AuthorizationUse>::IN_AUTHORIZATION
}

#[test]
fn authorization_header_use_is_known_per_requirement() {
    // One scheme each.
    assert!(in_authorization::<Auth<Items>>());
    assert!(in_authorization::<Auth<Jwt>>());
    assert!(in_authorization::<Auth<Admin>>());
    assert!(in_authorization::<Auth<Scram>>());
    assert!(in_authorization::<Auth<LegacyKey>>());
    assert!(!in_authorization::<Auth<Key>>());
    assert!(!in_authorization::<Auth<Tenant>>());
    assert!(in_authorization::<Verified<Items, Tokens>>());
    // Alternatives: any one of them; conjunctions: the one member that does.
    assert!(in_authorization::<
        AnyOf<(Auth<Jwt>, Auth<Admin>, Auth<Scram>)>,
    >());
    assert!(in_authorization::<AnyOf<(Auth<Key>, Auth<Jwt>)>>());
    assert!(!in_authorization::<AnyOf<(Auth<Key>, Auth<Tenant>)>>());
    assert!(in_authorization::<AllOf<(Auth<Jwt>, Auth<Key>)>>());
    assert!(in_authorization::<
        AllOf<(Auth<Key>, Auth<Tenant>, Auth<Jwt>)>,
    >());
    assert!(!in_authorization::<AllOf<(Auth<Key>, Auth<Tenant>)>>());
    assert!(in_authorization::<Option<Auth<Jwt>>>());
    assert!(!in_authorization::<Option<Auth<Key>>>());
}
