// Accumulation: every mistake of a declaration is reported at once
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(name = "items auth", token_url = "https://as.example.com/token#x")]
struct Auth;

fn main() {}
