//! Credential extraction, side by side in one criterion run: authscheme, axum-extra 0.12
//! (`TypedHeader<Authorization<_>>` through `FromRequestParts`, what a handler pays) and
//! poem-openapi 5 (`BearerAuthorization` / `BasicAuthorization` / `ApiKeyAuthorization`,
//! what its generated `checker` calls). Every request head carries 12 realistic headers.
//!
//! Ours is timed twice: `authscheme` is the credential parser alone (`Credentials::extract`),
//! `authscheme_extractor` is what a handler pays, `Auth<S>` through axum's
//! `FromRequestParts` (the parser, the adapter's future and the `Result` it returns). The
//! latter is the one to compare with axum-extra and poem-openapi.
//!
//! Before criterion runs, each workload is run under a counting global allocator and the
//! heap allocations per call are printed (`allocations per call` table).
//!
//! Run: `cargo bench -p authscheme-benches -- --warm-up-time 1 --measurement-time 3`.
//! With `-- --paired` instead, each of ours and a peer are timed in interleaved batches
//! (robust to the load of a shared machine) and criterion does not run; `-- --paired <text>`
//! runs only the rows whose name contains `<text>`.

use std::hint::black_box;

use authscheme::credentials::{
    ApiKey, ApiKeyConfig, BasicConfig, BasicCredentials, BearerToken, Credentials,
};
use authscheme::openapi::{self, OpenApiVersion};
use authscheme::{Auth, ScopeSet, SecurityScheme};
use authscheme_benches::{
    CountingAllocator, allocations_per_call, headers, paired, paired_filter, parts, ready,
};
use axum::extract::FromRequestParts;
use axum::response::IntoResponse as _;
use axum_extra::TypedHeader;
use criterion::Criterion;
use headers::Authorization;
use headers::authorization::{Basic, Bearer};
use http::HeaderMap;
use http::request::Parts;
use poem_openapi::auth::{ApiKeyAuthorization, BasicAuthorization, BearerAuthorization};
use poem_openapi::registry::MetaParamIn;

// ---------------------------------------------------------------------------------------
// Counting allocator.

#[global_allocator]
static GLOBAL: CountingAllocator = CountingAllocator;

// ---------------------------------------------------------------------------------------
// Requests.

const JWT: &str = "eyJhbGciOiJSUzI1NiIsInR5cCI6IkpXVCJ9.eyJzdWIiOiIxMjM0NTY3ODkwIiwic2NvcGUiOiJpdGVtczpyZWFkIGl0ZW1zOndyaXRlIiwiaWF0IjoxNTE2MjM5MDIyfQ.c2lnbmF0dXJlLXNpZ25hdHVyZS1zaWduYXR1cmU";
/// base64("aladdin:open sesame").
const BASIC: &str = "Basic YWxhZGRpbjpvcGVuIHNlc2FtZQ==";
const API_KEY: &str = "sk_live_51H8x2KLmN0pQrStUvWxYz";

fn poem_request(headers: HeaderMap) -> poem::Request {
    let mut request = poem::Request::builder().uri_str("/items/42").finish();
    *request.headers_mut() = headers;
    request
}

/// The schemes are declared with the derive, so that the benchmark runs the configurations
/// users get (the API key's `HeaderName` built once, in a `static`; Basic's challenge a
/// literal).
#[derive(SecurityScheme)]
#[http(bearer, format = "JWT")]
struct Jwt;

#[derive(SecurityScheme)]
#[http(basic, realm = "admin")]
struct Admin;

#[derive(SecurityScheme)]
#[api_key(header = "X-API-Key")]
struct KeyAuth;

const REALM: BasicConfig = Admin::CONFIG;
const HEADER_KEY: ApiKeyConfig = KeyAuth::CONFIG;

/// A scheme implemented by hand (no derive): 24 declared scopes.
struct ItemsAuth;

const ITEMS_OPENAPI: openapi::SecurityScheme = openapi::SecurityScheme::bearer(None);

