// CT-E9: an audience has no fragment, a URN no f-component (RFC 8707 §2, RFC 8141 §3)
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[openid_connect(
    url = "https://idp.example.com/.well-known/openid-configuration",
    audience = "urn:example:items-api#v1"
)]
struct Auth;

fn main() {}
