// CT-E1: the authority follows RFC 3986 §3.2 (checked by an RFC 3986 parser): one `@`, a
// closed and valid IP literal, a numeric port, a host for https; one scheme per mistake.
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[oauth2(token_url = "https://user@@as.example.com/token")]
struct TwoAts;

#[derive(SecurityScheme)]
#[oauth2(token_url = "http://[::1/token")]
struct UnclosedIpLiteral;

#[derive(SecurityScheme)]
#[oauth2(token_url = "https://[::g]/token")]
struct InvalidIpv6;

#[derive(SecurityScheme)]
#[oauth2(token_url = "https://as.example.com:port/token")]
struct NamedPort;

#[derive(SecurityScheme)]
#[oauth2(token_url = "https://as.example.com:443:80/token")]
struct TwoPorts;

#[derive(SecurityScheme)]
#[oauth2(token_url = "https://:443/token")]
struct EmptyHostWithPort;

#[derive(SecurityScheme)]
#[oauth2(token_url = "https://a b/token")]
struct SpaceInHost;

fn main() {}
