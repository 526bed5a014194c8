// CT-I4: an HTTP scheme without `roles(..)` declares no role names
use authscheme::{SecurityScheme, scopes};

#[derive(SecurityScheme)]
#[http(bearer)]
struct Jwt;

fn main() {
    let _ = <scopes!(Jwt: "admin")>::SET;
}
