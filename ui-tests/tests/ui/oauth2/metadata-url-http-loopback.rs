// CT-D8/CT-E3: `oauth2_metadata_url` needs TLS even on a loopback host
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(
    token_url = "/token",
    oauth2_metadata_url = "http://localhost/.well-known/oauth-authorization-server"
)]
struct Auth;

fn main() {}
