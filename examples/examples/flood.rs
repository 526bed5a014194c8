//! A load and slow-client check of the `petstore` demo, on 127.0.0.1 only, every phase bounded
//! in time: two login floods (concurrent `POST /token`), a request flood over every route, two
//! oversized bodies, and five slow clients. While it runs it samples the demo's memory
//! (`VmRSS`, `VmHWM` in `/proc/<pid>/status`) and prints, per phase, the count of each status
//! code, the requests that got no answer, and the peak RSS. `scripts/flood.sh` builds and
//! starts the demo, runs this against it and stops it.
//!
//! ```text
//! cargo run --example petstore -- --port 8000 &
//! cargo run --example flood -- --base http://127.0.0.1:8000 --pid $!
//! cargo run --example flood -- --help
//! ```
//!
//! It exits with 1 when a target is missed: every request answered (a status code, 503
//! included), the peak RSS of the first login flood under `--rss-target-mb`, every slow client
//! cut off before `--slow-cap-secs`, and both oversized bodies answered 413.

use std::collections::BTreeMap;
use std::fmt::Write as _;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::sync::{Arc, Mutex};
use std::time::{Duration, Instant};

use reqwest::header::{AUTHORIZATION, CONTENT_TYPE};
use tokio::io::{AsyncReadExt, AsyncWriteExt};
use tokio::net::TcpStream;

const FORM: &str = "application/x-www-form-urlencoded";
/// How long one flood request may wait for its whole answer before it counts as unanswered.
const ANSWER_TIMEOUT: Duration = Duration::from_secs(30);
/// A megabyte as the figures are printed: 10^6 bytes.
const MB: u64 = 1_000_000;

struct Options {
    /// `http://127.0.0.1:PORT`.
    base: String,
    /// `host:port` of `base`, for the raw connections.
    address: String,
    pid: Option<u32>,
    logins: Vec<usize>,
    login_secs: u64,
    flood_workers: usize,
    flood_secs: u64,
    slow_cap_secs: u64,
    max_rss_mb: u64,
    rss_target_mb: u64,
}

const USAGE: &str = "\
usage: flood --base http://127.0.0.1:PORT [--pid PID] [options]
  --pid PID             the demo's process id: its VmRSS/VmHWM are sampled (Linux /proc)
  --logins 64,192       concurrent POST /token of each login flood
  --login-secs 5        how long each login flood sends
  --flood-workers 256   concurrent workers of the request flood
  --flood-secs 10       how long the request flood sends
  --slow-cap-secs 60    how long a slow client waits for the server to close it
  --max-rss-mb 5000     stop a flood early when the demo's RSS passes this (protects the machine)
  --rss-target-mb 300   the peak RSS the first login flood must stay under";

fn options() -> Result<Options, String> {
    let mut base = None;
    let mut pid = None;
    let mut logins = vec![64, 192];
    let (mut login_secs, mut flood_workers, mut flood_secs) = (5, 256, 10);
    let (mut slow_cap_secs, mut max_rss_mb, mut rss_target_mb) = (60, 5000, 300);
    let mut args = std::env::args().skip(1);
    while let Some(arg) = args.next() {
        if arg == "--help" || arg == "-h" {
            println!("{USAGE}");
            std::process::exit(0);
        }
        let value = args
            .next()
            .ok_or_else(|| format!("{arg} needs a value; try --help"))?;
        let number = |value: &str| -> Result<u64, String> {
            value
                .parse()
                .map_err(|_| format!("{arg}: not a number: `{value}`"))
        };
        let count = |value: &str| -> Result<usize, String> {
            value
                .parse()
                .ok()
                .filter(|&n| n > 0)
                .ok_or_else(|| format!("{arg}: not a positive count: `{value}`"))
        };
        match arg.as_str() {
            "--base" => base = Some(value),
            "--pid" => pid = Some(u32::try_from(number(&value)?).map_err(|e| e.to_string())?),
            "--logins" => logins = value.split(',').map(count).collect::<Result<_, _>>()?,
            "--login-secs" => login_secs = number(&value)?,
            "--flood-workers" => flood_workers = count(&value)?,
            "--flood-secs" => flood_secs = number(&value)?,
            "--slow-cap-secs" => slow_cap_secs = number(&value)?,
            "--max-rss-mb" => max_rss_mb = number(&value)?,
            "--rss-target-mb" => rss_target_mb = number(&value)?,
            other => return Err(format!("unknown argument `{other}`; try --help")),
        }
    }
    let base = base.ok_or("--base is required; try --help")?;
    // Loopback only: this sends floods, and nothing else on any network is ours to flood.
    let address = base
        .strip_prefix("http://127.0.0.1:")
        .filter(|port| port.parse::<u16>().is_ok())
        .map(|port| format!("127.0.0.1:{port}"))
        .ok_or_else(|| format!("--base must be http://127.0.0.1:PORT, got `{base}`"))?;
    Ok(Options {
        base,
        address,
        pid,
        logins,
        login_secs,
        flood_workers,
        flood_secs,
        slow_cap_secs,
        max_rss_mb,
        rss_target_mb,
    })
}

