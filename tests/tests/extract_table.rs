//! Table-driven tests of credential extraction: one table per kind of credentials, one row
//! per request, each row naming the expected outcome. A row expecting a rejection checks the
//! full response (status, every `WWW-Authenticate` line, content type, body); a row
//! expecting "no credentials" checks the response a required scheme would give instead.

use authscheme::RejectionKind;
use authscheme::credentials::{
    ApiKey, ApiKeyConfig, BasicConfig, BasicCredentials, BearerToken, ClientCertificate,
    Credentials, DigestCredentials, HttpConfig, HttpCredentials,
};
use authscheme::openapi::ApiKeyLocation;
use base64::Engine as _;
use http::request::Parts;
use http::{HeaderValue, StatusCode};

const NOT_AUTHENTICATED: &str = r#"{"detail":"Not authenticated"}"#;

/// A request head under construction.
struct Req {
    uri: String,
    headers: Vec<(&'static str, Vec<u8>)>,
    certificate: Option<Vec<u8>>,
}

fn get(uri: &str) -> Req {
    Req {
        uri: uri.to_owned(),
        headers: Vec::new(),
        certificate: None,
    }
}

fn auth(value: impl AsRef<[u8]>) -> Req {
    get("/").header("authorization", value)
}

impl Req {
    fn header(mut self, name: &'static str, value: impl AsRef<[u8]>) -> Self {
        self.headers.push((name, value.as_ref().to_vec()));
        self
    }

    fn certificate(mut self, der: &[u8]) -> Self {
        self.certificate = Some(der.to_vec());
        self
    }

