//! FastAPI's "`OAuth2` scopes" tutorial, ported: a password flow with scopes, Argon2 password
//! hashes, signed JWTs, an optional-auth route, an API-key route, the OpenAPI document built
//! from the same types that guard the routes, and Swagger UI served offline.
//!
//! ```text
//! cargo run --example petstore                      # http://127.0.0.1:8000/docs/
//! cargo run --example petstore -- --port 9000       # or PORT=9000
//! cargo run --example petstore -- --print-openapi   # print the document and exit
//! RUST_LOG=authscheme=debug cargo run --example petstore   # log why requests are refused
//! ```
//!
//! Demo users (FastAPI's): `johndoe` / `secret`, and `alice` / `secret2`, who is disabled.
//! Services use the `X-API-Key` header with the key from `PETSTORE_API_KEY` (default
//! `demo-service-key`). Neither passwords nor keys are ever printed.
//!
//! Under load its memory and time stay bounded (`scripts/flood.sh` measures it): password
//! checks run a few at a time with a bounded queue, 503 with `Retry-After` past it
//! ([`LOGIN_HASHERS`], [`LOGIN_QUEUE_PER_HASHER`]); a client has [`HEADER_READ_TIMEOUT`] to
//! send its headers and [`REQUEST_TIMEOUT`] for the rest (408 past it); bodies are at most
//! [`BODY_LIMIT`] (413), heads at most [`HEAD_LIMIT`] (431), and at most [`MAX_CONNECTIONS`]
//! are served at once.

use std::net::{Ipv4Addr, SocketAddr};
use std::pin::pin;
use std::sync::Arc;
use std::time::{Duration, SystemTime, UNIX_EPOCH};

use argon2::password_hash::PasswordHasher;
use argon2::password_hash::phc::{Output, PasswordHash};
use argon2::{Algorithm as Argon2Algorithm, Argon2, Block, Params, Version};
use authscheme::adapters::axum::Router;
use authscheme::adapters::axum::routing::{get_with, post_with};
use authscheme::credentials::BearerToken;
use authscheme::document::{Operation, SecurityDocument};
use authscheme::form::OAuth2PasswordRequestForm;
use authscheme::jsonwebtoken::{self, Algorithm, DecodingKey, EncodingKey, Header, Validation};
use authscheme::limit::HashingLimit;
use authscheme::openapi::OpenApiVersion;
use authscheme::verify::{ApiKeys, Grant, JwtVerifier, Verifier, VerifyError};
use authscheme::{Rejection, SecurityScheme, Verified, scopes};
use axum::Json;
use axum::extract::{FromRef, State};
use axum::response::{IntoResponse, Response};
use http::header::HOST;
use http::request::Parts;
use http::{HeaderMap, HeaderValue, StatusCode};
use hyper_util::rt::{TokioIo, TokioTimer};
use hyper_util::server::graceful::GracefulShutdown;
use hyper_util::service::TowerToHyperService;
use serde::{Deserialize, Serialize};
use serde_json::{Value, json};
use tokio::net::TcpListener;
use tokio::sync::Semaphore;
use tower_http::limit::RequestBodyLimitLayer;
use tower_http::timeout::TimeoutLayer;
use tracing_subscriber::EnvFilter;
use utoipa_swagger_ui::{Config, SwaggerUi};

// The token URL is relative, as in FastAPI's tutorial: Swagger UI posts to the server it
// was loaded from. The doc comment below is the scheme's OpenAPI `description`.
/// Log in with a username and password; the token carries the scopes you tick.
#[derive(SecurityScheme)]
#[oauth2(
    token_url = "token",
    scopes(
        "me" = "Read information about the current user.",
        "items" = "Read items."
    )
)]
struct OAuth2PasswordBearer;

/// Keys for services, in the `X-API-Key` header.
#[derive(SecurityScheme)]
#[api_key(name = "APIKeyHeader", header = "X-API-Key")]
struct ServiceKey;

/// FastAPI's tutorial: tokens live 30 minutes.
const TOKEN_LIFETIME: Duration = Duration::from_mins(30);