/// The demo's memory, read from `/proc/<pid>/status` every 10 ms by a thread of its own (so
/// that a loaded runtime does not skip samples).
struct Memory {
    pid: Option<u32>,
    /// The latest `VmRSS`, in bytes.
    current: AtomicU64,
    /// The highest `VmRSS` seen since [`Memory::start_phase`].
    phase_peak: AtomicU64,
    stop: AtomicBool,
}

impl Memory {
    fn start(pid: Option<u32>) -> Arc<Self> {
        let memory = Arc::new(Self {
            pid,
            current: AtomicU64::new(0),
            phase_peak: AtomicU64::new(0),
            stop: AtomicBool::new(false),
        });
        if pid.is_some() {
            let sampler = Arc::clone(&memory);
            std::thread::spawn(move || {
                while !sampler.stop.load(Ordering::Relaxed) {
                    if let Some(rss) = sampler.read("VmRSS:") {
                        sampler.current.store(rss, Ordering::Relaxed);
                        sampler.phase_peak.fetch_max(rss, Ordering::Relaxed);
                    }
                    std::thread::sleep(Duration::from_millis(10));
                }
            });
        }
        memory
    }

    /// A `kB` field of the status file, in bytes.
    fn read(&self, field: &str) -> Option<u64> {
        let status = std::fs::read_to_string(format!("/proc/{}/status", self.pid?)).ok()?;
        let line = status.lines().find(|line| line.starts_with(field))?;
        let kib: u64 = line[field.len()..]
            .trim()
            .trim_end_matches("kB")
            .trim()
            .parse()
            .ok()?;
        Some(kib * 1024)
    }

    fn start_phase(&self) {
        let now = self.read("VmRSS:").unwrap_or(0);
        self.current.store(now, Ordering::Relaxed);
        self.phase_peak.store(now, Ordering::Relaxed);
    }

    fn over(&self, limit: u64) -> bool {
        self.current.load(Ordering::Relaxed) > limit
    }

    /// Peak during the phase, `VmHWM`, and RSS after `settle`.
    async fn report(&self, settle: Duration) -> Option<(u64, u64, u64)> {
        self.pid?;
        let peak = self.phase_peak.load(Ordering::Relaxed);
        let hwm = self.read("VmHWM:").unwrap_or(0);
        tokio::time::sleep(settle).await;
        Some((peak, hwm, self.read("VmRSS:").unwrap_or(0)))
    }
}

fn mb(bytes: u64) -> String {
    let tenths = bytes * 10 / MB;
    format!("{}.{} MB", tenths / 10, tenths % 10)
}

/// The `i`-th request of a flood.
type MakeRequest = Arc<dyn Fn(&reqwest::Client, usize) -> reqwest::RequestBuilder + Send + Sync>;

