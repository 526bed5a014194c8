// CT-E1: an empty string is not a usable URL
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "")]
struct Auth;

fn main() {}