/// Password checks run at once, at most: one per core (a check is CPU work: more at once are
/// not answered sooner), and never more than 4, so that their memory (Argon2's default
/// cost, 19 MiB each) stays under 80 MiB on any machine.
const LOGIN_HASHERS: usize = 4;
/// Logins that may wait for a check, per hasher. A check takes about 60 ms on one core, so
/// the last in the queue waits about 16 × 60 ms ≈ 1 s; past that, 503 with `Retry-After: 1`.
const LOGIN_QUEUE_PER_HASHER: usize = 16;
/// How long a client may take to send a request's head (hyper's `header_read_timeout`);
/// also how long a kept-alive connection may stay silent before its next request. A real
/// client sends its head in one packet.
const HEADER_READ_TIMEOUT: Duration = Duration::from_secs(10);
/// How long a request may take from its head to its answer, body and queueing for a password
/// check included: 408 past it (`tower_http::timeout`). A body that stalls or trickles is
/// cut off then, and a check never waits that long in the queue.
const REQUEST_TIMEOUT: Duration = Duration::from_secs(10);
/// The largest request body, 16 KiB (`tower_http::limit`, 413 past it): a token request is a
/// few hundred bytes, and no other route takes a body.
const BODY_LIMIT: usize = 16 * 1024;
/// The largest request head hyper buffers, 16 KiB (431 past it): far above what browsers send.
const HEAD_LIMIT: usize = 16 * 1024;
/// Connections served at once; more wait in the listen backlog until one closes. Each costs
/// at most a head and a body buffer, so together well under 50 MiB.
const MAX_CONNECTIONS: usize = 512;

/// A user as the API shows it (no password hash).
#[derive(Clone, Debug, Serialize)]
struct User {
    username: String,
    email: String,
    full_name: String,
    disabled: bool,
}

/// The users, their Argon2 hashes and the JWT keys: the verifier of `OAuth2PasswordBearer`.
#[derive(Clone)]
struct Users {
    inner: Arc<UsersInner>,
    jwt: JwtVerifier<Claims>,
}

struct UsersInner {
    users: Vec<(User, String)>,
    /// Checked against when the username is unknown, so that the answer takes as long.
    dummy_hash: String,
    encoding: EncodingKey,
}

/// What our tokens carry.
#[derive(Clone, Debug, Deserialize, Serialize)]
struct Claims {
    sub: String,
    #[serde(default)]
    scope: String,
    exp: u64,
}

impl Users {
    /// FastAPI's demo users; their passwords are hashed now with a fresh salt each. The JWT
    /// key is random per process.
    fn demo() -> Result<Self, String> {
        let hash = |password: &str| -> Result<String, String> {
            Argon2::default()
                .hash_password(password.as_bytes())
                .map(|hash| hash.to_string())
                .map_err(|error| format!("cannot hash a password: {error}"))
        };
        let users = vec![
            (
                User {
                    username: "johndoe".into(),
                    email: "johndoe@example.com".into(),
                    full_name: "John Doe".into(),
                    disabled: false,
                },
                hash("secret")?,
            ),
            (
                User {
                    username: "alice".into(),
                    email: "alicechains@example.com".into(),
                    full_name: "Alice Chains".into(),
                    disabled: true,
                },
                hash("secret2")?,
            ),
        ];
        let mut secret = [0u8; 32];
        getrandom::fill(&mut secret)
            .map_err(|error| format!("no randomness for the JWT key: {error}"))?;
        Ok(Self {
            jwt: JwtVerifier::new(
                DecodingKey::from_secret(&secret),
                Validation::new(Algorithm::HS256),
            ),
            inner: Arc::new(UsersInner {
                users,
                dummy_hash: hash("not a password of anybody")?,
                encoding: EncodingKey::from_secret(&secret),
            }),
        })
    }

    fn find(&self, username: &str) -> Option<&(User, String)> {
        self.inner
            .users
            .iter()
            .find(|(user, _)| user.username == username)
    }

    /// The user, if the password matches its hash; `memory` is Argon2's working memory,
    /// reused from one check to the next (see [`verify_password`]).
    fn authenticate(
        &self,
        username: &str,
        password: &str,
        memory: &mut Vec<Block>,
    ) -> Option<User> {
        let found = self.find(username);
        let phc = found.map_or(self.inner.dummy_hash.as_str(), |(_, hash)| hash.as_str());
        let matches = verify_password(password, phc, memory);
        found.filter(|_| matches).map(|(user, _)| user.clone())
    }

