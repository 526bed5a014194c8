// CT-E1: an https URL has a host
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "https:///token")]
struct Auth;

fn main() {}
