// RULES CT-B7 through nesting: an `AnyOf` that may use `Authorization`, inside an `AllOf` with
// an API key sent in a header named `Authorization`.
use authscheme::{AllOf, AnyOf, Auth, SecurityScheme};

#[derive(SecurityScheme)]
#[http(bearer)]
struct Jwt;

#[derive(SecurityScheme)]
#[api_key(header = "X-Key")]
struct Key;

#[derive(SecurityScheme)]
#[api_key(header = "authorization")]
struct LegacyKey;

type Either = AnyOf<(Auth<Key>, Auth<Jwt>)>;

fn handler(_all: AllOf<(Either, Auth<LegacyKey>)>) {}

fn main() {
    let _ = handler;
}