    /// A signed token for `user` holding the requested `scopes` (as FastAPI's tutorial does,
    /// every requested scope is granted; the verifier keeps only declared ones).
    fn issue(&self, user: &User, scopes: &[String]) -> Result<String, Rejection> {
        let exp = SystemTime::now()
            .checked_add(TOKEN_LIFETIME)
            .and_then(|at| at.duration_since(UNIX_EPOCH).ok())
            .map_or(0, |at| at.as_secs());
        let claims = Claims {
            sub: user.username.clone(),
            scope: scopes.join(" "),
            exp,
        };
        jsonwebtoken::encode(
            &Header::new(Algorithm::HS256),
            &claims,
            &self.inner.encoding,
        )
        .map_err(|_| {
            Rejection::new(
                StatusCode::INTERNAL_SERVER_ERROR,
                Vec::new(),
                "Could not issue a token",
            )
        })
    }
}

/// Whether `password` matches the PHC string `phc`, computing the Argon2 hash in `memory`
/// (grown to the hash's block count if it is smaller).
///
/// `PasswordVerifier::verify_password` allocates the 19 MiB of blocks afresh for each check,
/// and glibc's allocator gave little of them back: the demo grew by about 15 MB per login
/// unbounded (2.6 GB after 176 logins), and to 730 MB with two checks at a time. Each
/// hashing slot owns one buffer instead. The comparison is `Output`'s, in constant time.
fn verify_password(password: &str, phc: &str, memory: &mut Vec<Block>) -> bool {
    let Ok(hash) = PasswordHash::new(phc) else {
        return false;
    };
    let (Some(salt), Some(expected)) = (&hash.salt, &hash.hash) else {
        return false;
    };
    let (Ok(algorithm), Ok(params)) = (
        Argon2Algorithm::try_from(hash.algorithm.as_str()),
        Params::try_from(&hash),
    ) else {
        return false;
    };
    let version = match hash.version.map(Version::try_from) {
        None => Version::default(),
        Some(Ok(version)) => version,
        Some(Err(_)) => return false,
    };
    if memory.len() < params.block_count() {
        memory.resize(params.block_count(), Block::new());
    }
    let mut computed = [0u8; Output::MAX_LENGTH];
    let Some(computed) = computed.get_mut(..expected.len()) else {
        return false;
    };
    let blocks = params.block_count();
    Argon2::new(algorithm, version, params)
        .hash_password_into_with_memory(
            password.as_bytes(),
            salt.as_ref(),
            computed,
            &mut memory[..blocks],
        )
        .is_ok()
        && Output::new(computed).is_ok_and(|computed| computed == *expected)
}

/// Argon2's working memory for the default cost, one per [`LOGIN_HASHERS`] slot.
fn hash_memory() -> Vec<Block> {
    vec![Block::new(); Params::default().block_count()]
}

impl Verifier<OAuth2PasswordBearer> for Users {
    type Principal = User;

    /// The tutorial's `get_current_user` + `get_current_active_user`: a valid JWT, a known
    /// user (401 otherwise), an active one (400 `Inactive user` otherwise).
    async fn verify(
        &self,
        token: &BearerToken,
        parts: &Parts,
    ) -> Result<Grant<OAuth2PasswordBearer, User>, VerifyError> {
        let grant = Verifier::<OAuth2PasswordBearer>::verify(&self.jwt, token, parts).await?;
        let (claims, scopes) = grant.into_parts();
        let (user, _) = self
            .find(&claims.sub)
            .ok_or_else(|| VerifyError::default().with_reason("no such user"))?;
        if user.disabled {
            return Err(VerifyError::reject(Rejection::new(
                StatusCode::BAD_REQUEST,
                Vec::new(),
                "Inactive user",
            ))
            .with_reason("user disabled"));
        }
        Ok(Grant::new(user.clone(), scopes))
    }
}

/// The router state; `Verified` reaches each verifier through the derived `FromRef`.
#[derive(Clone, FromRef)]
struct App {
    users: Users,
    keys: ApiKeys<&'static str>,
    openapi: Arc<Value>,
    /// The password checks of `POST /token`, each slot with its Argon2 memory.
    hashing: HashingLimit<Vec<Block>>,
}

