//! End to end in a real browser: headless Chromium, driven over `WebDriver` (`fantoccini`)
//! through a `chromedriver` this test starts on a loopback port, uses Swagger UI at `/docs`
//! the way a person would: Authorize → password flow with scopes → Authorize, then
//! "Try it out" → Execute on `GET /users/me`, and expects a 200 with the user.
//!
//! Needs Debian's `chromium` and `chromium-driver` (`.ci/run` installs them). Without them the
//! test fails when `CI=true` and is skipped with a notice otherwise. Screenshots go to
//! `target/e2e/` (`authorize.png`: the filled Authorize dialog; `failure.png` when a step
//! times out).

mod support;

use std::net::{Ipv4Addr, TcpListener};
use std::path::{Path, PathBuf};
use std::process::Stdio;
use std::time::{Duration, Instant, SystemTime, UNIX_EPOCH};

use fantoccini::elements::Element;
use fantoccini::{Client, ClientBuilder, Locator};
use serde_json::json;
use support::{Server, artifacts_dir, client};
use tokio::process::{Child, Command};

/// The longest any one step may take.
const STEP: Duration = Duration::from_secs(30);

/// The first of `candidates` that exists, else the command found on `PATH`.
fn find_program(candidates: &[&str], command: &str) -> Option<PathBuf> {
    candidates
        .iter()
        .map(PathBuf::from)
        .find(|path| path.is_file())
        .or_else(|| {
            std::env::var_os("PATH").and_then(|paths| {
                std::env::split_paths(&paths)
                    .map(|dir| dir.join(command))
                    .find(|path| path.is_file())
            })
        })
}

/// A free loopback port (the OS picks; released right before chromedriver binds it).
fn free_port() -> u16 {
    TcpListener::bind((Ipv4Addr::LOCALHOST, 0))
        .and_then(|listener| listener.local_addr())
        .map(|address| address.port())
        .expect("a free loopback port")
}

/// A chromedriver listening on 127.0.0.1, killed on drop.
struct Driver {
    _child: Child,
    url: String,
}

impl Driver {
    async fn start(chromedriver: &Path) -> Self {
        let port = free_port();
        let child = Command::new(chromedriver)
            .arg(format!("--port={port}"))
            .arg("--allowed-ips=127.0.0.1")
            .arg("--allowed-origins=http://127.0.0.1")
            .stdin(Stdio::null())
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .kill_on_drop(true)
            .spawn()
            .expect("cannot start chromedriver");
        let url = format!("http://127.0.0.1:{port}");
        let deadline = Instant::now() + STEP;
        let http = client();
        loop {
            if let Ok(response) = http.get(format!("{url}/status")).send().await
                && let Ok(status) = response.json::<serde_json::Value>().await
                && status["value"]["ready"] == true
            {
                break;
            }
            assert!(
                Instant::now() < deadline,
                "chromedriver did not become ready at {url}"
            );
            tokio::time::sleep(Duration::from_millis(100)).await;
        }
        Self { _child: child, url }
    }
}

/// A fresh, empty Chromium profile folder, removed on drop.
struct Profile(PathBuf);

impl Profile {
    fn new() -> Self {
        let nanos = SystemTime::now()
            .duration_since(UNIX_EPOCH)
            .map_or(0, |since| since.as_nanos());
        let dir = std::env::temp_dir().join(format!(
            "authscheme-e2e-chromium-{}-{nanos}",
            std::process::id()
        ));
        std::fs::create_dir_all(&dir).expect("a profile folder");
        Self(dir)
    }
}

impl Drop for Profile {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.0);
    }
}

