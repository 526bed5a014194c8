// Issue 11 / RULES CT-B7: two schemes that both need the single `Authorization` header cannot
// be required together. The error is at `cargo check`, under the user's type.
use authscheme::{AllOf, Auth, SecurityScheme};

#[derive(SecurityScheme)]
#[http(bearer, format = "JWT")]
struct Jwt;

#[derive(SecurityScheme)]
#[http(basic, realm = "admin")]
struct Admin;

fn handler(_both: AllOf<(Auth<Jwt>, Auth<Admin>)>) {}

fn main() {
    let _ = handler;
}