/// `POST /token`: the password grant. Bad credentials get 401 with a `Bearer` challenge (as
/// FastAPI's JWT tutorial answers); 503 with `Retry-After` when too many logins are being
/// checked already.
async fn login(State(app): State<App>, form: OAuth2PasswordRequestForm) -> Response {
    let users = app.users.clone();
    let (username, password) = (form.username, form.password);
    let checked = app
        .hashing
        .run(move |memory| users.authenticate(&username, &password, memory))
        .await;
    let user = match checked {
        Ok(Some(user)) => user,
        Ok(None) => {
            let rejection = Rejection::new(
                StatusCode::UNAUTHORIZED,
                vec![HeaderValue::from_static("Bearer")],
                "Incorrect username or password",
            );
            return IntoResponse::into_response(rejection);
        }
        Err(overloaded) => return IntoResponse::into_response(overloaded),
    };
    match app.users.issue(&user, &form.scopes) {
        Ok(token) => Json(json!({ "access_token": token, "token_type": "bearer" })).into_response(),
        Err(rejection) => IntoResponse::into_response(rejection),
    }
}

/// `GET /users/me`: a valid token with scope `me`.
async fn read_users_me(user: Verified<scopes!(OAuth2PasswordBearer: "me"), Users>) -> Json<User> {
    Json(user.into_principal())
}

/// `GET /users/me/items`: scopes `me` and `items`.
async fn read_own_items(
    user: Verified<scopes!(OAuth2PasswordBearer: "me", "items"), Users>,
) -> Json<Value> {
    Json(json!([{ "item_id": "Foo", "owner": user.principal().username }]))
}

/// `GET /status`: anybody; a token, if one is sent, must be valid.
async fn read_system_status(user: Option<Verified<OAuth2PasswordBearer, Users>>) -> Json<Value> {
    let user = user.map(|user| user.into_principal().username);
    Json(json!({ "status": "ok", "user": user }))
}

/// `GET /openapi.json`: the document, with the server this request reached as its `servers`.
///
/// Swagger UI resolves a relative `tokenUrl` (`token`, as in FastAPI) against the selected
/// server only when that server is an absolute URL; otherwise against its own page,
/// `/docs/`, and would post to `/docs/token`. (FastAPI's page is `/docs`, without the slash,
/// so there `token` lands on `/token` by luck.) An absolute server URL, taken from the
/// request's `Host`, makes every tool resolve `token` to this server's `/token`.
async fn serve_openapi(State(app): State<App>, headers: HeaderMap) -> Json<Value> {
    let mut document = Value::clone(&app.openapi);
    let host = headers
        .get(HOST)
        .and_then(|host| host.to_str().ok())
        .filter(|host| {
            !host.is_empty()
                && host.bytes().all(|b| {
                    b.is_ascii_alphanumeric() || matches!(b, b'.' | b'-' | b':' | b'[' | b']')
                })
        });
    if let (Some(host), Some(fields)) = (host, document.as_object_mut()) {
        fields.insert(
            "servers".to_owned(),
            json!([{ "url": format!("http://{host}") }]),
        );
    }
    Json(document)
}

/// `GET /service/users`: a service key.
async fn list_users(
    State(app): State<App>,
    _service: Verified<ServiceKey, ApiKeys<&'static str>>,
) -> Json<Value> {
    let users: Vec<&User> = app.users.inner.users.iter().map(|(user, _)| user).collect();
    Json(json!(users))
}

/// `POST /token`'s operation: the form it reads and its answers.
fn login_operation() -> Operation {
    let token_form = json!({
        "required": true,
        "content": {"application/x-www-form-urlencoded": {"schema": {
            "type": "object",
            "properties": {
                "grant_type": {"type": "string", "pattern": "^password$"},
                "username": {"type": "string"},
                "password": {"type": "string", "format": "password"},
                "scope": {"type": "string", "default": ""},
                "client_id": {"type": "string"},
                "client_secret": {"type": "string", "format": "password"}
            },
            "required": ["username", "password"]
        }}}
    });
    let token = json!({
        "type": "object",
        "properties": {"access_token": {"type": "string"}, "token_type": {"type": "string"}},
        "required": ["access_token", "token_type"]
    });
    Operation::new()
        .summary("Log in for an access token")
        .operation_id("login_for_access_token")
        .field("requestBody", token_form)
        .response(
            "200",
            json!({"description": "A bearer token", "content": {"application/json": {"schema": token}}}),
        )
        .response(
            "401",
            json!({"description": "Incorrect username or password"}),
        )
        .response("422", json!({"description": "Validation Error"}))
        .response(
            "503",
            json!({"description": "Too many logins at once; retry after `Retry-After` seconds"}),
        )
}

