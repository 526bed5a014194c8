//! A real OpenID provider for end-to-end tests of JWKS-backed JWT verification: panva's
//! `oidc-provider`, run by `tests/idp/provider.mjs` on a loopback port and killed on drop.
//!
//! It issues JWT access tokens to the client `svc` (client credentials), signed RS256 for
//! [`API`] (the default resource), ES256 for [`ES256_API`] and `EdDSA` for [`EDDSA_API`],
//! opaque ones for [`OPAQUE_API`] (oidc-provider introspects only those), and answers
//! test-only control routes: key rotation, request counts, the JWKS' `Cache-Control`.
//!
//! Needs Node.js on `PATH` and `npm ci --prefix tests/idp`. Without them [`Idp::start`] gives
//! `None` after a notice (the tests then pass without checking anything), or panics when
//! `CI=true`, like the browser test in `examples/tests/e2e_browser.rs`.

#![allow(dead_code, reason = "each test file uses a part of the support module")]

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Child, Command, Stdio};
use std::sync::{Mutex, PoisonError, mpsc};
use std::time::Duration;

use jsonwebtoken::jwk::JwkSet;
use serde::Deserialize;

/// The JS side's folder (`tests/idp`).
const IDP_DIR: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/idp");

/// How long node may take to print its READY line (it generates three key pairs first),
/// once it has the machine to itself among the providers being started (see [`STARTING`]).
const STARTUP: Duration = Duration::from_mins(1);

/// Held while a provider starts: the tests of one binary run in parallel, and seven nodes
/// loading oidc-provider and generating keys at once on a loaded 2-core CI machine once took
/// more than 20 s for one of them. One at a time, each start takes about a second.
static STARTING: Mutex<()> = Mutex::new(());

/// The resource (RFC 8707) a token request gets when it names none; RS256-signed tokens.
pub(crate) const API: &str = "https://api.example.test";
/// A resource whose tokens are signed ES256.
pub(crate) const ES256_API: &str = "https://es256.example.test";
/// A resource whose tokens are signed `EdDSA` (Ed25519).
pub(crate) const EDDSA_API: &str = "https://eddsa.example.test";
/// A resource whose tokens are opaque: only these can be introspected.
pub(crate) const OPAQUE_API: &str = "https://opaque.example.test";

/// The client-credentials client and its secret (`client_secret_basic`).
pub(crate) const CLIENT_ID: &str = "svc";
pub(crate) const CLIENT_SECRET: &str = "svc-secret";

/// Counts of requests the provider has served since it started (`GET /__stats`).
#[derive(Clone, Copy, Debug, PartialEq, Eq, Deserialize)]
pub(crate) struct Stats {
    /// `GET`s of the JWKS.
    pub(crate) jwks_requests: u64,
    /// `GET`s of `/.well-known/openid-configuration`.
    pub(crate) discovery_requests: u64,
}

/// A running `oidc-provider`; killed when dropped.
pub(crate) struct Idp {
    /// `None` once [`stop`](Self::stop)ped. Its stdin stays piped and open: should this
    /// process die without running `Drop`, node sees the pipe close and exits too.
    child: Option<Child>,
    /// `http://127.0.0.1:<port>`, which is also the base of every endpoint.
    issuer: String,
    http: reqwest::Client,
}

