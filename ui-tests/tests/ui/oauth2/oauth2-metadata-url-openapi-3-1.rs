// CT-D8: `oauth2_metadata_url` needs OpenAPI 3.2
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(
    openapi = "3.1",
    token_url = "/token",
    oauth2_metadata_url = "https://as.example.com/.well-known/oauth-authorization-server"
)]
struct Auth;

fn main() {}
