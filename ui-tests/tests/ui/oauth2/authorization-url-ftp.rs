// CT-E3: an absolute OAuth URL uses https, not another scheme
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(implicit(authorization_url = "ftp://as.example.com/authorize"))]
struct Auth;

fn main() {}
