// Issue 11: the old spelling, a bare bitset in braces, no longer compiles: a `u128` does not
// carry its scheme, so it could enforce the scopes of the wrong one.
use authscheme::credentials::BearerToken;
use authscheme::verify::{Grant, Verifier, VerifyError};
use authscheme::{SecurityScheme, Verified};

#[derive(SecurityScheme)]
#[http(bearer, format = "JWT")]
struct Jwt;

#[derive(Clone)]
struct JwtUsers;

impl Verifier<Jwt> for JwtUsers {
    type Principal = ();
    async fn verify(&self, _: &BearerToken, _: &http::request::Parts) -> Result<Grant<Jwt, ()>, VerifyError> {
        Err(VerifyError::default())
    }
}

const ROOT: u128 = 0b1;

fn handler(_user: Verified<Jwt, JwtUsers, ROOT>) {}

fn main() {
    let _ = handler;
}
