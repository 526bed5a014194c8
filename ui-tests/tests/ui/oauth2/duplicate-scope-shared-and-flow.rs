// CT-D12: a shared scope is in every flow; the same name in one flow is a duplicate
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(
    scopes("read" = "Read items"),
    client_credentials(token_url = "/token", scopes("read" = "Read all items")),
)]
struct Auth;

fn main() {}