/// What a flood phase saw.
#[derive(Default)]
struct Tally {
    statuses: BTreeMap<u16, u64>,
    /// No whole answer within [`ANSWER_TIMEOUT`].
    unanswered: u64,
    /// The connection failed, was closed or reset before the answer: kind → count.
    errors: BTreeMap<String, u64>,
    latencies: Vec<Duration>,
}

impl Tally {
    fn lost(&self) -> u64 {
        self.unanswered + self.errors.values().sum::<u64>()
    }

    fn line(&self) -> String {
        let mut line = String::new();
        for (status, count) in &self.statuses {
            let _ = write!(line, "{status} ×{count}  ");
        }
        let _ = write!(
            line,
            "| no answer in {ANSWER_TIMEOUT:?}: {}",
            self.unanswered
        );
        for (kind, count) in &self.errors {
            let _ = write!(line, " | {kind}: {count}");
        }
        line
    }

    fn latency_line(&mut self) -> String {
        self.latencies.sort_unstable();
        let at = |fraction: f64| {
            // An index into a sorted, non-empty list: the cast cannot truncate meaningfully.
            #[allow(
                clippy::cast_possible_truncation,
                clippy::cast_sign_loss,
                clippy::cast_precision_loss
            )]
            let index = ((self.latencies.len() - 1) as f64 * fraction) as usize;
            self.latencies[index]
        };
        if self.latencies.is_empty() {
            return "no answers".to_owned();
        }
        format!(
            "median {:.3} s, p99 {:.3} s, max {:.3} s",
            at(0.5).as_secs_f64(),
            at(0.99).as_secs_f64(),
            at(1.0).as_secs_f64()
        )
    }
}

fn error_kind(error: &reqwest::Error) -> String {
    if error.is_connect() {
        return "connect failed".to_owned();
    }
    // The innermost cause names the transport failure (reset, closed before message, ..).
    let mut cause: &dyn std::error::Error = error;
    while let Some(source) = cause.source() {
        cause = source;
    }
    format!("transport error ({cause})")
}

/// `workers` tasks sending `request(i)` back to back until `secs` have passed (or the demo's
/// RSS passes the guard); every request started is waited for, up to [`ANSWER_TIMEOUT`].
async fn flood(
    options: &Options,
    memory: &Arc<Memory>,
    title: &str,
    workers: usize,
    secs: u64,
    request: MakeRequest,
) -> (Tally, u64) {
    println!("\n== {title}: {workers} concurrent for {secs} s");
    memory.start_phase();
    let client = reqwest::Client::builder()
        .timeout(ANSWER_TIMEOUT)
        .connect_timeout(Duration::from_secs(5))
        .no_proxy()
        .build()
        .expect("an HTTP client");
    let tally = Arc::new(Mutex::new(Tally::default()));
    let guard_tripped = Arc::new(AtomicBool::new(false));
    let started = Instant::now();
    let deadline = started + Duration::from_secs(secs);
    let guard = options.max_rss_mb * MB;
    let tasks: Vec<_> = (0..workers)
        .map(|worker| {
            let (client, tally, request) =
                (client.clone(), Arc::clone(&tally), Arc::clone(&request));
            let (memory, guard_tripped) = (Arc::clone(memory), Arc::clone(&guard_tripped));
            tokio::spawn(async move {
                let mut i = worker;
                while Instant::now() < deadline {
                    if memory.over(guard) {
                        guard_tripped.store(true, Ordering::Relaxed);
                        break;
                    }
                    let sent = Instant::now();
                    let outcome = match request(&client, i).send().await {
                        Ok(response) => {
                            let status = response.status().as_u16();
                            response.bytes().await.map(|_| status)
                        }
                        Err(error) => Err(error),
                    };
                    let mut tally = tally
                        .lock()
                        .unwrap_or_else(std::sync::PoisonError::into_inner);
                    match outcome {
                        Ok(status) => {
                            *tally.statuses.entry(status).or_default() += 1;
                            tally.latencies.push(sent.elapsed());
                        }
                        Err(error) if error.is_timeout() => tally.unanswered += 1,
                        Err(error) => *tally.errors.entry(error_kind(&error)).or_default() += 1,
                    }
                    i += workers;
                }
            })
        })
        .collect();
    for task in tasks {
        let _ = task.await;
    }
    let elapsed = started.elapsed();
    let mut tally = std::mem::take(
        &mut *tally
            .lock()
            .unwrap_or_else(std::sync::PoisonError::into_inner),
    );
    let answered: u64 = tally.statuses.values().sum();
    println!(
        "   {} requests in {:.1} s: {}",
        answered + tally.lost(),
        elapsed.as_secs_f64(),
        tally.line()
    );
    println!("   latency of the answered: {}", tally.latency_line());
    if guard_tripped.load(Ordering::Relaxed) {
        println!(
            "   STOPPED EARLY: the demo's RSS passed --max-rss-mb {}",
            options.max_rss_mb
        );
    }
    let peak = match memory.report(Duration::from_secs(2)).await {
        Some((peak, hwm, after)) => {
            println!(
                "   RSS: peak {} during the phase, VmHWM {} so far, {} 2 s after",
                mb(peak),
                mb(hwm),
                mb(after)
            );
            peak
        }
        None => 0,
    };
    (tally, peak)
}

