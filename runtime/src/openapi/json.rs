//! Shared checks and readers: the rules both writing and reading enforce.

use serde_json::{Map, Value};

use super::pointer::Pointer;
use super::{Error, Extension, ExtensionValue, OpenApiVersion, Text};

/// The JSON type of a value, with its article, for messages (`expected a string, found null`).
pub(crate) const fn json_type(value: &Value) -> &'static str {
    match value {
        Value::Null => "null",
        Value::Bool(_) => "a boolean",
        Value::Number(_) => "a number",
        Value::String(_) => "a string",
        Value::Array(_) => "an array",
        Value::Object(_) => "an object",
    }
}

/// `text` as a JSON string literal, for messages (`found "path"`).
pub(crate) fn quoted(text: &str) -> String {
    Value::from(text).to_string()
}

fn expected(what: &str, value: &Value, at: &Pointer<'_>) -> Error {
    Error::invalid(at, format!("expected {what}, found {}", json_type(value)))
}

/// The value as an object.
pub(crate) fn object<'v>(
    value: &'v Value,
    at: &Pointer<'_>,
) -> Result<&'v Map<String, Value>, Error> {
    value
        .as_object()
        .ok_or_else(|| expected("an object", value, at))
}

/// The value as an array.
pub(crate) fn array<'v>(value: &'v Value, at: &Pointer<'_>) -> Result<&'v [Value], Error> {
    value
        .as_array()
        .map(Vec::as_slice)
        .ok_or_else(|| expected("an array", value, at))
}

/// The value as a string slice.
pub(crate) fn str<'v>(value: &'v Value, at: &Pointer<'_>) -> Result<&'v str, Error> {
    value
        .as_str()
        .ok_or_else(|| expected("a string", value, at))
}

/// The value as owned [`Text`].
pub(crate) fn text(value: &Value, at: &Pointer<'_>) -> Result<Text, Error> {
    str(value, at).map(|s| Text::Owned(s.to_owned()))
}

/// The value as a boolean.
pub(crate) fn boolean(value: &Value, at: &Pointer<'_>) -> Result<bool, Error> {
    value
        .as_bool()
        .ok_or_else(|| expected("a boolean", value, at))
}

/// A URL-valued field: a string that is an RFC 3986 URI reference.
pub(crate) fn url(value: &Value, at: &Pointer<'_>) -> Result<Text, Error> {
    let url = str(value, at)?;
    check_url(url, at)?;
    Ok(Text::Owned(url.to_owned()))
}

/// The error for a required field that is absent from the object at `at`.
pub(crate) fn missing(at: &Pointer<'_>, field: &str) -> Error {
    Error::invalid(at, format!("missing required field `{field}`"))
}

/// The member `field` of `map`, which must be present.
pub(crate) fn required<'v>(
    map: &'v Map<String, Value>,
    field: &str,
    at: &Pointer<'_>,
) -> Result<&'v Value, Error> {
    map.get(field).ok_or_else(|| missing(at, field))
}

/// The error for a member that is neither a field of the object nor an `x-` extension.
/// `allowed` lists the fields the object does have.
pub(crate) fn unknown_field(key: &str, what: &str, allowed: &[&str], at: &Pointer<'_>) -> Error {
    let at = at.key(key);
    if key.len() >= 2 && key[..2].eq_ignore_ascii_case("x-") {
        return Error::invalid(
            &at,
            format!(
                "unknown field `{key}` in {what}; extension fields must start with lowercase `x-`"
            ),
        );
    }
    let mut message = format!("unknown field `{key}` in {what}; expected ");
    for field in allowed {
        message.push('`');
        message.push_str(field);
        message.push_str("`, ");
    }
    message.push_str("or an `x-` extension");
    Error::invalid(&at, message)
}

/// Reads one `x-` member of an object (the caller has seen the `x-` prefix).
pub(crate) fn extension(
    key: &str,
    value: &Value,
    version: OpenApiVersion,
    at: &Pointer<'_>,
) -> Result<Extension, Error> {
    check_extension_key(key, version, &at.key(key))?;
    Ok(Extension {
        key: Text::Owned(key.to_owned()),
        value: ExtensionValue::from_json(value),
    })
}

