// Kind attributes describe the type; on a variant they would never be validated
use authscheme::SecurityScheme;

#[derive(SecurityScheme)]
#[http(bearer)]
enum Auth {
    #[oauth2(token_url = "http://nope#x")]
    A,
}

fn main() {}