impl SecurityScheme for ItemsAuth {
    const DECLARATION: authscheme::Declaration = authscheme::Declaration::new(
        "ItemsAuth",
        &[
            "items:read",
            "items:write",
            "items:delete",
            "users:read",
            "users:write",
            "admin",
            "s6",
            "s7",
            "s8",
            "s9",
            "s10",
            "s11",
            "s12",
            "s13",
            "s14",
            "s15",
            "s16",
            "s17",
            "s18",
            "s19",
            "s20",
            "s21",
            "s22",
            "s23",
        ],
        OpenApiVersion::V3_0,
    );
    type Credentials = BearerToken;
    const CONFIG: () = ();
    const OPENAPI: openapi::SecurityScheme = ITEMS_OPENAPI;
}

// ---------------------------------------------------------------------------------------
// Workloads: each returns something derived from the credentials so that nothing is
// optimised away.

#[inline(never)]
fn ours_bearer(parts: &Parts) -> usize {
    match BearerToken::extract(parts, &()) {
        Ok(Some(token)) => token.token().len(),
        _ => 0,
    }
}

/// `Auth<S>` as a handler argument: through axum's `FromRequestParts`.
#[inline(never)]
fn extractor<S>(parts: &mut Parts, measure: impl Fn(&S::Credentials) -> usize) -> usize
where
    S: SecurityScheme,
    Auth<S>: FromRequestParts<()>,
{
    match ready(Auth::<S>::from_request_parts(parts, &())) {
        Ok(auth) => measure(auth.credentials()),
        Err(_) => 0,
    }
}

#[inline(never)]
fn ours_bearer_extractor(parts: &mut Parts) -> usize {
    extractor::<Jwt>(parts, |token| token.token().len())
}

#[inline(never)]
fn axum_bearer(parts: &mut Parts) -> usize {
    match ready(TypedHeader::<Authorization<Bearer>>::from_request_parts(
        parts,
        &(),
    )) {
        Ok(TypedHeader(auth)) => auth.token().len(),
        Err(_) => 0,
    }
}

#[inline(never)]
fn poem_bearer(request: &poem::Request) -> usize {
    match <poem_openapi::auth::Bearer as BearerAuthorization>::from_request(request) {
        Ok(bearer) => bearer.token.len(),
        Err(_) => 0,
    }
}

/// The floor: a hand-written lookup, prefix check and RFC 6750 `b64token` check.
#[inline(never)]
fn handwritten_bearer(parts: &Parts) -> usize {
    let Some(value) = parts.headers.get(http::header::AUTHORIZATION) else {
        return 0;
    };
    let bytes = value.as_bytes();
    if bytes.len() < 8 || !bytes[..7].eq_ignore_ascii_case(b"bearer ") {
        return 0;
    }
    let token = &bytes[7..];
    let body = token
        .iter()
        .rposition(|&b| b != b'=')
        .map_or(&token[..0], |last| &token[..=last]);
    // No early exit, so that the loop vectorizes.
    let mut invalid = body.is_empty();
    for &b in body {
        invalid |=
            !(b.is_ascii_alphanumeric() || matches!(b, b'-' | b'.' | b'_' | b'~' | b'+' | b'/'));
    }
    let valid = !invalid;
    if valid { token.len() } else { 0 }
}

#[inline(never)]
fn ours_basic(parts: &Parts) -> usize {
    match BasicCredentials::extract(parts, &REALM) {
        Ok(Some(credentials)) => credentials.username().len() + credentials.password().len(),
        _ => 0,
    }
}

#[inline(never)]
fn ours_basic_extractor(parts: &mut Parts) -> usize {
    extractor::<Admin>(parts, |credentials| {
        credentials.username().len() + credentials.password().len()
    })
}

#[inline(never)]
fn axum_basic(parts: &mut Parts) -> usize {
    match ready(TypedHeader::<Authorization<Basic>>::from_request_parts(
        parts,
        &(),
    )) {
        Ok(TypedHeader(auth)) => auth.username().len() + auth.password().len(),
        Err(_) => 0,
    }
}

#[inline(never)]
fn poem_basic(request: &poem::Request) -> usize {
    match <poem_openapi::auth::Basic as BasicAuthorization>::from_request(request) {
        Ok(basic) => basic.username.len() + basic.password.len(),
        Err(_) => 0,
    }
}