/// Checks the extensions of one object before it is written: keys start with `x-`, are not
/// reserved for `version` and are unique; values are JSON-representable.
pub(crate) fn check_extensions(
    extensions: &[Extension],
    version: OpenApiVersion,
    at: &Pointer<'_>,
) -> Result<(), Error> {
    for (index, extension) in extensions.iter().enumerate() {
        let here = at.key(&extension.key);
        check_extension_key(&extension.key, version, &here)?;
        if extensions[..index]
            .iter()
            .any(|other| other.key == extension.key)
        {
            return Err(Error::invalid(
                &here,
                format!("duplicate extension `{}`", extension.key),
            ));
        }
        if let ExtensionValue::Float(value) = extension.value
            && !value.is_finite()
        {
            return Err(Error::invalid(
                &here,
                format!("extension value must be a finite number, found {value}"),
            ));
        }
    }
    Ok(())
}

/// `x-` prefix (case-sensitive), and from 3.1 on not the reserved `x-oai-` / `x-oas-`.
pub(crate) fn check_extension_key(
    key: &str,
    version: OpenApiVersion,
    at: &Pointer<'_>,
) -> Result<(), Error> {
    if !key.starts_with("x-") {
        return Err(Error::invalid(
            at,
            format!("extension field `{key}` must start with `x-`"),
        ));
    }
    if version.at_least(OpenApiVersion::V3_1) {
        for reserved in ["x-oai-", "x-oas-"] {
            if key.starts_with(reserved) {
                return Err(Error::invalid(
                    at,
                    format!(
                        "extension prefix `{reserved}` is reserved by the OpenAPI Initiative \
                         (OpenAPI {version})"
                    ),
                ));
            }
        }
    }
    Ok(())
}

/// Checks a URL-valued field.
pub(crate) fn check_url(url: &str, at: &Pointer<'_>) -> Result<(), Error> {
    uri_reference(url)
        .map_err(|why| Error::invalid(at, format!("not a valid URI reference: {why}")))
}

/// RFC 9110 §5.6.2 `token` (auth-scheme, header field name, cookie name).
pub(crate) fn is_token(text: &str) -> bool {
    !text.is_empty()
        && text
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b"!#$%&'*+-.^_`|~".contains(&b))
}

/// A key of `components.securitySchemes`: `^[a-zA-Z0-9.\-_]+$`.
pub(crate) fn is_component_name(name: &str) -> bool {
    !name.is_empty()
        && name
            .bytes()
            .all(|b| b.is_ascii_alphanumeric() || b".-_".contains(&b))
}

/// The message for a name that is not a component name.
pub(crate) fn bad_component_name(name: &str) -> String {
    format!(
        "security scheme name {} must match ^[a-zA-Z0-9.\\-_]+$",
        quoted(name)
    )
}

const fn is_unreserved(b: u8) -> bool {
    b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~')
}

const fn is_sub_delim(b: u8) -> bool {
    matches!(
        b,
        b'!' | b'$' | b'&' | b'\'' | b'(' | b')' | b'*' | b'+' | b',' | b';' | b'='
    )
}

const fn is_gen_delim(b: u8) -> bool {
    matches!(b, b':' | b'/' | b'?' | b'#' | b'[' | b']' | b'@')
}

