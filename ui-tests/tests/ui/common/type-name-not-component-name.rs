// CT-H1: a default name comes from the type; a non-ASCII type name needs `name = ".."`
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer)]
struct Café;

fn main() {}