/// The routes, each declared once: the router records every handler with its operation,
/// and each operation's `security` comes from the handler's extractor types.
fn routes() -> Router<App> {
    let user = json!({
        "type": "object",
        "properties": {
            "username": {"type": "string"},
            "email": {"type": "string"},
            "full_name": {"type": "string"},
            "disabled": {"type": "boolean"}
        },
        "required": ["username", "email", "full_name", "disabled"]
    });
    let ok = |description: &str, schema: &Value| json!({"description": description, "content": {"application/json": {"schema": schema}}});
    Router::new()
        .route("/token", post_with(login, login_operation()))
        .route(
            "/users/me",
            get_with(
                read_users_me,
                Operation::new()
                    .summary("Read the current user")
                    .operation_id("read_users_me")
                    .response("200", ok("The current user", &user))
                    .response("400", json!({"description": "Inactive user"})),
            ),
        )
        .route(
            "/users/me/items",
            get_with(
                read_own_items,
                Operation::new()
                    .summary("Read the current user's items")
                    .operation_id("read_own_items")
                    .response(
                        "200",
                        ok(
                            "The items",
                            &json!({"type": "array", "items": {"type": "object"}}),
                        ),
                    ),
            ),
        )
        .route(
            "/status",
            get_with(
                read_system_status,
                Operation::new()
                    .summary("System status, and who is asking if anybody")
                    .operation_id("read_system_status")
                    .response("200", json!({"description": "Status"})),
            ),
        )
        .route(
            "/service/users",
            get_with(
                list_users,
                Operation::new()
                    .summary("List the users (services, with an API key)")
                    .operation_id("list_users")
                    .response(
                        "200",
                        ok("The users", &json!({"type": "array", "items": user})),
                    ),
            ),
        )
        // Not in the document, as in FastAPI: the document itself and Swagger UI.
        .route_undocumented("/openapi.json", axum::routing::get(serve_openapi))
        .merge_undocumented(SwaggerUi::new("/docs").config(Config::from("/openapi.json")))
}

/// What the document says besides its operations.
fn document() -> SecurityDocument {
    SecurityDocument::new("authscheme petstore", env!("CARGO_PKG_VERSION")).description(
        "FastAPI's \"OAuth2 scopes\" tutorial on authscheme. Authorize as `johndoe` (the \
         README has the demo passwords) and tick the scopes; `alice` is disabled.",
    )
}

struct Options {
    port: u16,
    print_openapi: bool,
}

fn options() -> Result<Options, String> {
    let mut port = match std::env::var("PORT") {
        Ok(port) => port
            .parse()
            .map_err(|_| format!("PORT: not a port number: `{port}`"))?,
        Err(_) => 8000,
    };
    let mut print_openapi = false;
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        match arg.as_str() {
            "--port" => {
                let value = args.next().ok_or("--port needs a value")?;
                port = value
                    .parse()
                    .map_err(|_| format!("--port: not a port number: `{value}`"))?;
            }
            "--print-openapi" => print_openapi = true,
            "--help" | "-h" => {
                println!(
                    "usage: petstore [--port PORT] [--print-openapi]   (PORT defaults to $PORT or 8000)"
                );
                std::process::exit(0);
            }
            other => return Err(format!("unknown argument `{other}`; try --help")),
        }
    }
    Ok(Options {
        port,
        print_openapi,
    })
}

fn main() {
    if let Err(error) = run() {
        eprintln!("error: {error}");
        std::process::exit(1);
    }
}

