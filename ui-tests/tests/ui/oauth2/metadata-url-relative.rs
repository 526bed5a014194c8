// CT-D8/CT-E3: `oauth2_metadata_url` is an absolute https URL (RFC 8414 §3)
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(
    token_url = "/token",
    oauth2_metadata_url = "/.well-known/oauth-authorization-server"
)]
struct Auth;

fn main() {}
