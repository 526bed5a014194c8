// `crate = ".."`: the derive names the runtime through a re-export.
mod reexport {
    pub use ::authscheme as auth;
}

use reexport::auth::SecurityScheme as _;

#[derive(reexport::auth::SecurityScheme)]
#[http(bearer, format = "JWT", crate = "reexport::auth")]
struct Jwt;

#[derive(reexport::auth::SecurityScheme)]
#[oauth2(crate = "crate::reexport::auth", token_url = "/token", scopes("read" = "Read"))]
struct Items;

#[derive(reexport::auth::SecurityScheme)]
#[api_key(header = "X-API-Key", crate = "::authscheme")]
struct Absolute;

fn main() {
    assert_eq!(Absolute::NAME, "Absolute");
    assert_eq!(Jwt::NAME, "Jwt");
    assert_eq!(Items::SCOPES, ["read"]);
    let required = <reexport::auth::scopes!(Items: "read")>::SET;
    assert!(!required.is_empty());
}