/// Checks RFC 3986 §4.1 `URI-reference` syntax and says what is wrong.
///
/// It checks the characters (ASCII, percent-encodings complete), that the scheme, if any, is
/// well-formed, that `[`/`]` appear only around an IP-literal host and that there is at most
/// one `#`. Empty text is rejected: it is a valid reference to the current document, but never
/// a usable endpoint.
pub(crate) fn uri_reference(text: &str) -> Result<(), String> {
    if text.is_empty() {
        return Err("it is empty".to_owned());
    }
    let bytes = text.as_bytes();
    for (index, c) in text.char_indices() {
        let allowed = u8::try_from(c)
            .is_ok_and(|b| is_unreserved(b) || is_sub_delim(b) || is_gen_delim(b) || b == b'%');
        if !allowed {
            return Err(format!("invalid character {c:?} at byte {index}"));
        }
        if c == '%'
            && !(bytes.get(index + 1).is_some_and(u8::is_ascii_hexdigit)
                && bytes.get(index + 2).is_some_and(u8::is_ascii_hexdigit))
        {
            return Err(format!("incomplete percent-encoding at byte {index}"));
        }
    }
    if text.matches('#').count() > 1 {
        return Err("more than one `#`".to_owned());
    }
    // The part before the query and fragment: `scheme ":" hier-part` or a relative part.
    let end = text.find(['?', '#']).unwrap_or(text.len());
    let head = &text[..end];
    let hier_start = match head.find(':') {
        Some(colon) if !head[..colon].contains('/') => {
            let scheme = &head[..colon];
            let valid = scheme
                .bytes()
                .next()
                .is_some_and(|b| b.is_ascii_alphabetic())
                && scheme
                    .bytes()
                    .all(|b| b.is_ascii_alphanumeric() || matches!(b, b'+' | b'-' | b'.'));
            if !valid {
                return Err(format!(
                    "invalid scheme {} (a relative reference cannot have `:` in its first \
                     segment)",
                    quoted(scheme)
                ));
            }
            colon + 1
        }
        _ => 0,
    };
    let hier = &head[hier_start..];
    let authority_len = hier
        .strip_prefix("//")
        .map_or(0, |rest| 2 + rest.find('/').unwrap_or(rest.len()));
    let (authority, path) = hier.split_at(authority_len);
    if let Some(index) = text[hier_start + authority_len..].find(['[', ']']) {
        return Err(format!(
            "`[` and `]` are only allowed around an IP-literal host (byte {})",
            hier_start + authority_len + index
        ));
    }
    if path.starts_with("//") {
        return Err("a path cannot start with `//` without an authority".to_owned());
    }
    if let Some(open) = authority.find('[') {
        let host = &authority[open..];
        let well_formed = authority[..open].ends_with(['/', '@'])
            && host.find(']').is_some_and(|close| {
                let after = &host[close + 1..];
                host[1..close].bytes().all(|b| !matches!(b, b'[' | b']'))
                    && (after.is_empty()
                        || after
                            .strip_prefix(':')
                            .is_some_and(|port| port.bytes().all(|b| b.is_ascii_digit())))
            });
        if !well_formed {
            return Err("malformed IP-literal host".to_owned());
        }
    } else if authority.contains(']') {
        return Err("malformed IP-literal host".to_owned());
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn uri_references() {
        for good in [
            "https://auth.example.com/token",
            "/token",
            "token",
            "../token?x=1&y=%20#frag",
            "http://[::1]:8080/token",
            "https://user@[2001:db8::7]/a",
            "urn:ietf:params:oauth:token",
            "?query",
            "#frag",
        ] {
            assert_eq!(uri_reference(good), Ok(()), "{good}");
        }
        for (bad, why) in [
            ("", "it is empty"),
            ("https://exa mple.com", "invalid character ' ' at byte 11"),
            (
                "https://{tenant}.example.com",
                "invalid character '{' at byte 8",
            ),
            ("https://bücher.example", "invalid character 'ü' at byte 9"),
            ("/a%2", "incomplete percent-encoding at byte 2"),
            ("/a#b#c", "more than one `#`"),
            ("1a:b", "invalid scheme \"1a\""),
            (":b", "invalid scheme \"\""),
            (
                "/a[1]",
                "`[` and `]` are only allowed around an IP-literal host (byte 2)",
            ),
            ("http://[::1", "malformed IP-literal host"),
            ("http://a]b", "malformed IP-literal host"),
        ] {
            let found = uri_reference(bad).expect_err(bad);
            assert!(found.starts_with(why), "{bad}: {found}");
        }
    }

    #[test]
    fn tokens_and_names() {
        assert!(is_token("scram-sha-256"));
        assert!(!is_token(""));
        assert!(!is_token("Bearer token"));
        assert!(!is_token("bearer:"));
        assert!(is_component_name("petstore_auth.v1-x"));
        assert!(!is_component_name("my auth"));
        assert!(!is_component_name(""));
        assert!(!is_component_name("auth/v1"));
    }

    #[test]
    fn extension_keys() {
        let at = Pointer::Root;
        assert!(check_extension_key("x-a", OpenApiVersion::V3_1, &at).is_ok());
        assert!(check_extension_key("X-a", OpenApiVersion::V3_0, &at).is_err());
        assert!(check_extension_key("x-oai-a", OpenApiVersion::V3_0, &at).is_ok());
        assert!(check_extension_key("x-oai-a", OpenApiVersion::V3_1, &at).is_err());
        assert!(check_extension_key("x-oas-a", OpenApiVersion::V3_2, &at).is_err());
    }
}
