// CT-E3: only loopback hosts may use http; `localhost.example.com` is not one
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "http://localhost.example.com/token")]
struct Auth;

fn main() {}
