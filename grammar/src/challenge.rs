//! `WWW-Authenticate` values that depend on a declaration: the derive computes them from
//! the declaration's literals, so that the runtime sends a finished `&'static str`.

/// `Basic`, or `Basic realm="R"` with `R` written as an RFC 9110 `quoted-string`.
///
/// ```
/// use authscheme_grammar::challenge::basic;
///
/// assert_eq!(basic(None), "Basic");
/// assert_eq!(basic(Some("")), "Basic");
/// assert_eq!(basic(Some(r#"my "realm""#)), r#"Basic realm="my \"realm\"""#);
/// ```
#[must_use]
pub fn basic(realm: Option<&str>) -> String {
    match realm {
        None | Some("") => "Basic".to_owned(),
        Some(realm) => {
            let mut text = String::with_capacity(realm.len() + 16);
            text.push_str("Basic realm=");
            quote(realm, &mut text);
            text
        }
    }
}

/// A custom scheme's challenge: its word title-cased, as FastAPI's `str.title()` does.
///
/// ```
/// use authscheme_grammar::challenge::custom;
///
/// assert_eq!(custom("scram-sha-256x"), "Scram-Sha-256X");
/// ```
#[must_use]
pub fn custom(scheme: &str) -> String {
    title_case(scheme)
}

/// Writes `text` as an RFC 9110 `quoted-string`: `"` and `\` are escaped with a backslash;
/// control characters other than HTAB cannot be sent in a field value and are dropped.
pub fn quote(text: &str, out: &mut String) {
    out.push('"');
    for c in text.chars() {
        match c {
            '"' | '\\' => {
                out.push('\\');
                out.push(c);
            }
            '\t' => out.push(c),
            c if c.is_ascii_control() => {}
            c => out.push(c),
        }
    }
    out.push('"');
}

/// Python's `str.title()`: a letter is upper-cased when it follows a non-letter (or starts
/// the text), other letters are lower-cased (`scram-sha-256x` → `Scram-Sha-256X`).
#[must_use]
pub fn title_case(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut after_letter = false;
    for c in text.chars() {
        if c.is_alphabetic() {
            if after_letter {
                out.extend(c.to_lowercase());
            } else {
                out.extend(c.to_uppercase());
            }
            after_letter = true;
        } else {
            out.push(c);
            after_letter = false;
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{quote, title_case};

    #[test]
    fn quoted_string_escapes_and_drops_controls() {
        let mut out = String::new();
        quote("My \"quoted\" \\ realm\n", &mut out);
        assert_eq!(out, r#""My \"quoted\" \\ realm""#);
    }

    #[test]
    fn title_case_follows_python() {
        assert_eq!(title_case("custom"), "Custom");
        assert_eq!(title_case("my-scheme"), "My-Scheme");
        assert_eq!(title_case("BEARER"), "Bearer");
        assert_eq!(title_case("scram-sha-256x"), "Scram-Sha-256X");
    }
}
