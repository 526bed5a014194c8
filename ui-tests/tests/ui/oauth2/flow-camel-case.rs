// CT-D3: flow names are snake_case in the DSL (`clientCredentials` in OpenAPI)
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(clientCredentials(token_url = "/token"))]
struct Auth;

fn main() {}
