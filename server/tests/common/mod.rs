//! Starts the real application on port 0 against a fresh SQLite file, and talks HTTP to it.

#![allow(dead_code)]

use server::configuration::Settings;
use server::startup::Application;
use std::net::SocketAddr;
use std::path::PathBuf;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub struct TestApp {
    pub addr: SocketAddr,
    pub db_path: PathBuf,
    pub client: reqwest::Client,
    stop: Option<oneshot::Sender<()>>,
    handle: Option<JoinHandle<Result<(), server::startup::StartupError>>>,
    pub dir: tempfile::TempDir,
}

impl TestApp {
    pub fn url(&self, path: &str) -> String {
        format!("http://{}{}", self.addr, path)
    }

    pub fn origin(&self) -> String {
        format!("http://{}", self.addr)
    }

    /// Signs in through the real form handler, as a non-browser client.
    pub async fn try_login(&self, username: &str, password: &str) -> reqwest::Response {
        self.client
            .post(self.url("/login"))
            .header("origin", self.origin())
            .form(&[
                ("username", username),
                ("password", password),
                ("next", "/board"),
            ])
            .send()
            .await
            .expect("login request")
    }

    /// Signs in with the demo password; returns the session cookie (`name=value`).
    pub async fn login(&self, username: &str) -> String {
        self.login_with(username, DEMO_PASSWORD).await
    }

    pub async fn login_with(&self, username: &str, password: &str) -> String {
        let resp = self.try_login(username, password).await;
        assert_eq!(resp.status().as_u16(), 204, "{username} signs in");
        session_cookie(&resp).expect("a session cookie")
    }

    pub async fn get_as(&self, cookie: &str, path: &str) -> reqwest::Response {
        self.client
            .get(self.url(path))
            .header("cookie", cookie)
            .send()
            .await
            .expect("request")
    }

    /// Calls a JSON server function (`/api/{endpoint}`) as the holder of `cookie`; returns
    /// the status and the JSON body (Null when there is none).
    pub async fn call(
        &self,
        cookie: &str,
        endpoint: &str,
        body: serde_json::Value,
    ) -> (u16, serde_json::Value) {
        let resp = self
            .client
            .post(self.url(&format!("/api/{endpoint}")))
            .header("origin", self.origin())
            .header("cookie", cookie)
            .json(&body)
            .send()
            .await
            .expect("request");
        let status = resp.status().as_u16();
        (status, resp.json().await.unwrap_or(serde_json::Value::Null))
    }

    pub async fn pool(&self) -> sqlx::SqlitePool {
        let options = sqlx::sqlite::SqliteConnectOptions::new().filename(&self.db_path);
        sqlx::SqlitePool::connect_with(options)
            .await
            .expect("test pool")
    }

    pub async fn get_text(&self, path: &str) -> (u16, String) {
        let resp = self
            .client
            .get(self.url(path))
            .send()
            .await
            .expect("request");
        let status = resp.status().as_u16();
        (status, resp.text().await.expect("body"))
    }

    /// Stops the server gracefully and waits for it.
    pub async fn stop(mut self) -> tempfile::TempDir {
        self.shutdown().await;
        self.dir
    }

    async fn shutdown(&mut self) {
        // Close this client's pooled connections first, as a browser going away would.
        self.client = reqwest::Client::new();
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(());
        }
        if let Some(handle) = self.handle.take() {
            handle.await.expect("server task").expect("clean shutdown");
        }
    }
}

pub const DEMO_PASSWORD: &str = server::seed::demo::DEMO_PASSWORD;

/// The `exemplar_session=…` pair a response sets, if any.
pub fn session_cookie(resp: &reqwest::Response) -> Option<String> {
    resp.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with("exemplar_session=") && !v.starts_with("exemplar_session=;"))
        .and_then(|v| v.split(';').next())
        .map(str::to_string)
}

pub async fn spawn_app() -> TestApp {
    let dir = tempfile::tempdir().expect("tempdir");
    spawn_app_in(dir).await
}

/// Starts the app with its clock fixed at `today` (as `EXEMPLAR_TODAY` does); the demo
/// campaign year is then `today`'s year.
#[allow(dead_code)]
pub async fn spawn_app_at(today: chrono::NaiveDate) -> TestApp {
    let dir = tempfile::tempdir().expect("tempdir");
    start(dir, Some(today)).await
}

/// Starts the app on `dir/exemplar.db` (an existing database is reused).
pub async fn spawn_app_in(dir: tempfile::TempDir) -> TestApp {
    start(dir, None).await
}

async fn start(dir: tempfile::TempDir, today: Option<chrono::NaiveDate>) -> TestApp {
    if std::env::var_os("TEST_LOG").is_some() {
        server::telemetry::init(server::configuration::LogFormat::Pretty);
    }
    let db_path = dir.path().join("exemplar.db");
    let mut settings = Settings::for_tests(&db_path, dir.path());
    settings.today = today;
    let app = Application::build(settings)
        .await
        .expect("application builds");
    let addr = app.addr();
    let (stop, stopped) = oneshot::channel::<()>();
    let handle = tokio::spawn(app.run_until_stopped(async move {
        let _ = stopped.await;
    }));
    TestApp {
        addr,
        db_path,
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            .build()
            .expect("client"),
        stop: Some(stop),
        handle: Some(handle),
        dir,
    }
}