fn login_body() -> &'static str {
    "grant_type=password&username=johndoe&password=secret&scope=me+items"
}

/// What a raw connection saw: the first line the server sent, and when it closed.
struct Closed {
    first_line: Option<String>,
    /// `None`: still open when the cap passed.
    after: Option<Duration>,
}

/// Reads until the server closes the connection (end of stream or reset), for at most `cap`.
async fn wait_for_close(reader: &mut (impl AsyncReadExt + Unpin), cap: Duration) -> Closed {
    let started = Instant::now();
    let mut received = Vec::new();
    let mut buffer = [0u8; 4096];
    let outcome = tokio::time::timeout(cap, async {
        loop {
            match reader.read(&mut buffer).await {
                Ok(0) | Err(_) => break,
                Ok(n) => received.extend_from_slice(&buffer[..n]),
            }
        }
    })
    .await;
    let first_line = received
        .split(|&b| b == b'\r' || b == b'\n')
        .next()
        .filter(|line| !line.is_empty())
        .map(|line| String::from_utf8_lossy(line).into_owned());
    Closed {
        first_line,
        after: outcome.ok().map(|()| started.elapsed()),
    }
}

/// The first line of the server's answer to `request`, sent whole on a fresh connection.
async fn raw_exchange(address: &str, request: Vec<u8>) -> Result<Option<String>, String> {
    let stream = TcpStream::connect(address)
        .await
        .map_err(|error| format!("connect: {error}"))?;
    let (mut reader, mut writer) = stream.into_split();
    // Written by a task of its own: a server that answers before reading everything (413 on
    // Content-Length) may close while we still write.
    let writing = tokio::spawn(async move {
        let _ = writer.write_all(&request).await;
        writer
    });
    let closed = wait_for_close(&mut reader, Duration::from_secs(15)).await;
    drop(writing.await);
    Ok(closed.first_line)
}

fn request_head(content_length: Option<usize>) -> String {
    let length = content_length.map_or_else(
        || "Transfer-Encoding: chunked\r\n".to_owned(),
        |length| format!("Content-Length: {length}\r\n"),
    );
    format!(
        "POST /token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {FORM}\r\n{length}Connection: close\r\n\r\n"
    )
}

/// Two bodies over any sensible size for a login form (64 KiB), one announced by
/// `Content-Length`, one chunked; both should be refused with 413.
async fn oversized_bodies(options: &Options) -> bool {
    println!("\n== oversized bodies: POST /token with 64 KiB");
    let body = format!("{}&pad={}", login_body(), "a".repeat(64 * 1024));
    let mut announced = request_head(Some(body.len())).into_bytes();
    announced.extend_from_slice(body.as_bytes());
    let mut chunked = request_head(None).into_bytes();
    for chunk in body.as_bytes().chunks(8192) {
        chunked.extend_from_slice(format!("{:x}\r\n", chunk.len()).as_bytes());
        chunked.extend_from_slice(chunk);
        chunked.extend_from_slice(b"\r\n");
    }
    chunked.extend_from_slice(b"0\r\n\r\n");
    let mut all_413 = true;
    for (label, request) in [("Content-Length", announced), ("chunked", chunked)] {
        let answer = raw_exchange(&options.address, request).await;
        let line = match &answer {
            Ok(Some(line)) => line.clone(),
            Ok(None) => "closed without an answer".to_owned(),
            Err(error) => error.clone(),
        };
        all_413 &= line.starts_with("HTTP/1.1 413");
        println!("   {label:<15} {line}");
    }
    all_413
}