#[inline(never)]
fn ours_api_key(parts: &Parts) -> usize {
    match ApiKey::extract(parts, &HEADER_KEY) {
        Ok(Some(key)) => key.as_str().len(),
        _ => 0,
    }
}

#[inline(never)]
fn ours_api_key_extractor(parts: &mut Parts) -> usize {
    extractor::<KeyAuth>(parts, |key| key.as_str().len())
}

#[inline(never)]
fn poem_api_key(request: &poem::Request, query: &poem_openapi::__private::UrlQuery) -> usize {
    match <poem_openapi::auth::ApiKey as ApiKeyAuthorization>::from_request(
        request,
        query,
        "X-API-Key",
        MetaParamIn::Header,
    ) {
        Ok(key) => key.key.len(),
        Err(_) => 0,
    }
}

/// The rejection a required scheme answers with when the header is missing.
#[inline(never)]
fn ours_rejection(parts: &Parts) -> authscheme::Rejection {
    match BearerToken::extract(parts, &()) {
        Ok(None) => BearerToken::missing(&()),
        Ok(Some(_)) => panic!("no credentials in this request"),
        Err(rejection) => rejection,
    }
}

/// The same rejection, as a handler's `Auth<S>` meets it.
#[inline(never)]
fn ours_rejection_extractor(parts: &mut Parts) -> authscheme::Rejection {
    match ready(Auth::<Jwt>::from_request_parts(parts, &())) {
        Ok(_) => panic!("no credentials in this request"),
        Err(rejection) => rejection,
    }
}

#[inline(never)]
fn poem_rejection(request: &poem::Request) -> poem::Error {
    match <poem_openapi::auth::Bearer as BearerAuthorization>::from_request(request) {
        Ok(_) => panic!("no credentials in this request"),
        Err(error) => error,
    }
}

#[inline(never)]
fn axum_rejection(parts: &mut Parts) -> axum_extra::typed_header::TypedHeaderRejection {
    match ready(TypedHeader::<Authorization<Bearer>>::from_request_parts(
        parts,
        &(),
    )) {
        Ok(_) => panic!("no credentials in this request"),
        Err(rejection) => rejection,
    }
}

#[inline(never)]
fn ours_basic_rejection(parts: &Parts) -> authscheme::Rejection {
    match BasicCredentials::extract(parts, &REALM) {
        Ok(None) => BasicCredentials::missing(&REALM),
        Ok(Some(_)) => panic!("no credentials in this request"),
        Err(rejection) => rejection,
    }
}

// ---------------------------------------------------------------------------------------

struct Fixtures {
    bearer: Parts,
    basic: Parts,
    api_key: Parts,
    none: Parts,
    poem_bearer: poem::Request,
    poem_basic: poem::Request,
    poem_api_key: poem::Request,
    poem_none: poem::Request,
    empty_query: poem_openapi::__private::UrlQuery,
}

impl Fixtures {
    fn new() -> Self {
        let bearer_header = format!("Bearer {JWT}");
        let bearer = headers(Some(("authorization", &bearer_header)));
        let basic = headers(Some(("authorization", BASIC)));
        let api_key = headers(Some(("x-api-key", API_KEY)));
        Self {
            poem_bearer: poem_request(bearer.clone()),
            poem_basic: poem_request(basic.clone()),
            poem_api_key: poem_request(api_key.clone()),
            bearer: parts(bearer),
            basic: parts(basic),
            api_key: parts(api_key),
            none: parts(headers(None)),
            poem_none: poem_request(headers(None)),
            empty_query: poem_openapi::__private::UrlQuery(Vec::new()),
        }
    }
}

