//! The derive describes the type and ignores its shape: generic, tuple, named and unit
//! structs and enums all work.

use std::marker::PhantomData;

use authscheme::openapi::{self, ApiKeyLocation};
use authscheme::{SecurityScheme, scopes};

/// A scheme generic over a tenant marker.
#[derive(SecurityScheme)]
#[api_key(header = "X-Tenant-Key", roles("owner"))]
pub struct TenantKey<T: 'static, const N: usize = 1> {
    tenant: PhantomData<T>,
}

/// A lifetime parameter: the impl needs `'a: 'static`.
#[derive(SecurityScheme)]
#[http(bearer)]
pub struct Borrowing<'a>(PhantomData<&'a str>);

/// An enum.
#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes("a" = "A"))]
pub enum Either {
    /// One.
    Left,
    /// Two.
    Right(u8),
}

/// A named struct with data.
#[derive(SecurityScheme)]
#[mutual_tls]
pub struct WithFields {
    /// Not looked at.
    pub field: String,
}

fn name_of<S: SecurityScheme>() -> &'static str {
    S::NAME
}

/// `scopes!` in a generic context: the `const` block may name the type parameter.
fn owner<S: SecurityScheme>() -> u128 {
    <scopes!(S)>::SET.bits()
}

#[test]
fn generic_structs_derive() {
    assert_eq!(name_of::<TenantKey<u8>>(), "TenantKey");
    assert_eq!(name_of::<TenantKey<String, 3>>(), "TenantKey");
    assert_eq!(
        *TenantKey::<()>::openapi(),
        openapi::SecurityScheme::api_key("X-Tenant-Key", ApiKeyLocation::Header)
            .with_description("A scheme generic over a tenant marker.")
    );
    assert_eq!(<scopes!(TenantKey<u8>: "owner")>::SET.bits(), 1);
    assert_eq!(owner::<TenantKey<u8>>(), 0);
    assert_eq!(name_of::<Borrowing<'static>>(), "Borrowing");
    let _ = TenantKey::<u8> {
        tenant: PhantomData,
    }
    .tenant;
    let _ = Borrowing(PhantomData).0;
}

#[test]
fn enums_and_structs_with_fields_derive() {
    assert_eq!(Either::SCOPES, ["a"]);
    assert_eq!(WithFields::NAME, "WithFields");
    assert!(matches!(Either::Right(1), Either::Right(1)));
    assert_eq!(
        WithFields {
            field: String::new()
        }
        .field,
        ""
    );
    assert!(matches!(Either::Left, Either::Left));
}
