// CT-D8: `oauth2_metadata_url` only applies to OAuth2
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(
    bearer,
    oauth2_metadata_url = "https://as.example.com/.well-known/oauth-authorization-server"
)]
struct Auth;

fn main() {}
