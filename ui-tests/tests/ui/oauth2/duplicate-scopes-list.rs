// CT-A5: `scopes(..)` appears once per level
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes("read" = "Read items"), scopes("write" = "Write items"))]
struct Auth;

fn main() {}
