// CT-D12: scope names are unique within a flow
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes("read" = "Read items", "read" = "Read everything"))]
struct Auth;

fn main() {}
