// DSL: a flat `refresh_url` belongs to the flat `token_url` password flow
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(refresh_url = "/refresh", client_credentials(token_url = "/token"))]
struct Auth;

fn main() {}
