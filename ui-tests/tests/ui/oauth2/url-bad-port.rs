// CT-E1: a port is digits
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "https://as.example.com:https/token")]
struct Auth;

fn main() {}
