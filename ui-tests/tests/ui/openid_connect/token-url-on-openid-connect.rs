// CT-A3: `token_url` does not apply to OpenID Connect (did you mean `url`?)
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[openid_connect(token_url = "https://id.example.com/token")]
struct Auth;

fn main() {}
