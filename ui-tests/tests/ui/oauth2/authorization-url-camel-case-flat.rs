// OpenAPI's authorizationUrl is authorization_url, which goes inside a flow
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(authorizationUrl = "https://as.example.com/authorize")]
struct Auth;

fn main() {}