    fn parts(&self) -> Parts {
        let mut builder = http::Request::get(self.uri.as_str());
        for (name, value) in &self.headers {
            let value = HeaderValue::from_bytes(value).expect("the table holds valid field values");
            builder = builder.header(*name, value);
        }
        let mut request = builder.body(()).expect("the table holds valid requests");
        if let Some(der) = &self.certificate {
            request
                .extensions_mut()
                .insert(ClientCertificate::new(der.clone()));
        }
        request.into_parts().0
    }
}

/// What a row expects.
enum Expect {
    /// `Ok(Some(credentials))`, shown by the table's `show` function.
    Value(String),
    /// `Ok(None)`; a required scheme answers with `missing`.
    Missing,
    /// `Err`: 401, the table's challenge, `Not authenticated`.
    Malformed,
}

use Expect::{Malformed, Missing};

fn value(text: impl Into<String>) -> Expect {
    Expect::Value(text.into())
}

struct Table<C: Credentials> {
    kind: &'static str,
    config: C::Config,
    challenge: &'static str,
    show: fn(&C) -> String,
    rows: Vec<(&'static str, Req, Expect)>,
}

fn assert_not_authenticated(
    what: &str,
    rejection: authscheme::Rejection,
    challenge: &str,
    kind: RejectionKind,
) {
    assert_eq!(rejection.kind(), kind, "{what}: kind");
    let response = rejection.into_response();
    assert_eq!(
        response.status(),
        StatusCode::UNAUTHORIZED,
        "{what}: status"
    );
    let challenges: Vec<_> = response
        .headers()
        .get_all("www-authenticate")
        .iter()
        .collect();
    assert_eq!(challenges, [challenge], "{what}: challenge");
    assert_eq!(
        response.headers()["content-type"],
        "application/json",
        "{what}: content type"
    );
    assert_eq!(response.body(), NOT_AUTHENTICATED, "{what}: body");
}

impl<C: Credentials + std::fmt::Debug> Table<C> {
    /// Runs every row; returns the row count.
    fn run(self) -> usize {
        assert!(!self.rows.is_empty());
        for (name, request, expect) in &self.rows {
            let what = format!("{} / {name}", self.kind);
            let outcome = C::extract(&request.parts(), &self.config);
            match (expect, outcome) {
                (Expect::Value(expected), Ok(Some(credentials))) => {
                    assert_eq!(&(self.show)(&credentials), expected, "{what}: value");
                }
                (Missing, Ok(None)) => assert_not_authenticated(
                    &what,
                    C::missing(&self.config),
                    self.challenge,
                    RejectionKind::Missing,
                ),
                (Malformed, Err(rejection)) => assert_not_authenticated(
                    &what,
                    rejection,
                    self.challenge,
                    RejectionKind::Malformed,
                ),
                (Expect::Value(expected), other) => {
                    panic!("{what}: expected {expected:?}, got {other:?}")
                }
                (Missing, other) => panic!("{what}: expected no credentials, got {other:?}"),
                (Malformed, other) => panic!("{what}: expected a rejection, got {other:?}"),
            }
        }
        self.rows.len()
    }
}

fn b64(text: impl AsRef<[u8]>) -> String {
    base64::engine::general_purpose::STANDARD.encode(text)
}

#[test]
fn bearer() {
    let rows = vec![
        ("missing", get("/"), Missing),
        ("empty header", auth(""), Missing),
        (
            "wrong scheme word",
            auth(format!("Basic {}", b64("u:p"))),
            Missing,
        ),
        ("scheme word glued to the token", auth("Bearerabc"), Missing),
        (
            "leading space: no scheme word",
            auth(" Bearer abc"),
            Missing,
        ),
        (
            "canonical",
            auth("Bearer mF_9.B5f-4.1JqM"),
            value("mF_9.B5f-4.1JqM"),
        ),
        ("scheme word lower case", auth("bearer abc"), value("abc")),
        ("scheme word upper case", auth("BEARER abc"), value("abc")),
        ("scheme word mixed case", auth("bEaReR abc"), value("abc")),
        ("extra spaces", auth("Bearer    abc"), value("abc")),
        ("padding", auth("Bearer abc=="), value("abc==")),
        (
            "every b64token character",
            auth("Bearer aZ09-._~+/="),
            value("aZ09-._~+/="),
        ),
        (
            "JWT",
            auth("Bearer eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln"),
            value("eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhIn0.c2ln"),
        ),
        ("tab separator", auth("Bearer\tabc"), Malformed),
        ("comma after scheme word", auth("Bearer,abc"), Malformed),
        ("empty token", auth("Bearer"), Malformed),
        ("empty token after a space", auth("Bearer "), Malformed),
        ("empty token after spaces", auth("Bearer    "), Malformed),
        ("token with spaces", auth("Bearer abc def"), Malformed),
        ("trailing space", auth("Bearer abc "), Malformed),
        ("tab inside token", auth("Bearer abc\tdef"), Malformed),
        ("padding only", auth("Bearer =="), Malformed),
        ("padding in the middle", auth("Bearer abc=def"), Malformed),
        ("quote in token", auth("Bearer \"abc\""), Malformed),
        ("comma in token", auth("Bearer abc,def"), Malformed),
        ("non-UTF-8 byte", auth(b"Bearer ab\xe9"), Malformed),
        ("UTF-8 non-ASCII", auth("Bearer abé"), Malformed),
        (
            "repeated headers: the first counts",
            auth("Bearer first").header("authorization", "Bearer second"),
            value("first"),
        ),
        (
            "repeated headers: first is another scheme",
            auth("Basic dTpw").header("authorization", "Bearer abc"),
            Missing,
        ),
        (
            "repeated headers: empty first shadows",
            auth("").header("authorization", "Bearer abc"),
            Missing,
        ),
        (
            "repeated headers: malformed first",
            auth("Bearer a b").header("authorization", "Bearer abc"),
            Malformed,
        ),
        (
            "token in the query is ignored",
            get("/?access_token=abc"),
            Missing,
        ),
        (
            "token in a cookie is ignored",
            get("/").header("cookie", "access_token=abc"),
            Missing,
        ),
        (
            "other header names are ignored",
            get("/").header("x-authorization", "Bearer abc"),
            Missing,
        ),
    ];
    let count = Table::<BearerToken> {
        kind: "bearer",
        config: (),
        challenge: "Bearer",
        show: |token| token.token().to_owned(),
        rows,
    }
    .run();
    assert_eq!(count, 34);
}

/// `matches` accepts the token and nothing else: not a token of the same length that differs
/// in one byte (first, middle, last, or only in case), not a prefix or an extension of it.
#[test]
fn bearer_matches_its_token_only() {
    let token = BearerToken::extract(&auth("Bearer mF_9.B5f-4.1JqM").parts(), &())
        .expect("well-formed")
        .expect("a bearer token");
    assert!(token.matches("mF_9.B5f-4.1JqM"));
    for other in [
        "nF_9.B5f-4.1JqM",
        "mF_9.B5g-4.1JqM",
        "mF_9.B5f-4.1JqN",
        "MF_9.B5F-4.1JQM",
        "mF_9.B5f-4.1Jq",
        "mF_9.B5f-4.1JqMM",
        "Bearer mF_9.B5f-4.1JqM",
        "",
    ] {
        assert!(!token.matches(other), "{other:?}");
    }
}

#[allow(clippy::too_many_lines)] // one table
fn basic_rows() -> Vec<(&'static str, Req, Expect)> {
    vec![
        ("missing", get("/"), Missing),
        ("empty header", auth(""), Missing),
        ("wrong scheme word", auth("Bearer abc"), Missing),
        ("glued", auth(format!("Basic{}", b64("u:p"))), Missing),
        (
            "canonical",
            auth(format!("Basic {}", b64("user:pass"))),
            value("user|pass"),
        ),
        (
            "scheme word in other case",
            auth(format!("bAsIc {}", b64("user:pass"))),
            value("user|pass"),
        ),
        (
            "extra spaces",
            auth(format!("Basic   {}", b64("user:pass"))),
            value("user|pass"),
        ),
        ("unpadded", auth("Basic dXNlcjpwYQ"), value("user|pa")),
        ("padded", auth("Basic dXNlcjpwYQ=="), value("user|pa")),
        (
            "colon in password",
            auth(format!("Basic {}", b64("user:pa:ss:"))),
            value("user|pa:ss:"),
        ),
        (
            "empty username",
            auth(format!("Basic {}", b64(":pass"))),
            value("|pass"),
        ),
        (
            "empty password",
            auth(format!("Basic {}", b64("user:"))),
            value("user|"),
        ),
        (
            "colon only",
            auth(format!("Basic {}", b64(":"))),
            value("|"),
        ),
        (
            "UTF-8",
            auth(format!("Basic {}", b64("usér:päss"))),
            value("usér|päss"),
        ),
        (
            "spaces in password",
            auth(format!("Basic {}", b64("user:open sesame"))),
            value("user|open sesame"),
        ),
        (
            "long credentials",
            auth(format!(
                "Basic {}",
                b64(format!("{}:{}", "u".repeat(100), "p".repeat(200)))
            )),
            value(format!("{}|{}", "u".repeat(100), "p".repeat(200))),
        ),
        (
            "tab separator",
            auth(format!("Basic\t{}", b64("user:pass"))),
            Malformed,
        ),
        ("empty", auth("Basic"), Malformed),
        ("empty after a space", auth("Basic "), Malformed),
        (
            "invalid base64 character",
            auth("Basic dXNl*cjpwYXNz"),
            Malformed,
        ),
        (
            "space inside base64",
            auth("Basic dXNl cjpwYXNz"),
            Malformed,
        ),
        (
            "trailing space",
            auth(format!("Basic {} ", b64("user:pass"))),
            Malformed,
        ),
        (
            "URL-safe alphabet",
            auth(format!("Basic {}", b64("u:??>").replace('/', "_"))),
            Malformed,
        ),
        (
            "data after padding",
            auth("Basic dXNlcjpwYQ==dXNlcjpwYQ=="),
            Malformed,
        ),
        ("4n+1 characters", auth("Basic dXNlc"), Malformed),
        (
            "padded, one `=`",
            auth("Basic dXNlcjpwYXM="),
            value("user|pas"),
        ),
        (
            "truncated padding: one `=` where two are needed",
            auth("Basic dXNlcjpwYQ="),
            Malformed,
        ),
        (
            "excess padding: two `=` where one is needed",
            auth("Basic dXNlcjpwYXM=="),
            Malformed,
        ),
        ("three `=`", auth("Basic dXNlcjpwYQ==="), Malformed),
        // Over-padded `u:p` (`dTpw`), `u:pq` (`dTpwcQ`) and `u:pqr` (`dTpwcXI`).
        ("`=` after a whole group", auth("Basic dTpw="), Malformed),
        ("`==` after a whole group", auth("Basic dTpw=="), Malformed),
        (
            "a whole group of `=` after a whole group",
            auth("Basic dTpw===="),
            Malformed,
        ),
        (
            "`==` where one is needed",
            auth("Basic dTpwcXI=="),
            Malformed,
        ),
        (
            "`===` where two are needed",
            auth("Basic dTpwcQ==="),
            Malformed,
        ),
        (
            "`====` where two are needed",
            auth("Basic dTpwcQ===="),
            Malformed,
        ),
        (
            "non-zero trailing bits",
            auth("Basic dXNlcjpwYR"),
            Malformed,
        ),
        (
            "no colon",
            auth(format!("Basic {}", b64("userpass"))),
            Malformed,
        ),
        (
            "non-UTF-8 (latin-1) credentials",
            auth(format!("Basic {}", b64(b"us\xe9r:p\xe4ss"))),
            Malformed,
        ),
        (
            "NUL in password",
            auth(format!("Basic {}", b64("user:pa\0ss"))),
            Malformed,
        ),
        (
            "tab in username",
            auth(format!("Basic {}", b64("us\ter:pass"))),
            Malformed,
        ),
        (
            "DEL in password",
            auth(format!("Basic {}", b64("user:pa\x7fss"))),
            Malformed,
        ),
        (
            "non-UTF-8 header byte",
            auth(b"Basic dXNl\xffcjpw"),
            Malformed,
        ),
        (
            "repeated headers: the first counts",
            auth(format!("Basic {}", b64("first:1"))).header("authorization", "Basic !!"),
            value("first|1"),
        ),
        (
            "repeated headers: first is another scheme",
            auth("Bearer abc").header("authorization", format!("Basic {}", b64("u:p"))),
            Missing,
        ),
        (
            "credentials in the query are ignored",
            get(&format!("/?authorization=Basic%20{}", b64("u:p"))),
            Missing,
        ),
    ]
}

fn show_basic(credentials: &BasicCredentials) -> String {
    format!("{}|{}", credentials.username(), credentials.password())
}

#[test]
fn basic_without_realm() {
    let count = Table::<BasicCredentials> {
        kind: "basic",
        config: BasicConfig::new(None, "Basic"),
        challenge: "Basic",
        show: show_basic,
        rows: basic_rows(),
    }
    .run();
    assert_eq!(count, 45);
}

#[test]
fn basic_with_empty_realm_sends_a_bare_challenge() {
    let count = Table::<BasicCredentials> {
        kind: "basic realm=\"\"",
        config: BasicConfig::new(Some(""), "Basic"),
        challenge: "Basic",
        show: show_basic,
        rows: basic_rows(),
    }
    .run();
    assert_eq!(count, 45);
}

#[test]
fn basic_with_realm() {
    let count = Table::<BasicCredentials> {
        kind: "basic realm=admin",
        config: BasicConfig::new(Some("admin"), r#"Basic realm="admin""#),
        challenge: r#"Basic realm="admin""#,
        show: show_basic,
        rows: basic_rows(),
    }
    .run();
    assert_eq!(count, 45);
}

#[test]
fn basic_with_a_realm_that_needs_quoting() {
    let count = Table::<BasicCredentials> {
        kind: "basic realm with quotes",
        config: BasicConfig::new(
            Some(r#"My "quoted" \ realm"#),
            r#"Basic realm="My \"quoted\" \\ realm""#,
        ),
        challenge: r#"Basic realm="My \"quoted\" \\ realm""#,
        show: show_basic,
        rows: basic_rows(),
    }
    .run();
    assert_eq!(count, 45);
}

fn aladdin() -> BasicCredentials {
    BasicCredentials::extract(
        &auth(format!("Basic {}", b64("aladdin:open sesame"))).parts(),
        &BasicConfig::new(None, "Basic"),
    )
    .expect("well-formed")
    .expect("Basic credentials")
}

/// `matches` needs both the username and the password, `password_matches` the password:
/// values of the same length that differ in one byte are refused, and so are the two split
/// at another colon or swapped.
#[test]
fn basic_matches_its_username_and_password_only() {
    let credentials = aladdin();
    assert!(credentials.matches("aladdin", "open sesame"));
    assert!(credentials.password_matches("open sesame"));
    for (username, password) in [
        ("aladdin", "open sesamf"),
        ("aladdin", "Open sesame"),
        ("aladdio", "open sesame"),
        ("Aladdin", "open sesame"),
        ("aladdim", "open sesamd"),
        ("aladdin", "open sesam"),
        ("aladdin", "open sesame!"),
        ("aladdi", "open sesame"),
        ("aladdin", ""),
        ("", "open sesame"),
        ("open sesame", "aladdin"),
        ("aladdin:open", "sesame"),
    ] {
        assert!(
            !credentials.matches(username, password),
            "{username:?} {password:?}"
        );
    }
    for password in ["open sesamf", "Open sesame", "open sesam", "aladdin", ""] {
        assert!(!credentials.password_matches(password), "{password:?}");
    }
}

const RFC7616_EXAMPLE: &str = r#"Digest username="Mufasa", realm="http-auth@example.org", uri="/dir/index.html", algorithm=SHA-256, nonce="7ypf/xlj9XXwfDPEoM4URrv/xwf94BcCAzFZH4GiTo0v", nc=00000001, cnonce="f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ", qop=auth, response="753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1", opaque="FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS""#;

#[test]
#[allow(clippy::too_many_lines)] // one table
fn digest() {
    let minimal = r#"username="u", realm="r", nonce="n", uri="/", response="x""#;
    let rows = vec![
        ("missing", get("/"), Missing),
        ("empty header", auth(""), Missing),
        ("wrong scheme word", auth("Bearer abc"), Missing),
        (
            "RFC 7616 example",
            auth(RFC7616_EXAMPLE),
            value(
                "Mufasa|http-auth@example.org|/dir/index.html|SHA-256|auth|00000001|f2/wE4q74E6zIJEtWaHKaf5wv/H5QzzpXusqGemxURZJ|FQhe/qaU925kfnzjCev0ciny7QMkPqMAFRtzCUYo5tdS|false",
            ),
        ),
        (
            "minimal",
            auth(format!("Digest {minimal}")),
            value("u|r|/|-|-|-|-|-|false"),
        ),
        (
            "scheme word in other case",
            auth(format!("dIgEsT {minimal}")),
            value("u|r|/|-|-|-|-|-|false"),
        ),
        (
            "extra spaces",
            auth(format!("Digest    {minimal}")),
            value("u|r|/|-|-|-|-|-|false"),
        ),
        (
            "token values and OWS around = and ,",
            auth("Digest username = u ,realm=r,nonce=n , uri=\"/x\",response=abc"),
            value("u|r|/x|-|-|-|-|-|false"),
        ),
        (
            "parameter names in other case",
            auth(r#"Digest USERNAME="u", Realm="r", NONCE="n", Uri="/", Response="x", QOP=auth"#),
            value("u|r|/|-|auth|-|-|-|false"),
        ),
        (
            "quoted-pair unescaped",
            auth(r#"Digest username="Mu\"fa\\sa", realm="r", nonce="n", uri="/", response="x""#),
            value(r#"Mu"fa\sa|r|/|-|-|-|-|-|false"#),
        ),
        (
            "empty list elements",
            auth(format!("Digest ,{minimal},, ,")),
            value("u|r|/|-|-|-|-|-|false"),
        ),
        (
            "username* (RFC 8187)",
            auth(
                r#"Digest username*=UTF-8''J%C3%A4s%C3%B8n%20Doe, realm="r", nonce="n", uri="/", response="x", userhash=false"#,
            ),
            value("Jäsøn Doe|r|/|-|-|-|-|-|false"),
        ),
        (
            "userhash",
            auth(format!("Digest {minimal}, userhash=true")),
            value("u|r|/|-|-|-|-|-|true"),
        ),
        (
            "UTF-8 in a quoted value",
            auth(r#"Digest username="usér", realm="r", nonce="n", uri="/", response="x""#),
            value("usér|r|/|-|-|-|-|-|false"),
        ),
        (
            "tab separator",
            auth(format!("Digest\t{minimal}")),
            Malformed,
        ),
        ("empty", auth("Digest"), Malformed),
        ("empty after spaces", auth("Digest   "), Malformed),
        (
            "token68 instead of parameters",
            auth("Digest abc=="),
            Malformed,
        ),
        (
            "parameter names repeated",
            auth(format!("Digest {minimal}, Realm=\"again\"")),
            Malformed,
        ),
        (
            "no comma between parameters",
            auth(r#"Digest username="u" realm="r", nonce="n", uri="/", response="x""#),
            Malformed,
        ),
        (
            "unterminated quoted-string",
            auth(r#"Digest username="u, realm="r"#),
            Malformed,
        ),
        (
            "value missing",
            auth(r#"Digest username=, realm="r", nonce="n", uri="/", response="x""#),
            Malformed,
        ),
        (
            "space inside a token value",
            auth(r#"Digest username=a b, realm="r", nonce="n", uri="/", response="x""#),
            Malformed,
        ),
        (
            "response missing",
            auth(r#"Digest username="u", realm="r", nonce="n", uri="/""#),
            Malformed,
        ),
        (
            "username missing",
            auth(r#"Digest realm="r", nonce="n", uri="/", response="x""#),
            Malformed,
        ),
        (
            "username and username*",
            auth(format!("Digest username*=UTF-8''v, {minimal}")),
            Malformed,
        ),
        (
            "userhash neither true nor false",
            auth(format!("Digest {minimal}, userhash=yes")),
            Malformed,
        ),
        (
            "non-UTF-8 in a quoted value",
            auth(b"Digest username=\"\xe9\", realm=\"r\", nonce=\"n\", uri=\"/\", response=\"x\""),
            Malformed,
        ),
        (
            "repeated headers: the first counts",
            auth(format!("Digest {minimal}")).header("authorization", "Digest garbage"),
            value("u|r|/|-|-|-|-|-|false"),
        ),
        (
            "repeated headers: first is another scheme",
            auth("Basic dTpw").header("authorization", format!("Digest {minimal}")),
            Missing,
        ),
    ];
    let count = Table::<DigestCredentials> {
        kind: "digest",
        config: (),
        challenge: "Digest",
        show: |digest| {
            let response = digest.response();
            assert!(!response.is_empty());
            assert!(!digest.nonce().is_empty());
            [
                digest.username(),
                digest.realm(),
                digest.uri(),
                digest.algorithm().unwrap_or("-"),
                digest.qop().unwrap_or("-"),
                digest.nc().unwrap_or("-"),
                digest.cnonce().unwrap_or("-"),
                digest.opaque().unwrap_or("-"),
                if digest.userhash() { "true" } else { "false" },
            ]
            .join("|")
        },
        rows,
    }
    .run();
    assert_eq!(count, 30);
}

/// `response_matches` accepts the response of RFC 7616's example and nothing else: not one
/// that differs in its last hex digit, in case, or in length.
#[test]
fn digest_response_matches_the_response_only() {
    let digest = DigestCredentials::extract(&auth(RFC7616_EXAMPLE).parts(), &())
        .expect("well-formed")
        .expect("Digest credentials");
    let response = "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1";
    assert!(digest.response_matches(response));
    for other in [
        "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c2",
        "853927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c1",
        "753927FA0E85D155564E2E272A28D1802CA10DAF4496794697CF8DB5856CB6C1",
        "753927fa0e85d155564e2e272a28d1802ca10daf4496794697cf8db5856cb6c",
        "",
    ] {
        assert!(!digest.response_matches(other), "{other:?}");
    }
}

#[test]
fn custom_http_scheme() {
    let rows = vec![
        ("missing", get("/"), Missing),
        ("empty header", auth(""), Missing),
        (
            "wrong scheme word (FastAPI accepts it)",
            auth("Bearer abc"),
            Missing,
        ),
        ("another custom word", auth("Token abc"), Missing),
        ("prefix of the scheme word", auth("scram-sha abc"), Missing),
        (
            "token68",
            auth("scram-sha-256 abc=="),
            value("scram-sha-256|token68|abc=="),
        ),
        (
            "scheme word in other case",
            auth("SCRAM-SHA-256 abc"),
            value("SCRAM-SHA-256|token68|abc"),
        ),
        (
            "extra spaces",
            auth("Scram-Sha-256    abc"),
            value("Scram-Sha-256|token68|abc"),
        ),
        (
            "auth-params",
            auth(r#"scram-sha-256 realm="r", data=abc"#),
            value("scram-sha-256|params|realm=r;data=abc"),
        ),
        (
            "auth-params with quoted-pair",
            auth(r#"scram-sha-256 data="a\"b""#),
            value(r#"scram-sha-256|params|data=a"b"#),
        ),
        ("tab separator", auth("scram-sha-256\tabc"), Malformed),
        ("empty", auth("scram-sha-256"), Malformed),
        ("empty after spaces", auth("scram-sha-256   "), Malformed),
        (
            "token with spaces",
            auth("scram-sha-256 abc def"),
            Malformed,
        ),
        (
            "repeated auth-param",
            auth("scram-sha-256 a=1, A=2"),
            Malformed,
        ),
        (
            "unterminated quoted-string",
            auth(r#"scram-sha-256 a="1"#),
            Malformed,
        ),
        ("non-UTF-8", auth(b"scram-sha-256 a=\"\xe9\""), Malformed),
        (
            "repeated headers: the first counts",
            auth("scram-sha-256 first").header("authorization", "scram-sha-256 second"),
            value("scram-sha-256|token68|first"),
        ),
        (
            "repeated headers: first is another scheme",
            auth("Bearer abc").header("authorization", "scram-sha-256 abc"),
            Missing,
        ),
    ];
    let count = Table::<HttpCredentials> {
        kind: "custom http scheme",
        config: HttpConfig::new("scram-sha-256", "Scram-Sha-256"),
        challenge: "Scram-Sha-256",
        show: |credentials| match (credentials.token68(), credentials.params()) {
            (Some(token), None) => format!("{}|token68|{token}", credentials.scheme()),
            (None, Some(params)) => format!(
                "{}|params|{}",
                credentials.scheme(),
                params
                    .iter()
                    .map(|(name, value)| format!("{name}={value}"))
                    .collect::<Vec<_>>()
                    .join(";")
            ),
            _ => panic!("either a token68 or auth-params"),
        },
        rows,
    }
    .run();
    assert_eq!(count, 19);
}

/// `matches` compares the raw credentials after the scheme word and its spaces, byte for
/// byte: a token68 or an auth-param list exactly as sent.
#[test]
fn custom_http_scheme_matches_its_credentials_only() {
    let config = HttpConfig::new("scram-sha-256", "Scram-Sha-256");
    let token = HttpCredentials::extract(&auth("SCRAM-SHA-256   abc=").parts(), &config)
        .expect("well-formed")
        .expect("a token68");
    assert!(token.matches("abc="));
    for other in [
        "abd=",
        "ABC=",
        "abc",
        "abc==",
        "  abc=",
        "SCRAM-SHA-256 abc=",
        "",
    ] {
        assert!(!token.matches(other), "{other:?}");
    }
    let params = HttpCredentials::extract(&auth(r#"scram-sha-256 a="1", b=2"#).parts(), &config)
        .expect("well-formed")
        .expect("auth-params");
    assert!(params.matches(r#"a="1", b=2"#));
    for other in [r#"a="1", b=3"#, "a=1, b=2", r#"a="1",b=2"#] {
        assert!(!params.matches(other), "{other:?}");
    }
}

#[test]
fn custom_http_scheme_challenge_is_title_cased() {
    for (scheme, challenge) in [
        ("custom", "Custom"),
        ("my-scheme", "My-Scheme"),
        ("BEARER", "Bearer"),
        ("scram-sha-256x", "Scram-Sha-256X"),
    ] {
        let config = derived_http(scheme);
        assert_not_authenticated(
            scheme,
            HttpCredentials::missing(&config),
            challenge,
            RejectionKind::Missing,
        );
        let rejection = HttpCredentials::extract(&auth(format!("{scheme}\tx")).parts(), &config)
            .expect_err("a tab separator is malformed");
        assert_not_authenticated(scheme, rejection, challenge, RejectionKind::Malformed);
    }
}

fn show_key(key: &ApiKey) -> String {
    key.as_str().to_owned()
}

#[test]
fn api_key_header() {
    let rows = vec![
        ("missing", get("/"), Missing),
        (
            "present",
            get("/").header("x-api-key", "s3cret"),
            value("s3cret"),
        ),
        (
            "name in other case",
            get("/").header("X-API-KEY", "s3cret"),
            value("s3cret"),
        ),
        ("empty", get("/").header("x-api-key", ""), Missing),
        (
            "whitespace only, verbatim",
            get("/").header("x-api-key", " "),
            value(" "),
        ),
        (
            "spaces kept",
            get("/").header("x-api-key", "  a b  "),
            value("  a b  "),
        ),
        (
            "not percent-decoded",
            get("/").header("x-api-key", "a%20b"),
            value("a%20b"),
        ),
        ("UTF-8", get("/").header("x-api-key", "clé"), value("clé")),
        (
            "non-UTF-8",
            get("/").header("x-api-key", b"cl\xe9"),
            Malformed,
        ),
        (
            "repeated headers: the first counts",
            get("/")
                .header("x-api-key", "first")
                .header("x-api-key", "second"),
            value("first"),
        ),
        (
            "repeated headers: empty first shadows",
            get("/")
                .header("x-api-key", "")
                .header("x-api-key", "second"),
            Missing,
        ),
        ("wrong place: query", get("/?X-API-Key=s3cret"), Missing),
        (
            "wrong place: cookie",
            get("/").header("cookie", "X-API-Key=s3cret"),
            Missing,
        ),
        ("wrong place: Authorization", auth("Bearer s3cret"), Missing),
        (
            "another header",
            get("/").header("x-api-key2", "s3cret"),
            Missing,
        ),
    ];
    let count = Table::<ApiKey> {
        kind: "api key header",
        config: ApiKeyConfig::new(ApiKeyLocation::Header, "X-API-Key"),
        challenge: "APIKey",
        show: show_key,
        rows,
    }
    .run();
    assert_eq!(count, 15);
}

#[test]
fn api_key_query() {
    let rows = vec![
        ("missing", get("/"), Missing),
        ("no query", get("/items"), Missing),
        ("present", get("/?api_key=s3cret"), value("s3cret")),
        (
            "among others",
            get("/?a=1&api_key=s3cret&b=2"),
            value("s3cret"),
        ),
        (
            "percent-encoded",
            get("/?api_key=s3cr%21t%2B%2f"),
            value("s3cr!t+/"),
        ),
        ("plus is a space", get("/?api_key=a+b"), value("a b")),
        (
            "percent-encoded UTF-8",
            get("/?api_key=cl%C3%A9"),
            value("clé"),
        ),
        (
            "invalid escape kept literally",
            get("/?api_key=a%zz"),
            value("a%zz"),
        ),
        (
            "percent-encoded name",
            get("/?api%5Fkey=s3cret"),
            value("s3cret"),
        ),
        ("name in other case", get("/?API_KEY=s3cret"), Missing),
        ("empty", get("/?api_key="), Missing),
        ("no equals sign", get("/?api_key"), Missing),
        (
            "duplicates: the first counts",
            get("/?api_key=first&api_key=second"),
            value("first"),
        ),
        (
            "duplicates: empty first shadows",
            get("/?api_key=&api_key=second"),
            Missing,
        ),
        (
            "non-UTF-8 after decoding",
            get("/?api_key=cl%E9"),
            Malformed,
        ),
        (
            "wrong place: header",
            get("/").header("api_key", "s3cret"),
            Missing,
        ),
        (
            "wrong place: cookie",
            get("/").header("cookie", "api_key=s3cret"),
            Missing,
        ),
        ("name as a value", get("/?key=api_key"), Missing),
        (
            "in the path, not the query",
            get("/api_key=s3cret"),
            Missing,
        ),
    ];
    let count = Table::<ApiKey> {
        kind: "api key query",
        config: ApiKeyConfig::new(ApiKeyLocation::Query, "api_key"),
        challenge: "APIKey",
        show: show_key,
        rows,
    }
    .run();
    assert_eq!(count, 19);
}

#[test]
fn api_key_cookie() {
    let cookie = |value: &str| get("/").header("cookie", value);
    let rows = vec![
        ("missing", get("/"), Missing),
        ("present", cookie("session=s3cret"), value("s3cret")),
        (
            "among others",
            cookie("a=1; session=s3cret; b=2"),
            value("s3cret"),
        ),
        (
            "no space after semicolons",
            cookie("a=1;session=s3cret;b=2"),
            value("s3cret"),
        ),
        ("quoted", cookie("session=\"s3cret\""), value("s3cret")),
        (
            "not percent-decoded",
            cookie("session=a%20b"),
            value("a%20b"),
        ),
        (
            "equals sign in the value",
            cookie("session=a=b=="),
            value("a=b=="),
        ),
        (
            "several Cookie lines (RFC 9113 §8.2.3)",
            get("/")
                .header("cookie", "a=1")
                .header("cookie", "session=s3cret"),
            value("s3cret"),
        ),
        (
            "duplicates: the first counts",
            cookie("session=first; session=second"),
            value("first"),
        ),
        (
            "duplicates across lines: the first counts",
            get("/")
                .header("cookie", "session=first")
                .header("cookie", "session=second"),
            value("first"),
        ),
        (
            "malformed other cookies are ignored",
            cookie("junk; a=\"x y\"; session=ok"),
            value("ok"),
        ),
        ("empty", cookie("session="), Missing),
        ("empty quoted", cookie("session=\"\""), Missing),
        ("name in other case", cookie("Session=s3cret"), Missing),
        ("name is a suffix", cookie("xsession=s3cret"), Missing),
        ("space inside the value", cookie("session=a b"), Malformed),
        ("comma in the value", cookie("session=a,b"), Malformed),
        (
            "backslash escape in the value",
            cookie("session=\"a\\054b\""),
            Malformed,
        ),
        ("lone quote", cookie("session=\"abc"), Malformed),
        ("non-ASCII", cookie("session=clé"), Malformed),
        (
            "wrong place: header",
            get("/").header("session", "s3cret"),
            Missing,
        ),
        ("wrong place: query", get("/?session=s3cret"), Missing),
        (
            "wrong place: Set-Cookie",
            get("/").header("set-cookie", "session=s3cret"),
            Missing,
        ),
    ];
    let count = Table::<ApiKey> {
        kind: "api key cookie",
        config: ApiKeyConfig::new(ApiKeyLocation::Cookie, "session"),
        challenge: "APIKey",
        show: show_key,
        rows,
    }
    .run();
    assert_eq!(count, 23);
}

#[test]
fn mutual_tls() {
    let rows = vec![
        ("missing", get("/"), Missing),
        (
            "present",
            get("/").certificate(&[0x30, 0x03, 0x02, 0x01, 0x01]),
            value("5 bytes"),
        ),
        ("empty certificate", get("/").certificate(&[]), Missing),
        (
            "wrong place: RFC 9440 header without a trusted proxy",
            get("/").header("client-cert", ":MAMCAQE=:"),
            Missing,
        ),
        ("wrong place: Authorization", auth("Bearer abc"), Missing),
    ];
    let count = Table::<ClientCertificate> {
        kind: "mutual TLS",
        config: (),
        challenge: "MutualTLS",
        show: |certificate| format!("{} bytes", certificate.der().len()),
        rows,
    }
    .run();
    assert_eq!(count, 5);
}

#[test]
fn verifier_and_scope_rejections() {
    let cases = [
        (
            "bearer verifier rejects",
            BearerToken::invalid(&(), "Could not validate credentials"),
            RejectionKind::InvalidCredentials,
            StatusCode::UNAUTHORIZED,
            r#"Bearer error="invalid_token""#,
            r#"{"detail":"Could not validate credentials"}"#,
        ),
        (
            "bearer verifier rejects, with a description to sanitize",
            authscheme::Rejection::invalid_token_with_description(
                "Token expired",
                "expired at \"12:00\" \\ UTC é",
            ),
            RejectionKind::InvalidCredentials,
            StatusCode::UNAUTHORIZED,
            r#"Bearer error="invalid_token", error_description="expired at 12:00  UTC ""#,
            r#"{"detail":"Token expired"}"#,
        ),
        (
            "basic verifier rejects",
            BasicCredentials::invalid(
                &BasicConfig::new(Some("admin"), r#"Basic realm="admin""#),
                "Incorrect username or password",
            ),
            RejectionKind::InvalidCredentials,
            StatusCode::UNAUTHORIZED,
            r#"Basic realm="admin""#,
            r#"{"detail":"Incorrect username or password"}"#,
        ),
        (
            "api key verifier rejects",
            ApiKey::invalid(
                &ApiKeyConfig::new(ApiKeyLocation::Header, "X-API-Key"),
                "Invalid API key",
            ),
            RejectionKind::InvalidCredentials,
            StatusCode::UNAUTHORIZED,
            "APIKey",
            r#"{"detail":"Invalid API key"}"#,
        ),
        (
            "insufficient scope",
            authscheme::Rejection::insufficient_scope(["items:read", "items:write"]),
            RejectionKind::InsufficientScope,
            StatusCode::FORBIDDEN,
            r#"Bearer error="insufficient_scope", scope="items:read items:write""#,
            r#"{"detail":"Not enough permissions"}"#,
        ),
    ];
    for (what, rejection, kind, status, challenge, body) in cases {
        assert_eq!(rejection.kind(), kind, "{what}");
        let response = rejection.into_response();
        assert_eq!(response.status(), status, "{what}");
        let challenges: Vec<_> = response
            .headers()
            .get_all("www-authenticate")
            .iter()
            .collect();
        assert_eq!(challenges, [challenge], "{what}");
        assert_eq!(
            response.headers()["content-type"],
            "application/json",
            "{what}"
        );
        assert_eq!(response.body(), body, "{what}");
    }
}

/// A Basic configuration whose challenge is computed as the derive computes it (leaked: the
/// configuration holds `'static` text, as the derive's literal is).
fn derived_basic(realm: Option<&'static str>) -> BasicConfig {
    let challenge = authscheme_grammar::challenge::basic(realm);
    BasicConfig::new(realm, Box::leak(challenge.into_boxed_str()))
}

/// A custom-scheme configuration whose challenge is computed as the derive computes it.
fn derived_http(scheme: &'static str) -> HttpConfig {
    let challenge = authscheme_grammar::challenge::custom(scheme);
    HttpConfig::new(scheme, Box::leak(challenge.into_boxed_str()))
}

#[test]
fn configured_challenges_are_stable_across_calls_and_threads() {
    let cases: [(BasicConfig, &str); 4] = [
        (derived_basic(Some("admin")), r#"Basic realm="admin""#),
        (derived_basic(Some("réalm ü")), r#"Basic realm="réalm ü""#),
        (
            derived_basic(Some("tab\tand\u{7}bell")),
            "Basic realm=\"tab\tandbell\"",
        ),
        (derived_basic(Some(r"\")), r#"Basic realm="\\""#),
    ];
    let check = move || {
        for _ in 0..3 {
            for (config, challenge) in &cases {
                let rejection = BasicCredentials::missing(config);
                assert_eq!(rejection.challenges()[0].as_bytes(), challenge.as_bytes());
            }
            let config = derived_http("my-scheme");
            assert_eq!(
                HttpCredentials::missing(&config).challenges()[0],
                "My-Scheme"
            );
        }
    };
    let threads: Vec<_> = (0..4).map(|_| std::thread::spawn(check)).collect();
    check();
    for thread in threads {
        thread.join().expect("no thread panicked");
    }
}

#[test]
fn api_keys_longer_than_the_inline_buffer() {
    for len in [63, 64, 65, 200] {
        let key = "k".repeat(len);
        let header = ApiKey::extract(
            &get("/").header("x-api-key", &key).parts(),
            &ApiKeyConfig::new(ApiKeyLocation::Header, "X-API-Key"),
        );
        let query = ApiKey::extract(
            &get(&format!("/?api_key={key}")).parts(),
            &ApiKeyConfig::new(ApiKeyLocation::Query, "api_key"),
        );
        let cookie = ApiKey::extract(
            &get("/")
                .header("cookie", format!("a=1; session=\"{key}\"; b=2"))
                .parts(),
            &ApiKeyConfig::new(ApiKeyLocation::Cookie, "session"),
        );
        for (place, found) in [("header", header), ("query", query), ("cookie", cookie)] {
            let found = found
                .expect("well-formed")
                .unwrap_or_else(|| panic!("{place} {len}: a key"));
            assert_eq!(found.as_str(), key, "{place} {len}");
            assert!(found.matches(&key), "{place} {len}");
            assert_eq!(format!("{found:?}"), "ApiKey { key: [redacted] }");
            assert_eq!(found.to_string(), "[redacted]", "{place} {len}");
        }
    }
}

/// `Display` writes the documented redacted text of each credential type: the scheme word or
/// the username where the type shows one, never the secret.
#[test]
fn display_is_redacted() {
    assert_eq!(aladdin().to_string(), "aladdin:[redacted]");
    let key = ApiKey::extract(
        &get("/").header("x-api-key", "s3cret").parts(),
        &ApiKeyConfig::new(ApiKeyLocation::Header, "X-API-Key"),
    )
    .expect("well-formed")
    .expect("a key");
    assert_eq!(key.to_string(), "[redacted]");
    let token = BearerToken::extract(&auth("Bearer s3cret").parts(), &())
        .expect("well-formed")
        .expect("a token");
    assert_eq!(token.to_string(), "Bearer [redacted]");
    let digest = DigestCredentials::extract(&auth(RFC7616_EXAMPLE).parts(), &())
        .expect("well-formed")
        .expect("Digest credentials");
    assert_eq!(digest.to_string(), "Digest [redacted]");
    let custom = HttpCredentials::extract(
        &auth("SCRAM-SHA-256 s3cret").parts(),
        &HttpConfig::new("scram-sha-256", "Scram-Sha-256"),
    )
    .expect("well-formed")
    .expect("custom credentials");
    assert_eq!(custom.to_string(), "SCRAM-SHA-256 [redacted]");
}
