// CT-D5: an empty flow is missing its required URLs
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(password())]
struct Auth;

fn main() {}
