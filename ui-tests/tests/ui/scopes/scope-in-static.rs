// CT-I3: the check also runs in a `static` initialiser
use authscheme::ScopeSet;
use authscheme::{SecurityScheme, scopes};

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token", scopes("items:read" = "Read items", "items:write" = "Write items"))]
struct ItemsAuth;

static REQUIRED: ScopeSet<ItemsAuth> = <scopes!(ItemsAuth: "items:delete")>::SET;

fn main() {
    let _ = REQUIRED;
}