#[allow(clippy::too_many_lines)] // one table
fn print_allocations(fx: &mut Fixtures) {
    let rows: Vec<(&str, f64)> = vec![
        (
            "bearer/authscheme",
            allocations_per_call(|| {
                black_box(ours_bearer(black_box(&fx.bearer)));
            }),
        ),
        (
            "bearer/authscheme_extractor",
            allocations_per_call(|| {
                black_box(ours_bearer_extractor(black_box(&mut fx.bearer)));
            }),
        ),
        (
            "bearer/axum-extra",
            allocations_per_call(|| {
                black_box(axum_bearer(black_box(&mut fx.bearer)));
            }),
        ),
        (
            "bearer/poem-openapi",
            allocations_per_call(|| {
                black_box(poem_bearer(black_box(&fx.poem_bearer)));
            }),
        ),
        (
            "basic/authscheme",
            allocations_per_call(|| {
                black_box(ours_basic(black_box(&fx.basic)));
            }),
        ),
        (
            "basic/authscheme_extractor",
            allocations_per_call(|| {
                black_box(ours_basic_extractor(black_box(&mut fx.basic)));
            }),
        ),
        (
            "basic/axum-extra",
            allocations_per_call(|| {
                black_box(axum_basic(black_box(&mut fx.basic)));
            }),
        ),
        (
            "basic/poem-openapi",
            allocations_per_call(|| {
                black_box(poem_basic(black_box(&fx.poem_basic)));
            }),
        ),
        (
            "api_key_header/authscheme",
            allocations_per_call(|| {
                black_box(ours_api_key(black_box(&fx.api_key)));
            }),
        ),
        (
            "api_key_header/authscheme_extractor",
            allocations_per_call(|| {
                black_box(ours_api_key_extractor(black_box(&mut fx.api_key)));
            }),
        ),
        (
            "api_key_header/poem-openapi",
            allocations_per_call(|| {
                black_box(poem_api_key(black_box(&fx.poem_api_key), &fx.empty_query));
            }),
        ),
        (
            "rejection/authscheme",
            allocations_per_call(|| {
                black_box(ours_rejection(black_box(&fx.none)));
            }),
        ),
        (
            "rejection/authscheme_extractor",
            allocations_per_call(|| {
                black_box(ours_rejection_extractor(black_box(&mut fx.none)));
            }),
        ),
        (
            "rejection/poem-openapi",
            allocations_per_call(|| {
                black_box(poem_rejection(black_box(&fx.poem_none)));
            }),
        ),
        (
            "rejection/axum-extra",
            allocations_per_call(|| {
                black_box(axum_rejection(black_box(&mut fx.none)));
            }),
        ),
        (
            "rejection_basic_realm/authscheme",
            allocations_per_call(|| {
                black_box(ours_basic_rejection(black_box(&fx.none)));
            }),
        ),
        (
            "rejection_response/authscheme",
            allocations_per_call(|| {
                black_box(ours_rejection(black_box(&fx.none)).into_response());
            }),
        ),
        (
            "rejection_response/axum-extra",
            allocations_per_call(|| {
                black_box(axum_rejection(black_box(&mut fx.none)).into_response());
            }),
        ),
    ];
    println!("allocations per call (after warm-up):");
    for (name, per_call) in rows {
        println!("  {name:<36} {per_call:>6.2}");
    }
}

