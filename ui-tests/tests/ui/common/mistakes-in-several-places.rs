// Accumulation: errors in the scheme, a flow and the scopes are all reported
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(
    name = "a/b",
    client_credentials(token_url = "http://as.example.com/token"),
    scopes("read items" = "Read items"),
    extensions("team" = "auth"),
)]
struct Auth;

fn main() {}