/// Waits for the element matching `css` to be present and displayed.
async fn visible(browser: &Client, css: &str) -> Element {
    let deadline = Instant::now() + STEP;
    loop {
        if let Ok(element) = browser.find(Locator::Css(css)).await
            && element.is_displayed().await.unwrap_or(false)
        {
            return element;
        }
        assert!(
            Instant::now() < deadline,
            "`{css}` did not show up within {STEP:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

/// Waits until the text of the element matching `css` satisfies `done`; returns the text.
async fn text_until(browser: &Client, css: &str, done: impl Fn(&str) -> bool) -> String {
    let deadline = Instant::now() + STEP;
    let mut last = String::new();
    loop {
        if let Ok(element) = browser.find(Locator::Css(css)).await
            && let Ok(text) = element.text().await
        {
            if done(&text) {
                return text;
            }
            last = text;
        }
        assert!(
            Instant::now() < deadline,
            "`{css}` never had the expected text within {STEP:?}; last: {last:?}"
        );
        tokio::time::sleep(Duration::from_millis(100)).await;
    }
}

async fn save_screenshot(browser: &Client, name: &str) -> PathBuf {
    let path = artifacts_dir().join(name);
    let png = browser.screenshot().await.expect("a screenshot");
    std::fs::write(&path, png).expect("writing the screenshot");
    path
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn swagger_ui_password_flow_then_try_it_out() {
    let chromium = find_program(
        &["/usr/bin/chromium", "/usr/bin/chromium-browser"],
        "chromium",
    );
    let chromedriver = find_program(&["/usr/bin/chromedriver"], "chromedriver");
    let (Some(chromium), Some(chromedriver)) = (chromium, chromedriver) else {
        let message = "chromium and chromedriver are needed for the browser test \
                       (apt-get install -y chromium chromium-driver)";
        assert!(std::env::var("CI").as_deref() != Ok("true"), "{message}");
        println!("skipped: {message}");
        return;
    };

    let started = Instant::now();
    let server = Server::start().await;
    let driver = Driver::start(&chromedriver).await;
    let profile = Profile::new();
    let mut capabilities = serde_json::Map::new();
    capabilities.insert(
        "goog:chromeOptions".to_owned(),
        json!({
            "binary": chromium,
            "args": [
                "--headless",
                "--no-sandbox",
                "--disable-gpu",
                "--disable-quic",
                "--no-first-run",
                "--disable-background-networking",
                "--disable-component-update",
                "--disable-sync",
                "--disable-dev-shm-usage",
                "--window-size=1280,1000",
                format!("--user-data-dir={}", profile.0.display()),
            ]
        }),
    );
    let browser = ClientBuilder::new(hyper_util::client::legacy::connect::HttpConnector::new())
        .capabilities(capabilities)
        .connect(&driver.url)
        .await
        .expect("a WebDriver session with headless Chromium");

    // The steps run in their own task, so that a failed step (a panic) still leaves us the
    // browser to take a screenshot of.
    let steps = tokio::spawn(drive(browser.clone(), server.url("/docs/")));
    let outcome = steps.await;
    if outcome.is_err() {
        let path = save_screenshot(&browser, "failure.png").await;
        eprintln!("screenshot of the failure: {}", path.display());
        let requests = browser
            .execute(
                "return performance.getEntriesByType('resource').map(e => e.initiatorType + ' ' + e.name + ' ' + (e.responseStatus || ''))",
                Vec::new(),
            )
            .await;
        eprintln!("requests the page made: {requests:#?}");
    }
    let _ = browser.close().await;
    server.stop().await;
    drop(driver);
    println!("browser test took {:.1?}", started.elapsed());
    if let Err(error) = outcome {
        match error.try_into_panic() {
            Ok(panic) => std::panic::resume_unwind(panic),
            Err(error) => panic!("the browser steps did not finish: {error}"),
        }
    }
}

/// What a person does in Swagger UI at `docs`; panics on the first step that fails.
async fn drive(browser: Client, docs: String) {
    let browser = &browser;
    {
        browser.goto(&docs).await.expect("opening /docs/");

        // Authorize → the OAuth2 password flow of `OAuth2PasswordBearer`.
        visible(browser, "button.btn.authorize")
            .await
            .click()
            .await
            .expect("clicking Authorize");
        visible(browser, ".dialog-ux .modal-ux").await;
        visible(browser, "#oauth_username")
            .await
            .send_keys("johndoe")
            .await
            .expect("typing the username");
        visible(browser, "#oauth_password")
            .await
            .send_keys("secret")
            .await
            .expect("typing the password");
        for scope in ["me", "items"] {
            // The checkbox itself is hidden; its label is what a person clicks.
            let checkbox = browser
                .find(Locator::Css(&format!(
                    ".modal-ux input[type=checkbox][data-value=\"{scope}\"]"
                )))
                .await
                .unwrap_or_else(|_| panic!("no checkbox for scope `{scope}`"));
            let id = checkbox
                .attr("id")
                .await
                .ok()
                .flatten()
                .expect("the checkbox has an id");
            visible(browser, &format!(".modal-ux label[for=\"{id}\"]"))
                .await
                .click()
                .await
                .expect("ticking a scope");
            assert!(
                checkbox.is_selected().await.unwrap_or(false),
                "scope `{scope}` is not ticked"
            );
        }
        let shot = save_screenshot(browser, "authorize.png").await;
        println!("Authorize dialog: {}", shot.display());
        visible(browser, ".modal-ux .auth-btn-wrapper button.authorize")
            .await
            .click()
            .await
            .expect("clicking the dialog's Authorize");
        // Swagger UI posts to `token` and, on success, offers to log out.
        text_until(browser, ".modal-ux .auth-btn-wrapper", |text| {
            text.contains("Logout")
        })
        .await;
        save_screenshot(browser, "authorized.png").await;
        visible(browser, ".modal-ux button.btn-done")
            .await
            .click()
            .await
            .expect("closing the dialog");

        // GET /users/me → Try it out → Execute.
        let operation = "#operations-default-read_users_me";
        visible(browser, &format!("{operation} .opblock-summary-control"))
            .await
            .click()
            .await
            .expect("opening GET /users/me");
        visible(browser, &format!("{operation} .try-out__btn"))
            .await
            .click()
            .await
            .expect("clicking Try it out");
        visible(browser, &format!("{operation} button.execute"))
            .await
            .click()
            .await
            .expect("clicking Execute");
        let status = text_until(
            browser,
            &format!("{operation} .live-responses-table .response .response-col_status"),
            |text| !text.trim().is_empty(),
        )
        .await;
        let body = text_until(
            browser,
            &format!("{operation} .live-responses-table .response-col_description pre"),
            |text| !text.trim().is_empty(),
        )
        .await;
        save_screenshot(browser, "users-me.png").await;
        assert_eq!(
            status.trim(),
            "200",
            "Execute on /users/me answered: {body}"
        );
        assert!(
            body.contains("\"username\": \"johndoe\""),
            "unexpected body: {body}"
        );
    }
}
