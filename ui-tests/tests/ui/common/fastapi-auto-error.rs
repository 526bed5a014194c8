// FastAPI's auto_error has no key: optional credentials are Option<Auth<S>>
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer, auto_error = false)]
struct Auth;

fn main() {}
