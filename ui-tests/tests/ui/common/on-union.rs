// DSL: a security scheme is declared on a struct or enum
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer)]
union Auth {
    bits: u32,
    float: f32,
}

fn main() {}
