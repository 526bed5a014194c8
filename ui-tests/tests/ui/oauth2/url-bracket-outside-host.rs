// CT-E1: `[` and `]` only delimit an IP-literal host
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "/token[1]")]
struct Auth;

fn main() {}