fn run() -> Result<(), String> {
    let options = options()?;
    let (router, document) = routes().into_parts(document());
    let openapi = document
        .to_json(OpenApiVersion::V3_1)
        .map_err(|error| format!("the OpenAPI document: {error}"))?;
    if options.print_openapi {
        println!(
            "{}",
            serde_json::to_string_pretty(&openapi).map_err(|error| error.to_string())?
        );
        return Ok(());
    }
    // `RUST_LOG=authscheme=debug` logs why each request was refused (to stderr).
    tracing_subscriber::fmt()
        .with_env_filter(EnvFilter::from_default_env())
        .with_writer(std::io::stderr)
        .init();
    let hashers = std::thread::available_parallelism()
        .map_or(1, usize::from)
        .min(LOGIN_HASHERS);
    let app = App {
        hashing: HashingLimit::with_scratch(hashers, hashers * LOGIN_QUEUE_PER_HASHER, hash_memory),
        openapi: Arc::new(openapi),
        users: Users::demo()?,
        // One key, compared in constant time; the principal is the key's label.
        keys: ApiKeys::labelled([(
            "service",
            std::env::var("PETSTORE_API_KEY").unwrap_or_else(|_| "demo-service-key".to_owned()),
        )])
        .with_detail("Invalid API key"),
    };
    // Each layer wraps what is above it: the timeout covers the body limit and every route.
    let router = router
        .with_state(app)
        .layer(RequestBodyLimitLayer::new(BODY_LIMIT))
        .layer(TimeoutLayer::with_status_code(
            StatusCode::REQUEST_TIMEOUT,
            REQUEST_TIMEOUT,
        ));

    let runtime = tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
        .map_err(|error| format!("cannot start the runtime: {error}"))?;
    runtime.block_on(async move {
        let listener = TcpListener::bind(SocketAddr::from((Ipv4Addr::LOCALHOST, options.port)))
            .await
            .map_err(|error| format!("cannot listen on 127.0.0.1:{}: {error}", options.port))?;
        let address = listener.local_addr().map_err(|error| error.to_string())?;
        println!("authscheme petstore: FastAPI's \"OAuth2 scopes\" tutorial");
        println!("listening on http://{address}");
        println!("  Swagger UI  http://{address}/docs/");
        println!("  OpenAPI     http://{address}/openapi.json");
        println!("  users: johndoe, alice (disabled); passwords in the README. Ctrl+C stops.");
        serve(listener, router).await;
        Ok::<(), String>(())
    })?;
    Ok(())
}

/// Serves HTTP/1 until Ctrl+C, then lets open requests finish for up to 10 s.
///
/// `axum::serve` sets no header read timeout (hyper's needs a timer, which it does not give)
/// and no bound on connections: a client that never finishes its head would hold its
/// connection forever. Hence hyper's connection builder, with the limits above.
async fn serve(listener: TcpListener, router: axum::Router) {
    let mut http = hyper::server::conn::http1::Builder::new();
    http.timer(TokioTimer::new())
        .header_read_timeout(HEADER_READ_TIMEOUT)
        .max_buf_size(HEAD_LIMIT);
    let connections = Arc::new(Semaphore::new(MAX_CONNECTIONS));
    let graceful = GracefulShutdown::new();
    let mut stop = pin!(async {
        let _ = tokio::signal::ctrl_c().await;
    });
    loop {
        let accepted = tokio::select! {
            () = &mut stop => break,
            accepted = async {
                // A free slot first: past `MAX_CONNECTIONS`, clients wait in the backlog.
                let slot = Arc::clone(&connections).acquire_owned().await;
                (slot, listener.accept().await)
            } => accepted,
        };
        let stream = match accepted {
            (Ok(slot), Ok((stream, _))) => (slot, stream),
            // The client went away between connecting and being accepted.
            (_, Err(error)) if is_connection_error(&error) => continue,
            (_, Err(error)) => {
                // Out of file descriptors, most likely: wait for connections to close.
                eprintln!("accept error: {error}");
                tokio::time::sleep(Duration::from_secs(1)).await;
                continue;
            }
            // The semaphore is never closed.
            (Err(_), Ok(_)) => continue,
        };
        let (slot, stream) = stream;
        let connection = http.serve_connection(
            TokioIo::new(stream),
            TowerToHyperService::new(router.clone()),
        );
        let connection = graceful.watch(connection);
        tokio::spawn(async move {
            // An error is the client's (reset, bad request, head timeout): nothing to do.
            let _ = connection.await;
            drop(slot);
        });
    }
    drop(listener);
    tokio::select! {
        () = graceful.shutdown() => {}
        () = tokio::time::sleep(Duration::from_secs(10)) => {}
    }
}

/// Errors of one connection that `accept` reports, after which accepting goes on at once.
fn is_connection_error(error: &std::io::Error) -> bool {
    matches!(
        error.kind(),
        std::io::ErrorKind::ConnectionRefused
            | std::io::ErrorKind::ConnectionAborted
            | std::io::ErrorKind::ConnectionReset
    )
}
