// Issue 11: the scopes of one scheme cannot stand for another's. `scopes!` names its scheme,
// so a verifier of `Jwt` cannot be given `OAuth`'s scopes.
use authscheme::credentials::BearerToken;
use authscheme::verify::{Grant, Verifier, VerifyError};
use authscheme::{SecurityScheme, Verified, scopes};

#[derive(SecurityScheme)]
#[http(bearer, format = "JWT", roles("reader"))]
struct Jwt;

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes("root" = "Everything"))]
struct OAuth;

#[derive(Clone)]
struct JwtUsers;

impl Verifier<Jwt> for JwtUsers {
    type Principal = ();
    async fn verify(&self, _: &BearerToken, _: &http::request::Parts) -> Result<Grant<Jwt, ()>, VerifyError> {
        Err(VerifyError::default())
    }
}

fn handler(_user: Verified<scopes!(OAuth: "root"), JwtUsers>) {}

fn main() {
    let _ = handler;
}
