//! Running the built `petstore` example for end-to-end tests: spawned on a free loopback
//! port, waited for, killed when dropped.

#![allow(dead_code, unreachable_pub, reason = "each test crate uses a part")]

use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant, SystemTime};

use tokio::io::{AsyncBufReadExt, BufReader};
use tokio::process::{Child, Command};

/// How long the server may take to print its address and answer.
const STARTUP: Duration = Duration::from_secs(30);

/// `target/<profile>`: the folder this test executable (`target/<profile>/deps/..`) is in.
pub fn target_profile_dir() -> PathBuf {
    let exe = std::env::current_exe().expect("the test executable has a path");
    exe.parent()
        .and_then(|deps| deps.parent())
        .expect("test executables live in target/<profile>/deps")
        .to_path_buf()
}

/// `target/e2e`, created: where screenshots go.
pub fn artifacts_dir() -> PathBuf {
    let profile = target_profile_dir();
    let target = profile
        .parent()
        .map_or_else(|| profile.clone(), PathBuf::from);
    let dir = target.join("e2e");
    std::fs::create_dir_all(&dir).expect("cannot create target/e2e");
    dir
}

/// The `example` binary that `cargo test` built beside this test.
fn example_binary(example: &str) -> PathBuf {
    let name = format!("{example}{}", std::env::consts::EXE_SUFFIX);
    let path = target_profile_dir().join("examples").join(name);
    assert!(
        path.is_file(),
        "{} is missing: run these tests with `cargo test -p authscheme-examples` (or \
         `cargo test --workspace`), which builds the examples first",
        path.display()
    );
    let built = modified(&path);
    let root = Path::new(env!("CARGO_MANIFEST_DIR"));
    let sources = [
        root.join(format!("examples/{example}.rs")),
        root.join("../runtime/src"),
    ];
    if let Some(newer) = sources.iter().find_map(|source| newer_than(source, built)) {
        panic!(
            "{} is older than {}: run `cargo test -p authscheme-examples` (or `cargo test \
             --workspace`) without a test filter, which rebuilds the examples",
            path.display(),
            newer.display()
        );
    }
    path
}

fn modified(path: &Path) -> SystemTime {
    std::fs::metadata(path)
        .and_then(|metadata| metadata.modified())
        .unwrap_or(SystemTime::UNIX_EPOCH)
}

/// A file at or under `path` modified after `than`.
fn newer_than(path: &Path, than: SystemTime) -> Option<PathBuf> {
    if path.is_dir() {
        std::fs::read_dir(path)
            .ok()?
            .filter_map(Result::ok)
            .find_map(|entry| newer_than(&entry.path(), than))
    } else {
        (modified(path) > than).then(|| path.to_path_buf())
    }
}

/// A running demo server; killed on drop.
pub struct Server {
    child: Child,
    /// `http://127.0.0.1:PORT`.
    pub base: String,
}

impl Server {
    /// Starts the demo on a port the OS picks (`--port 0`), reads the address it prints and
    /// waits until `/openapi.json` answers. Panics with the reason after [`STARTUP`].
    pub async fn start() -> Self {
        Self::start_example("petstore", &["--port", "0"], None).await
    }

    /// Starts the README's quickstart on a port the OS picks (`PORT=0`), as [`start`](Self::start).
    pub async fn start_quickstart() -> Self {
        Self::start_example("quickstart", &[], Some("0")).await
    }

    async fn start_example(example: &str, args: &[&str], port: Option<&str>) -> Self {
        let mut command = Command::new(example_binary(example));
        command.args(args).env_remove("PORT");
        if let Some(port) = port {
            command.env("PORT", port);
        }
        let mut child = command
            .stdin(Stdio::null())
            .stdout(Stdio::piped())
            .stderr(Stdio::inherit())
            .kill_on_drop(true)
            .spawn()
            .unwrap_or_else(|error| panic!("cannot start the {example} example: {error}"));
        let stdout = child.stdout.take().expect("stdout is piped");
        let mut lines = BufReader::new(stdout).lines();
        let base = tokio::time::timeout(STARTUP, async {
            while let Some(line) = lines
                .next_line()
                .await
                .expect("reading the server's output")
            {
                if let Some(url) = line.strip_prefix("listening on ") {
                    return url.trim().to_owned();
                }
            }
            panic!("the server exited before printing its address");
        })
        .await
        .expect("the server did not print its address in time");
        assert!(
            base.starts_with("http://127.0.0.1:"),
            "the server must listen on 127.0.0.1 only, got {base}"
        );
        // Keep reading its output so that it never blocks on a full pipe.
        tokio::spawn(async move { while let Ok(Some(_)) = lines.next_line().await {} });

        let server = Self { child, base };
        server.wait_ready().await;
        server
    }

    async fn wait_ready(&self) {
        let client = client();
        let deadline = Instant::now() + STARTUP;
        let url = self.url("/openapi.json");
        loop {
            match client.get(&url).send().await {
                Ok(response) if response.status().is_success() => return,
                outcome => assert!(
                    Instant::now() < deadline,
                    "{url} did not answer 200 in time: {outcome:?}"
                ),
            }
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
    }

    /// `base` + `path`.
    pub fn url(&self, path: &str) -> String {
        format!("{}{path}", self.base)
    }

    /// Stops the server and waits for it.
    pub async fn stop(mut self) {
        let _ = self.child.kill().await;
    }
}

/// An HTTP client with timeouts, no proxy (everything is on loopback).
pub fn client() -> reqwest::Client {
    reqwest::Client::builder()
        .timeout(Duration::from_secs(20))
        .connect_timeout(Duration::from_secs(5))
        .no_proxy()
        .build()
        .expect("an HTTP client")
}

/// `application/x-www-form-urlencoded` body of `fields` (values percent-encoded).
pub fn form(fields: &[(&str, &str)]) -> String {
    fields
        .iter()
        .map(|(name, value)| format!("{}={}", encode(name), encode(value)))
        .collect::<Vec<_>>()
        .join("&")
}

fn encode(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for byte in text.bytes() {
        match byte {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'.' | b'_' | b'~' => {
                out.push(char::from(byte));
            }
            b' ' => out.push('+'),
            _ => {
                const HEX: &[u8; 16] = b"0123456789ABCDEF";
                out.push('%');
                out.push(char::from(HEX[usize::from(byte >> 4)]));
                out.push(char::from(HEX[usize::from(byte & 0xf)]));
            }
        }
    }
    out
}
