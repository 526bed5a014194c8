//! Shared checks and readers: the rules both writing and reading enforce.

use authscheme_grammar::text::{ExtensionKeyProblem, extension_key_problem};
use authscheme_grammar::url::{self, UrlPolicy, UrlProblem, url_problem};
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
    let reserved = version.at_least(OpenApiVersion::V3_1);
    match extension_key_problem(key, reserved) {
        None => Ok(()),
        Some(ExtensionKeyProblem::Empty | ExtensionKeyProblem::NoPrefix) => Err(Error::invalid(
            at,
            format!("extension field `{key}` must start with `x-`"),
        )),
        Some(ExtensionKeyProblem::Reserved(reserved)) => Err(Error::invalid(
            at,
            format!(
                "extension prefix `{reserved}` is reserved by the OpenAPI Initiative \
                 (OpenAPI {version})"
            ),
        )),
    }
}

/// Checks a URL-valued field: an RFC 3986 URI reference without a fragment (CT-E1, CT-E4),
/// and an `http`/`https` URL has a host. Unlike the derive, no transport policy: a document
/// may describe any deployment.
pub(crate) fn check_url(url: &str, at: &Pointer<'_>) -> Result<(), Error> {
    let Some(problem) = url_problem(url, UrlPolicy::Document) else {
        return Ok(());
    };
    let message = match problem {
        UrlProblem::Fragment => {
            "a URL field must not contain a fragment (`#...`) (RFC 6749 §3.1, RFC 8414 §2)"
                .to_owned()
        }
        UrlProblem::NoHost => {
            "an `http` or `https` URL must have a host (RFC 9110 §4.2)".to_owned()
        }
        problem => format!("not a valid URI reference: {}", uri_problem(url, &problem)),
    };
    Err(Error::invalid(at, message))
}

/// Why `text` is not an RFC 3986 `URI-reference` (fragments allowed), or `None`.
pub(crate) fn uri_reference_problem(text: &str) -> Option<String> {
    url::uri_reference_problem(text).map(|problem| uri_problem(text, &problem))
}

/// The words for a syntax problem of a URI reference.
fn uri_problem(text: &str, problem: &UrlProblem) -> String {
    match *problem {
        UrlProblem::Empty => "it is empty".to_owned(),
        UrlProblem::Character(c, at) => format!("invalid character {c:?} at byte {at}"),
        UrlProblem::Percent(at) => format!("incomplete percent-encoding at byte {at}"),
        UrlProblem::Bracket(at) => {
            format!("`[` and `]` are only allowed around an IP-literal host (byte {at})")
        }
        UrlProblem::IpLiteral(at) => format!("malformed IP-literal host (byte {at})"),
        UrlProblem::BadPort(at) => format!("the port is not a number (byte {at})"),
        UrlProblem::Scheme => {
            let scheme = text.split_once(':').map_or(text, |(scheme, _)| scheme);
            format!(
                "invalid scheme {} (a relative reference cannot have `:` in its first segment)",
                quoted(scheme)
            )
        }
        UrlProblem::Authority(at) | UrlProblem::Misplaced(_, at) => {
            let c = text.get(at..).and_then(|rest| rest.chars().next());
            format!("unexpected {:?} at byte {at}", c.unwrap_or('?'))
        }
        // Policy problems, which `check_url` words itself; listed for completeness.
        UrlProblem::Fragment => "it has a fragment".to_owned(),
        UrlProblem::NoHost => "it has no host".to_owned(),
        UrlProblem::SchemeRelative | UrlProblem::Insecure(_) | UrlProblem::Relative => {
            "it is not allowed here".to_owned()
        }
    }
}

/// The message for a name that is not a component name.
pub(crate) fn bad_component_name(name: &str) -> String {
    format!(
        "security scheme name {} must match ^[a-zA-Z0-9.\\-_]+$",
        quoted(name)
    )
}

#[cfg(test)]
mod tests {
    use super::*;
    use authscheme_grammar::text::is_component_name;

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
            assert_eq!(uri_reference_problem(good), None, "{good}");
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
            ("/a#b#c", "unexpected '#' at byte 4"),
            ("1a:b", "invalid scheme \"1a\""),
            (":b", "invalid scheme \"\""),
            (
                "/a[1]",
                "`[` and `]` are only allowed around an IP-literal host (byte 2)",
            ),
            ("http://[::1", "malformed IP-literal host"),
            ("http://a]b", "malformed IP-literal host"),
            ("http://host:port/", "the port is not a number (byte 12)"),
            ("http://user@@host/", "unexpected '@' at byte 12"),
            ("https://a b/", "invalid character ' ' at byte 9"),
        ] {
            let found = uri_reference_problem(bad).expect(bad);
            assert!(found.starts_with(why), "{bad}: {found}");
        }
    }

    #[test]
    fn url_fields_refuse_fragments_and_hostless_http() {
        let at = Pointer::Root;
        assert!(check_url("../token?x=1", &at).is_ok());
        assert!(check_url("ftp://x/y", &at).is_ok());
        for bad in [
            "https://as/authorize#x",
            "#frag",
            "https:///token",
            "http://:80/",
        ] {
            assert!(check_url(bad, &at).is_err(), "{bad}");
        }
    }

    #[test]
    fn names() {
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
