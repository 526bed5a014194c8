// CT-I2, CT-I3: `scopes!` builds scope sets at compile time, also in `const` and `static` items.
use authscheme::{ScopeSet, SecurityScheme, scopes};

#[derive(SecurityScheme)]
#[oauth2(
    token_url = "/token",
    scopes("items:read" = "Read items", "items:write" = "Write items", "admin" = "Administer"),
)]
struct ItemsAuth;

const READ: ScopeSet<ItemsAuth> = <scopes!(ItemsAuth: "items:read")>::SET;
static WRITE: ScopeSet<ItemsAuth> = <scopes!(ItemsAuth: "items:write",)>::SET;

mod auth {
    use authscheme::SecurityScheme;
    use std::marker::PhantomData;

    #[derive(SecurityScheme)]
    #[api_key(header = "X-Tenant-Key", roles("owner", "member"))]
    pub struct Tenant<T>(PhantomData<T>);
}

// A generic parameter names the empty set.
fn nothing_of<S: SecurityScheme>() -> ScopeSet<S> {
    <scopes!(S)>::SET
}

fn main() {
    assert_eq!(<scopes!(auth::Tenant<u8>: "member")>::SET.bits(), 0b10);
    assert!(nothing_of::<ItemsAuth>().is_empty());
    let none = <scopes!(ItemsAuth)>::SET;
    let none_either = <scopes!(ItemsAuth:)>::SET;
    assert!(none.is_empty() && none_either.is_empty());
    assert_eq!(none, ScopeSet::EMPTY);
    let all = <scopes!(ItemsAuth: "items:read", "items:write", "admin")>::SET;
    assert!(all.contains_all(READ.union(WRITE)));
    assert!(!READ.contains_all(WRITE));
    assert_eq!(
        READ.missing(all).names().collect::<Vec<_>>(),
        ["items:write", "admin"]
    );
    // Repeating a scope is harmless (CT-I6 is a lint).
    assert_eq!(
        <scopes!(ItemsAuth: "admin", "admin")>::SET,
        <scopes!(ItemsAuth: "admin")>::SET
    );
}
