// CT-A4: unknown key in a flow, with a suggestion
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(client_credentials(token_url = "/token", scope("read" = "Read items")))]
struct Auth;

fn main() {}