#[allow(clippy::too_many_lines)] // one row per pair
fn print_paired(fx: &mut Fixtures, filter: &str) {
    println!("paired medians (ours, peer) and median per-round ratio ours/peer:");
    let Fixtures {
        bearer,
        basic,
        api_key,
        none,
        poem_bearer: poem_bearer_request,
        poem_basic: poem_basic_request,
        poem_api_key: poem_api_key_request,
        poem_none: poem_none_request,
        empty_query,
    } = fx;
    // Each side gets its own request head, so that the closures can borrow mutably.
    let mut bearer_peer = parts(bearer.headers.clone());
    let mut basic_peer = parts(basic.headers.clone());
    let mut none_peer = parts(none.headers.clone());
    // The extractor path, what a handler pays: the targets are set on these rows.
    paired(
        filter,
        "bearer: authscheme_extractor / axum-extra",
        || {
            black_box(ours_bearer_extractor(black_box(bearer)));
        },
        || {
            black_box(axum_bearer(black_box(&mut bearer_peer)));
        },
    );
    paired(
        filter,
        "bearer: authscheme_extractor / poem-openapi",
        || {
            black_box(ours_bearer_extractor(black_box(bearer)));
        },
        || {
            black_box(poem_bearer(black_box(poem_bearer_request)));
        },
    );
    paired(
        filter,
        "basic: authscheme_extractor / axum-extra",
        || {
            black_box(ours_basic_extractor(black_box(basic)));
        },
        || {
            black_box(axum_basic(black_box(&mut basic_peer)));
        },
    );
    paired(
        filter,
        "basic: authscheme_extractor / poem-openapi",
        || {
            black_box(ours_basic_extractor(black_box(basic)));
        },
        || {
            black_box(poem_basic(black_box(poem_basic_request)));
        },
    );
    paired(
        filter,
        "api_key_header: authscheme_extractor / poem-openapi",
        || {
            black_box(ours_api_key_extractor(black_box(api_key)));
        },
        || {
            black_box(poem_api_key(black_box(poem_api_key_request), empty_query));
        },
    );
    paired(
        filter,
        "rejection: authscheme_extractor / axum-extra",
        || {
            black_box(ours_rejection_extractor(black_box(none)));
        },
        || {
            black_box(axum_rejection(black_box(&mut none_peer)));
        },
    );
    paired(
        filter,
        "rejection: authscheme_extractor / poem-openapi",
        || {
            black_box(ours_rejection_extractor(black_box(none)));
        },
        || {
            black_box(poem_rejection(black_box(poem_none_request)));
        },
    );
    // The parser alone.
    paired(
        filter,
        "bearer: authscheme / axum-extra",
        || {
            black_box(ours_bearer(black_box(bearer)));
        },
        || {
            black_box(axum_bearer(black_box(&mut bearer_peer)));
        },
    );
    paired(
        filter,
        "bearer: handwritten / axum-extra",
        || {
            black_box(handwritten_bearer(black_box(bearer)));
        },
        || {
            black_box(axum_bearer(black_box(&mut bearer_peer)));
        },
    );
    paired(
        filter,
        "bearer: authscheme / poem-openapi",
        || {
            black_box(ours_bearer(black_box(bearer)));
        },
        || {
            black_box(poem_bearer(black_box(poem_bearer_request)));
        },
    );
    paired(
        filter,
        "basic: authscheme / axum-extra",
        || {
            black_box(ours_basic(black_box(basic)));
        },
        || {
            black_box(axum_basic(black_box(&mut basic_peer)));
        },
    );
    paired(
        filter,
        "basic: authscheme / poem-openapi",
        || {
            black_box(ours_basic(black_box(basic)));
        },
        || {
            black_box(poem_basic(black_box(poem_basic_request)));
        },
    );
    paired(
        filter,
        "api_key_header: authscheme / poem-openapi",
        || {
            black_box(ours_api_key(black_box(api_key)));
        },
        || {
            black_box(poem_api_key(black_box(poem_api_key_request), empty_query));
        },
    );
    paired(
        filter,
        "rejection: authscheme / axum-extra",
        || {
            black_box(ours_rejection(black_box(none)));
        },
        || {
            black_box(axum_rejection(black_box(&mut none_peer)));
        },
    );
    paired(
        filter,
        "rejection_response: authscheme / axum-extra",
        || {
            black_box(ours_rejection(black_box(none)).into_response());
        },
        || {
            black_box(axum_rejection(black_box(&mut none_peer)).into_response());
        },
    );
}

