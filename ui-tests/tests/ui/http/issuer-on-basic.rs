// CT-A3: `issuer` applies to bearer-token schemes only, so `#[http]` takes it with `bearer`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(basic, issuer = "https://idp.example.com")]
struct Auth;

fn main() {}
