// DSL: the realm goes into `WWW-Authenticate`; a CR/LF would split the header
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(basic, realm = "admin\r\nX-Injected: 1")]
struct Auth;

fn main() {}
