// Issue 11: a scope is its scheme's own; a hand-written `Scopes<S, ..>` with another
// scheme's marker does not compile.
use authscheme::compose::{ScopeAt, ScopeMarker};
use authscheme::credentials::BearerToken;
use authscheme::verify::{Grant, Verifier, VerifyError};
use authscheme::{Scopes, SecurityScheme, Verified};

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes("read" = "Read"))]
struct Items;

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes("root" = "Everything"))]
struct Admin;

// `Admin`'s scope `root`, put in a requirement of `Items`.
type Root = <Admin as ScopeMarker<0>>::Marker;

#[derive(Clone)]
struct Users;

impl Verifier<Items> for Users {
    type Principal = ();
    async fn verify(&self, _: &BearerToken, _: &http::request::Parts) -> Result<Grant<Items, ()>, VerifyError> {
        Err(VerifyError::default())
    }
}

fn handler(_user: Verified<Scopes<Items, (ScopeAt<0, Root>,)>, Users>) {}

fn main() {
    let _ = handler;
}
