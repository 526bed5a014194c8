// Kind attributes describe the type; on a field they would never be read
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer)]
struct Auth {
    #[api_key(header = "X-API-Key")]
    key: u8,
}

fn main() {}
