// Issue 11: a scope marker carries its scheme; a hand-written `Scopes<S, ..>` with another
// scheme's marker does not compile, and the message names both.
use authscheme::compose::ScopeOf;
use authscheme::credentials::BearerToken;
use authscheme::verify::{Grant, Verifier, VerifyError};
use authscheme::{Scopes, SecurityScheme, Verified};

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes("read" = "Read"))]
struct Items;

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes("root" = "Everything"))]
struct Admin;

#[allow(non_camel_case_types)]
struct root;
impl ScopeOf<Admin> for root {
    const INDEX: u32 = 0;
}

#[derive(Clone)]
struct Users;

impl Verifier<Items> for Users {
    type Principal = ();
    async fn verify(&self, _: &BearerToken, _: &http::request::Parts) -> Result<Grant<Items, ()>, VerifyError> {
        Err(VerifyError::default())
    }
}

fn handler(_user: Verified<Scopes<Items, (root,)>, Users>) {}

fn main() {
    let _ = handler;
}
