// The derive works on unit, tuple, named-field, generic structs and on enums.
use std::marker::PhantomData;

use authscheme::{SecurityScheme, scopes};

#[derive(SecurityScheme)]
#[http(bearer)]
struct Tuple(u8, String);

#[derive(SecurityScheme)]
#[api_key(header = "X-API-Key")]
struct Named {
    _key: String,
}

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes("read" = "Read"))]
struct Generic<T>(PhantomData<T>);

#[derive(SecurityScheme)]
#[http(basic)]
struct Bounded<T: Clone + Send + Sync + 'static, const N: usize>
where
    T: Default,
{
    _value: [T; N],
}

#[derive(SecurityScheme)]
#[mutual_tls]
enum Cert {
    _Device,
    _User(String),
}

#[derive(SecurityScheme)]
#[http(digest)]
enum Never {}

fn main() {
    assert_eq!(Tuple::NAME, "Tuple");
    assert_eq!(Named::NAME, "Named");
    assert_eq!(Generic::<u8>::NAME, "Generic");
    assert_eq!(Generic::<String>::SCOPES, ["read"]);
    assert_eq!(<scopes!(Generic<u8>: "read")>::SET.bits(), 1);
    assert_eq!(<Bounded<u8, 4>>::NAME, "Bounded");
    assert_eq!(Cert::NAME, "Cert");
    assert_eq!(Never::NAME, "Never");
}