/// A slow client: connects, writes `head` at once, then `trickle` one byte every `every`, and
/// reports when the server closed the connection.
async fn slow_client(
    address: String,
    head: String,
    trickle: Vec<u8>,
    every: Duration,
    cap: Duration,
) -> Result<Closed, String> {
    let stream = TcpStream::connect(&address)
        .await
        .map_err(|error| format!("connect: {error}"))?;
    let (mut reader, mut writer) = stream.into_split();
    let writing = tokio::spawn(async move {
        if writer.write_all(head.as_bytes()).await.is_err() {
            return writer;
        }
        for byte in trickle {
            tokio::time::sleep(every).await;
            if writer.write_all(&[byte]).await.is_err() {
                break;
            }
        }
        writer
    });
    let closed = wait_for_close(&mut reader, cap).await;
    writing.abort();
    Ok(closed)
}

/// Five slow clients at once; `true` when the server closed every one before the cap.
async fn slow_clients(options: &Options) -> bool {
    let cap = Duration::from_secs(options.slow_cap_secs);
    println!(
        "\n== slow clients: how long until the server closes each (waiting at most {} s)",
        options.slow_cap_secs
    );
    let head = "POST /token HTTP/1.1\r\nHost: 127.0.0.1\r\n".to_owned();
    let full_head = |length: usize| {
        format!(
            "POST /token HTTP/1.1\r\nHost: 127.0.0.1\r\nContent-Type: {FORM}\r\nContent-Length: {length}\r\n\r\n"
        )
    };
    let second = Duration::from_secs(1);
    let cases: Vec<(&str, String, Vec<u8>, Duration)> = vec![
        ("connects, sends nothing", String::new(), Vec::new(), second),
        ("headers never finish", head.clone(), Vec::new(), second),
        (
            "headers, 1 byte a second",
            String::new(),
            format!("{head}{}", "X-Slow: 1\r\n".repeat(20)).into_bytes(),
            second,
        ),
        (
            "body shorter than Content-Length",
            format!("{}username=johndoe", full_head(64)),
            Vec::new(),
            second,
        ),
        (
            "body, 1 byte every 2 seconds",
            full_head(64),
            login_body().as_bytes().to_vec(),
            Duration::from_secs(2),
        ),
    ];
    let tasks: Vec<_> = cases
        .into_iter()
        .map(|(label, head, trickle, every)| {
            let address = options.address.clone();
            (
                label,
                tokio::spawn(slow_client(address, head, trickle, every, cap)),
            )
        })
        .collect();
    let mut all_closed = true;
    for (label, task) in tasks {
        let outcome = task
            .await
            .map_err(|error| error.to_string())
            .and_then(|x| x);
        let line = match outcome {
            Ok(Closed {
                first_line,
                after: Some(after),
            }) => format!(
                "closed after {:.1} s, {}",
                after.as_secs_f64(),
                first_line.map_or_else(
                    || "no answer sent".to_owned(),
                    |line| format!("answered `{line}`")
                )
            ),
            Ok(Closed {
                first_line,
                after: None,
            }) => {
                all_closed = false;
                format!(
                    "STILL OPEN after {} s{}",
                    options.slow_cap_secs,
                    first_line.map_or_else(String::new, |line| format!(" (answered `{line}`)"))
                )
            }
            Err(error) => {
                all_closed = false;
                error
            }
        };
        println!("   {label:<34} {line}");
    }
    all_closed
}