impl Idp {
    /// Starts the provider on a port the OS picks and waits for it to listen; `None` (after
    /// a notice on stderr) when node or the npm packages are missing, a panic instead when
    /// `CI=true`.
    pub(crate) fn start() -> Option<Self> {
        let Some(node) = find_on_path("node") else {
            return unavailable("node is not on PATH");
        };
        if !Path::new(IDP_DIR)
            .join("node_modules/oidc-provider")
            .is_dir()
        {
            return unavailable("tests/idp/node_modules/oidc-provider is missing");
        }

        // A test that panicked while starting one leaves nothing behind that needs guarding.
        let _one_at_a_time = STARTING.lock().unwrap_or_else(PoisonError::into_inner);
        let mut child = Command::new(node)
            .arg("provider.mjs")
            .current_dir(IDP_DIR)
            .stdin(Stdio::piped())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .spawn()
            .unwrap_or_else(|error| panic!("cannot start node {IDP_DIR}/provider.mjs: {error}"));
        let stdout = child.stdout.take().expect("stdout is piped");
        let (ready, announced) = mpsc::channel();
        std::thread::spawn(move || {
            // Reads to the end, so node never blocks on a full pipe.
            for line in BufReader::new(stdout).lines().map_while(Result::ok) {
                if let Some(issuer) = line.strip_prefix("READY ") {
                    let _ = ready.send(issuer.trim().to_owned());
                }
            }
        });

        // Built before the wait, so that a panic below kills node through `Drop`.
        let mut idp = Self {
            child: Some(child),
            issuer: String::new(),
            http: reqwest::Client::builder()
                .timeout(Duration::from_secs(10))
                .no_proxy()
                .build()
                .expect("an HTTP client"),
        };
        idp.issuer = announced.recv_timeout(STARTUP).unwrap_or_else(|error| {
            panic!("provider.mjs printed no READY line within {STARTUP:?} ({error})")
        });
        assert!(
            idp.issuer.starts_with("http://127.0.0.1:"),
            "the provider must listen on 127.0.0.1 only, got {}",
            idp.issuer
        );
        Some(idp)
    }

    /// The issuer identifier, `http://127.0.0.1:<port>` (no trailing slash).
    pub(crate) fn issuer(&self) -> &str {
        &self.issuer
    }

    /// `127.0.0.1:<port>`.
    pub(crate) fn address(&self) -> &str {
        self.issuer.trim_start_matches("http://")
    }

    /// The JWKS URL, as discovery announces it (provider.mjs fixes the route).
    pub(crate) fn jwks_uri(&self) -> String {
        format!("{}/jwks", self.issuer)
    }

    /// `/.well-known/openid-configuration`'s URL.
    pub(crate) fn discovery_uri(&self) -> String {
        format!("{}/.well-known/openid-configuration", self.issuer)
    }

    /// The token endpoint's URL (provider.mjs fixes the route).
    pub(crate) fn token_endpoint(&self) -> String {
        format!("{}/token", self.issuer)
    }

    /// The discovery document (counts as a discovery request).
    pub(crate) async fn discovery(&self) -> serde_json::Value {
        self.get(&self.discovery_uri())
            .await
            .json()
            .await
            .expect("discovery is JSON")
    }

    /// The published key set (counts as a JWKS request).
    pub(crate) async fn jwks(&self) -> JwkSet {
        self.get(&self.jwks_uri())
            .await
            .json()
            .await
            .expect("the JWKS is a JWK set")
    }

    /// The JWKS response's `Cache-Control` (counts as a JWKS request).
    pub(crate) async fn jwks_cache_control(&self) -> Option<String> {
        let response = self.get(&self.jwks_uri()).await;
        let value = response.headers().get(reqwest::header::CACHE_CONTROL)?;
        Some(value.to_str().expect("an ASCII Cache-Control").to_owned())
    }

    /// A JWT access token for `svc` (client credentials, `client_secret_basic`) with the
    /// requested `scope`, for `resource` ([`API`] when `None`). Its `scope` claim holds the
    /// requested scopes that the resource knows (`items:read`, `items:write`).
    pub(crate) async fn client_credentials_token(
        &self,
        scope: &str,
        resource: Option<&str>,
    ) -> String {
        let mut form = vec![("grant_type", "client_credentials"), ("scope", scope)];
        if let Some(resource) = resource {
            form.push(("resource", resource));
        }
        let response = self
            .http
            .post(self.token_endpoint())
            .basic_auth(CLIENT_ID, Some(CLIENT_SECRET))
            .form(&form)
            .send()
            .await
            .expect("the token endpoint answers");
        let body: serde_json::Value = expect_ok(response).await.json().await.expect("JSON");
        body["access_token"]
            .as_str()
            .unwrap_or_else(|| panic!("no access_token in {body}"))
            .to_owned()
    }

