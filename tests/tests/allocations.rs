//! What a handler's extractor allocates: nothing on the success path of `Auth<S>` for each
//! kind of credentials, nor on the rejection of a request without credentials. Counted with
//! a global allocator, in a binary of its own (its one test runs alone: nothing else
//! allocates while it counts).

use std::pin::pin;
use std::task::{Context, Poll, Waker};

use authscheme::{Auth, SecurityScheme};
use authscheme_benches::CountingAllocator;
use axum::extract::{FromRequestParts, OptionalFromRequestParts};
use http::HeaderValue;
use http::request::Parts;

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

#[derive(SecurityScheme)]
#[http(bearer, format = "JWT")]
struct Jwt;

#[derive(SecurityScheme)]
#[http(basic, realm = "admin")]
struct Admin;

/// Basic without a realm: its rejections are the crate's `static` ones.
#[derive(SecurityScheme)]
#[http(basic)]
struct PlainBasic;

#[derive(SecurityScheme)]
#[api_key(header = "X-API-Key")]
struct HeaderKey;

#[derive(SecurityScheme)]
#[api_key(query = "api_key")]
struct QueryKey;

#[derive(SecurityScheme)]
#[api_key(cookie = "session")]
struct CookieKey;

#[derive(SecurityScheme)]
#[http(digest)]
struct DigestAuth;

/// A request head with `header` (if any), its value in a shared buffer as hyper's are.
fn parts(uri: &str, header: Option<(&str, &str)>) -> Parts {
    let mut builder = http::Request::get(uri).header("accept", "application/json");
    if let Some((name, value)) = header {
        let value = HeaderValue::from_str(value).expect("valid test value");
        builder = builder.header(name, value);
    }
    builder.body(()).expect("valid request").into_parts().0
}

/// Polls a future that is ready at once.
fn ready<F: Future>(future: F) -> F::Output {
    match pin!(future).poll(&mut Context::from_waker(Waker::noop())) {
        Poll::Ready(output) => output,
        Poll::Pending => panic!("the extractor waited"),
    }
}

/// Allocations of `f` over a few calls, after one to warm up.
fn allocations(f: impl FnMut()) -> usize {
    authscheme_benches::allocations(1, 10, f)
}

/// `Auth<S>` through axum's `FromRequestParts` finds credentials in `parts`, without
/// allocating.
fn assert_extracts_without_allocating<S: SecurityScheme>(mut parts: Parts)
where
    Auth<S>: FromRequestParts<(), Rejection = authscheme::Rejection>,
{
    let count = allocations(|| {
        let auth = ready(Auth::<S>::from_request_parts(&mut parts, &()));
        assert!(auth.is_ok(), "{}: {:?}", S::NAME, auth.err());
    });
    assert_eq!(count, 0, "{}: allocations on the success path", S::NAME);
}

/// `Auth<S>` (and `Option<Auth<S>>`) refuses (or is `None` for) a request without credentials,
/// without allocating.
fn assert_refuses_without_allocating<S: SecurityScheme>()
where
    Auth<S>: FromRequestParts<(), Rejection = authscheme::Rejection>
        + OptionalFromRequestParts<(), Rejection = authscheme::Rejection>,
{
    let mut parts = parts("/", None);
    let count = allocations(|| {
        let rejection = ready(<Auth<S> as FromRequestParts<()>>::from_request_parts(
            &mut parts,
            &(),
        ))
        .expect_err("no credentials");
        assert_eq!(rejection.status(), 401);
        let optional =
            ready(<Auth<S> as OptionalFromRequestParts<()>>::from_request_parts(&mut parts, &()));
        assert!(matches!(optional, Ok(None)));
    });
    assert_eq!(count, 0, "{}: allocations on the rejection", S::NAME);
}

/// `Auth<S>` refuses malformed credentials in `parts` without allocating: the answer is
/// one of the crate's `static` rejections.
fn assert_refuses_malformed_without_allocating<S: SecurityScheme>(mut parts: Parts)
where
    Auth<S>: FromRequestParts<(), Rejection = authscheme::Rejection>,
{
    let count = allocations(|| {
        let rejection = ready(<Auth<S> as FromRequestParts<()>>::from_request_parts(
            &mut parts,
            &(),
        ))
        .expect_err("malformed credentials");
        assert_eq!(rejection.status(), 401);
    });
    assert_eq!(
        count,
        0,
        "{}: allocations on the malformed rejection",
        S::NAME
    );
}

#[test]
fn extractors_do_not_allocate() {
    // The counter counts.
    assert_eq!(
        allocations(|| drop(std::hint::black_box(Box::new(1_u8)))),
        10
    );
    let jwt = "eyJhbGciOiJIUzI1NiJ9.eyJzdWIiOiJhbGljZSJ9.c2lnbmF0dXJl";
    assert_extracts_without_allocating::<Jwt>(parts(
        "/",
        Some(("authorization", &format!("Bearer {jwt}"))),
    ));
    // base64("aladdin:open sesame")
    assert_extracts_without_allocating::<Admin>(parts(
        "/",
        Some(("authorization", "Basic YWxhZGRpbjpvcGVuIHNlc2FtZQ==")),
    ));
    assert_extracts_without_allocating::<HeaderKey>(parts(
        "/",
        Some(("x-api-key", "sk_live_51H8x2KLmN0pQrStUvWxYz")),
    ));
    assert_extracts_without_allocating::<QueryKey>(parts(
        "/items?api_key=sk_live_51H8x2KLmN0pQrStUvWxYz",
        None,
    ));
    assert_extracts_without_allocating::<CookieKey>(parts(
        "/",
        Some((
            "cookie",
            "theme=dark; session=sk_live_51H8x2KLmN0pQrStUvWxYz",
        )),
    ));

    assert_refuses_without_allocating::<Jwt>();
    assert_refuses_without_allocating::<HeaderKey>();
    assert_refuses_without_allocating::<QueryKey>();
    assert_refuses_without_allocating::<CookieKey>();
    assert_refuses_without_allocating::<DigestAuth>();
    assert_refuses_malformed_without_allocating::<PlainBasic>(parts(
        "/",
        Some(("authorization", "Basic !!!")),
    ));
    assert_refuses_malformed_without_allocating::<Jwt>(parts(
        "/",
        Some(("authorization", "Bearer a b")),
    ));
}