/// Every route in turn, with a token got beforehand (without one, `/users/me` answers 401);
/// the count of requests without an answer.
async fn request_flood(options: &Options, memory: &Arc<Memory>) -> u64 {
    let base = options.base.clone();
    // One token for the authorized route of the request flood; without one it gets 401s.
    let token = reqwest::Client::new()
        .post(format!("{base}/token"))
        .header(CONTENT_TYPE, FORM)
        .body(login_body())
        .send()
        .await
        .ok()
        .filter(|response| response.status().is_success());
    let token = match token {
        Some(response) => response
            .json::<serde_json::Value>()
            .await
            .ok()
            .and_then(|body| body["access_token"].as_str().map(str::to_owned))
            .unwrap_or_default(),
        None => String::new(),
    };
    let mixed: MakeRequest = Arc::new(move |client, i| match i % 4 {
        0 => client
            .get(format!("{base}/users/me"))
            .header(AUTHORIZATION, format!("Bearer {token}")),
        1 => client.get(format!("{base}/status")),
        2 => client.get(format!("{base}/openapi.json")),
        _ => client
            .post(format!("{base}/token"))
            .header(CONTENT_TYPE, FORM)
            .body("username=johndoe&password=wrong"),
    });
    let title =
        "request flood: GET /users/me, /status, /openapi.json, POST /token (bad password) in turn";
    let (tally, _) = flood(
        options,
        memory,
        title,
        options.flood_workers,
        options.flood_secs,
        mixed,
    )
    .await;
    tally.lost()
}

async fn run(options: Options) -> bool {
    let memory = Memory::start(options.pid);
    if let Some(rss) = memory.read("VmRSS:") {
        println!(
            "demo pid {}: RSS {} before the floods",
            options.pid.unwrap_or(0),
            mb(rss)
        );
    }
    let base = options.base.clone();
    let login: MakeRequest = {
        let url = format!("{base}/token");
        Arc::new(move |client, _| {
            client
                .post(&url)
                .header(CONTENT_TYPE, FORM)
                .body(login_body())
        })
    };
    let mut lost = 0;
    let mut first_login_peak = None;
    for &workers in &options.logins {
        let title = "login flood: POST /token as johndoe";
        let (tally, peak) = flood(
            &options,
            &memory,
            title,
            workers,
            options.login_secs,
            Arc::clone(&login),
        )
        .await;
        lost += tally.lost();
        first_login_peak.get_or_insert((workers, peak));
    }

    lost += request_flood(&options, &memory).await;

    let bodies_refused = oversized_bodies(&options).await;
    let slow_closed = slow_clients(&options).await;
    memory.stop.store(true, Ordering::Relaxed);

    println!("\n== targets");
    let mut met = true;
    let mut verdict = |ok: bool, text: String| {
        met &= ok;
        println!("   [{}] {text}", if ok { "met" } else { "MISSED" });
    };
    verdict(
        lost == 0,
        format!("every flood request answered ({lost} without an answer)"),
    );
    if let (Some((workers, peak)), Some(_)) = (first_login_peak, options.pid) {
        verdict(
            peak < options.rss_target_mb * MB,
            format!(
                "peak RSS under {} MB with {workers} concurrent logins ({})",
                options.rss_target_mb,
                mb(peak)
            ),
        );
    }
    verdict(bodies_refused, "oversized bodies answered 413".to_owned());
    verdict(
        slow_closed,
        format!(
            "every slow client cut off within {} s",
            options.slow_cap_secs
        ),
    );
    met
}

fn main() {
    let options = match options() {
        Ok(options) => options,
        Err(error) => {
            eprintln!("error: {error}");
            std::process::exit(2);
        }
    };
    let runtime = match tokio::runtime::Builder::new_multi_thread()
        .enable_all()
        .build()
    {
        Ok(runtime) => runtime,
        Err(error) => {
            eprintln!("error: cannot start the runtime: {error}");
            std::process::exit(2);
        }
    };
    let met = runtime.block_on(run(options));
    std::process::exit(i32::from(!met));
}
