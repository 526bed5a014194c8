// CT-E3: `refresh_url` uses https too
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(password(token_url = "/token", refresh_url = "http://as.example.com/refresh"))]
struct Auth;

fn main() {}
