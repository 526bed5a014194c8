// CT-A4: unknown key; the message lists the keys allowed there
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[api_key(header = "X-API-Key", colour = "red")]
struct Auth;

fn main() {}
