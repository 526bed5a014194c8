// DSL: `realm` only applies to basic (Digest's realm is chosen per challenge)
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(digest, realm = "admin")]
struct Auth;

fn main() {}
