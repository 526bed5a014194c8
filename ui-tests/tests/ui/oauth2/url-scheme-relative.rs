// CT-E1/CT-E3: a scheme-relative `//host` URL could resolve to http
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "//as.example.com/token")]
struct Auth;

fn main() {}