    /// The introspection endpoint's answer (RFC 7662) about an opaque `token` (see
    /// [`OPAQUE_API`]), asked as `svc`: `{"active": false}` when it is unknown or expired.
    /// oidc-provider refuses to introspect JWTs (400 `unsupported_token_type`: a panic here).
    pub(crate) async fn introspect(&self, token: &str) -> serde_json::Value {
        let response = self
            .http
            .post(format!("{}/token/introspection", self.issuer))
            .basic_auth(CLIENT_ID, Some(CLIENT_SECRET))
            .form(&[("token", token)])
            .send()
            .await
            .expect("the introspection endpoint answers");
        expect_ok(response).await.json().await.expect("JSON")
    }

    /// New signing keys for every algorithm; new tokens are signed with them and the JWKS
    /// publishes them, plus the previous keys when `keep_old`. Returns the new RS256 kid.
    pub(crate) async fn rotate(&self, keep_old: bool) -> String {
        let url = format!("{}/__rotate?keep_old={}", self.issuer, u8::from(keep_old));
        let body: serde_json::Value = self.post(&url).await.json().await.expect("JSON");
        body["kid"]
            .as_str()
            .unwrap_or_else(|| panic!("no kid in {body}"))
            .to_owned()
    }

    /// Requests counted since the provider started.
    pub(crate) async fn stats(&self) -> Stats {
        let url = format!("{}/__stats", self.issuer);
        self.get(&url).await.json().await.expect("stats are JSON")
    }

    /// From now on the JWKS is served with `Cache-Control: max-age=<secs>` (300 at start).
    pub(crate) async fn set_cache_max_age(&self, secs: u64) {
        let url = format!("{}/__cache_control?max_age={secs}", self.issuer);
        self.post(&url).await;
    }

    /// Kills the provider now and waits for it to exit: its port refuses connections
    /// afterwards (what a verifier sees when its identity provider is down).
    pub(crate) fn stop(&mut self) {
        if let Some(mut child) = self.child.take() {
            // An error means it has exited already; `wait` reaps it either way.
            let _ = child.kill();
            let _ = child.wait();
        }
    }

    async fn get(&self, url: &str) -> reqwest::Response {
        let response = self.http.get(url).send().await;
        expect_ok(response.unwrap_or_else(|error| panic!("GET {url}: {error}"))).await
    }

    async fn post(&self, url: &str) -> reqwest::Response {
        let response = self.http.post(url).send().await;
        expect_ok(response.unwrap_or_else(|error| panic!("POST {url}: {error}"))).await
    }
}

impl Drop for Idp {
    fn drop(&mut self) {
        self.stop();
    }
}

/// `response` if it is a success, else a panic showing the provider's answer.
async fn expect_ok(response: reqwest::Response) -> reqwest::Response {
    if response.status().is_success() {
        return response;
    }
    let (url, status) = (response.url().clone(), response.status());
    let body = response.text().await.unwrap_or_default();
    panic!("{url} answered {status}: {body}");
}

/// The skip (or, with `CI=true`, the failure) when the provider cannot run here.
fn unavailable(reason: &str) -> Option<Idp> {
    let message = format!(
        "{reason}: the identity provider tests need Node.js and `npm ci --prefix tests/idp` \
         (run from the repository root)"
    );
    assert!(std::env::var("CI").as_deref() != Ok("true"), "{message}");
    eprintln!("skipped: {message}");
    None
}

/// `command`'s path in a folder of `PATH`.
fn find_on_path(command: &str) -> Option<PathBuf> {
    let paths = std::env::var_os("PATH")?;
    std::env::split_paths(&paths)
        .map(|dir| dir.join(command))
        .find(|path| path.is_file())
}
