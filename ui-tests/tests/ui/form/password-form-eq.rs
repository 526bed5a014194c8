// The password forms have no `PartialEq`: `==` would compare the password byte by byte and
// stop at the first difference, so its timing would tell how much of a guess is right. The
// password is checked in constant time instead (`BasicUsers::authenticate`, `subtle`).
use authscheme::form::{OAuth2PasswordRequestForm, OAuth2PasswordRequestFormStrict};

fn main() {
    let body = b"grant_type=password&username=alice&password=wonderland";

    let form = OAuth2PasswordRequestForm::from_urlencoded(body).unwrap();
    let _ = form == form.clone();

    let strict = OAuth2PasswordRequestFormStrict::from_urlencoded(body).unwrap();
    let _ = strict == strict.clone();
}
