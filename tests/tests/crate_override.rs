//! `crate = ".."` points expansions at a re-export of `authscheme`.

/// A facade crate would re-export `authscheme` like this.
pub mod facade {
    pub use ::authscheme as auth;
}

use authscheme::SecurityScheme;
use authscheme::openapi::{self, ApiKeyLocation};

/// Through the facade.
#[derive(SecurityScheme)]
#[api_key(header = "X-Key", crate = "facade::auth")]
pub struct ThroughFacade;

/// Through an absolute path.
#[derive(SecurityScheme)]
#[oauth2(crate = "crate::facade::auth", token_url = "/token")]
pub struct ThroughCratePath;

#[test]
fn crate_override() {
    assert_eq!(
        *ThroughFacade::openapi(),
        openapi::SecurityScheme::api_key("X-Key", ApiKeyLocation::Header)
            .with_description("Through the facade.")
    );
    assert_eq!(ThroughCratePath::NAME, "ThroughCratePath");
}