fn benches(c: &mut Criterion, fx: &mut Fixtures) {
    // Sanity: every extractor finds what it should, so the timings compare like with like.
    assert_eq!(ours_bearer(&fx.bearer), JWT.len());
    assert_eq!(ours_bearer_extractor(&mut fx.bearer), JWT.len());
    assert_eq!(
        ours_basic_extractor(&mut fx.basic),
        "aladdinopen sesame".len()
    );
    assert_eq!(ours_api_key_extractor(&mut fx.api_key), API_KEY.len());
    assert_eq!(axum_bearer(&mut fx.bearer), JWT.len());
    assert_eq!(poem_bearer(&fx.poem_bearer), JWT.len());
    assert_eq!(handwritten_bearer(&fx.bearer), JWT.len());
    assert_eq!(ours_basic(&fx.basic), "aladdinopen sesame".len());
    assert_eq!(axum_basic(&mut fx.basic), "aladdinopen sesame".len());
    assert_eq!(poem_basic(&fx.poem_basic), "aladdinopen sesame".len());
    assert_eq!(ours_api_key(&fx.api_key), API_KEY.len());
    assert_eq!(
        poem_api_key(&fx.poem_api_key, &fx.empty_query),
        API_KEY.len()
    );

    let mut group = c.benchmark_group("bearer");
    group.bench_function("authscheme", |b| {
        b.iter(|| ours_bearer(black_box(&fx.bearer)));
    });
    group.bench_function("authscheme_extractor", |b| {
        b.iter(|| ours_bearer_extractor(black_box(&mut fx.bearer)));
    });
    group.bench_function("axum-extra", |b| {
        b.iter(|| axum_bearer(black_box(&mut fx.bearer)));
    });
    group.bench_function("poem-openapi", |b| {
        b.iter(|| poem_bearer(black_box(&fx.poem_bearer)));
    });
    group.bench_function("handwritten", |b| {
        b.iter(|| handwritten_bearer(black_box(&fx.bearer)));
    });
    group.finish();

    let mut group = c.benchmark_group("basic");
    group.bench_function("authscheme", |b| {
        b.iter(|| ours_basic(black_box(&fx.basic)));
    });
    group.bench_function("authscheme_extractor", |b| {
        b.iter(|| ours_basic_extractor(black_box(&mut fx.basic)));
    });
    group.bench_function("axum-extra", |b| {
        b.iter(|| axum_basic(black_box(&mut fx.basic)));
    });
    group.bench_function("poem-openapi", |b| {
        b.iter(|| poem_basic(black_box(&fx.poem_basic)));
    });
    group.finish();

    let mut group = c.benchmark_group("api_key_header");
    group.bench_function("authscheme", |b| {
        b.iter(|| ours_api_key(black_box(&fx.api_key)));
    });
    group.bench_function("authscheme_extractor", |b| {
        b.iter(|| ours_api_key_extractor(black_box(&mut fx.api_key)));
    });
    group.bench_function("poem-openapi", |b| {
        b.iter(|| poem_api_key(black_box(&fx.poem_api_key), &fx.empty_query));
    });
    group.finish();

    let mut group = c.benchmark_group("rejection");
    group.bench_function("authscheme", |b| {
        b.iter(|| ours_rejection(black_box(&fx.none)));
    });
    group.bench_function("authscheme_extractor", |b| {
        b.iter(|| ours_rejection_extractor(black_box(&mut fx.none)));
    });
    group.bench_function("axum-extra", |b| {
        b.iter(|| axum_rejection(black_box(&mut fx.none)));
    });
    group.bench_function("poem-openapi", |b| {
        b.iter(|| poem_rejection(black_box(&fx.poem_none)));
    });
    group.bench_function("authscheme_basic_realm", |b| {
        b.iter(|| ours_basic_rejection(black_box(&fx.none)));
    });
    group.finish();

    let mut group = c.benchmark_group("rejection_response");
    group.bench_function("authscheme", |b| {
        b.iter(|| ours_rejection(black_box(&fx.none)).into_response());
    });
    group.bench_function("axum-extra", |b| {
        b.iter(|| axum_rejection(black_box(&mut fx.none)).into_response());
    });
    group.finish();

    let granted = ScopeSet::<ItemsAuth>::from_names(["items:read", "items:write", "admin", "s17"]);
    let required = ScopeSet::<ItemsAuth>::from_names(["items:read", "s17"]);
    assert!(granted.contains_all(required));
    let mut group = c.benchmark_group("scope_check");
    group.bench_function("contains_all", |b| {
        // Through references: `black_box` of a `u128` by value measures a store-forwarding
        // stall, not the check.
        b.iter(|| black_box(&granted).contains_all(*black_box(&required)));
    });
    group.bench_function("from_names_then_contains_all", |b| {
        b.iter(|| {
            ScopeSet::<ItemsAuth>::from_names(black_box(["items:read", "items:write", "admin"]))
                .contains_all(required)
        });
    });
    group.finish();
}

fn main() {
    let mut fx = Fixtures::new();
    print_allocations(&mut fx);
    // `--paired bearer:` runs only the rows whose name contains `bearer:`.
    if let Some(filter) = paired_filter() {
        let filter = filter.as_str();
        print_paired(&mut fx, filter);
        return;
    }
    let mut criterion = Criterion::default().configure_from_args();
    benches(&mut criterion, &mut fx);
    criterion.final_summary();
}
