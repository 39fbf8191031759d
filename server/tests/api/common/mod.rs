//! Starts the real application on port 0 against a fresh database, and talks HTTP to it.
//!
//! The suites run on the backend `EXEMPLAR_TEST_BACKEND` names: `sqlite` (the default; a
//! file in a temporary directory) or `postgres` (a database with a fresh name on the server
//! `EXEMPLAR_TEST_POSTGRES` names, by default 127.0.0.1:5432, dropped afterwards).
//! `cargo xtask test` runs them on both. PostgreSQL unreachable is a failure, never a skip.

#![allow(dead_code)]

use leptos::server_fn::codec::{Json, PostUrl};
use leptos::server_fn::{Http, ServerFn};
use serde::Serialize;
use server::configuration::Settings;
use server::startup::Application;
use std::net::SocketAddr;
use std::path::PathBuf;
use tokio::sync::oneshot;
use tokio::task::JoinHandle;

pub mod board;

/// The database behind a test.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Backend {
    Sqlite,
    Postgres,
}

impl Backend {
    /// The backend the suites run on (`EXEMPLAR_TEST_BACKEND`, SQLite by default).
    pub fn under_test() -> Backend {
        match std::env::var("EXEMPLAR_TEST_BACKEND").as_deref() {
            Err(_) | Ok("") | Ok("sqlite") => Backend::Sqlite,
            Ok("postgres") => Backend::Postgres,
            Ok(other) => panic!("EXEMPLAR_TEST_BACKEND={other:?}: expected sqlite or postgres"),
        }
    }
}

/// A test's database: a SQLite file, or a PostgreSQL database with a fresh name that is
/// dropped when this is.
pub struct TestDb {
    pub url: String,
    pub backend: Backend,
    postgres: Option<(String, String)>,
}

/// The PostgreSQL server the tests create their databases on.
pub fn postgres_admin_url() -> String {
    std::env::var("EXEMPLAR_TEST_POSTGRES")
        .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into())
}

impl TestDb {
    pub fn sqlite(path: &std::path::Path) -> TestDb {
        TestDb {
            url: format!("sqlite://{}", path.display()),
            backend: Backend::Sqlite,
            postgres: None,
        }
    }

    /// A fresh, empty PostgreSQL database.
    pub async fn postgres() -> TestDb {
        use sqlx::Connection;
        static COUNTER: std::sync::atomic::AtomicU64 = std::sync::atomic::AtomicU64::new(0);
        let admin_url = postgres_admin_url();
        let mut admin = sqlx::PgConnection::connect(&admin_url)
            .await
            .unwrap_or_else(|e| {
                panic!(
                    "PostgreSQL is not reachable at {admin_url}: {e}. The PostgreSQL tests \
                     need it (start it, or set EXEMPLAR_TEST_POSTGRES); they are never skipped."
                )
            });
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let n = COUNTER.fetch_add(1, std::sync::atomic::Ordering::Relaxed);
        let name = format!("exemplar_test_{}_{nanos}_{n}", std::process::id());
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&mut admin)
            .await
            .expect("create the test database");
        let _ = admin.close().await;
        let base = admin_url.rsplit_once('/').map(|(b, _)| b).unwrap();
        TestDb {
            url: format!("{base}/{name}"),
            backend: Backend::Postgres,
            postgres: Some((admin_url, name)),
        }
    }

    /// The same database, for another instance: not dropped with this handle.
    pub fn shared(&self) -> TestDb {
        TestDb {
            url: self.url.clone(),
            backend: self.backend,
            postgres: None,
        }
    }

    /// A connection pool on the database, for checking what the server stored. SQL written
    /// for both backends (`$1` placeholders).
    pub async fn pool(&self) -> sqlx::AnyPool {
        sqlx::any::install_default_drivers();
        sqlx::AnyPool::connect(&self.url).await.expect("test pool")
    }
}

impl Drop for TestDb {
    fn drop(&mut self) {
        let Some((admin_url, name)) = self.postgres.take() else {
            return;
        };
        // Drop runs inside the test's runtime: drop the database from a thread of its own.
        let dropped = std::thread::spawn(move || {
            let rt = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .expect("runtime");
            rt.block_on(async move {
                use sqlx::Connection;
                let mut admin = sqlx::PgConnection::connect(&admin_url).await?;
                sqlx::query(sqlx::AssertSqlSafe(format!(
                    "DROP DATABASE IF EXISTS {name} WITH (FORCE)"
                )))
                .execute(&mut admin)
                .await?;
                admin.close().await
            })
        })
        .join();
        if !matches!(dropped, Ok(Ok(()))) {
            eprintln!("could not drop a test database: {dropped:?}");
        }
    }
}

/// A stopped app: its directory and database, to start it again on them.
pub struct Stopped {
    pub dir: tempfile::TempDir,
    pub db: TestDb,
}

pub struct TestApp {
    pub addr: SocketAddr,
    /// The SQLite file (SQLite only).
    pub db_path: PathBuf,
    pub db: TestDb,
    pub client: reqwest::Client,
    stop: Option<oneshot::Sender<()>>,
    handle: Option<JoinHandle<Result<(), server::startup::StartupError>>>,
    pub dir: tempfile::TempDir,
}

impl TestApp {
    /// The audit key the server made at its start (beside the SQLite file; in the test's
    /// directory for PostgreSQL).
    pub fn audit_key(&self) -> server::audit::ChainKey {
        audit_key_in(self.dir.path())
    }

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

    /// A call of the server function `F` with the arguments `args` as the holder of
    /// `cookie`, from this site (a same-origin POST to `F::PATH`, the arguments encoded as
    /// the function declares), for the caller to add headers and send.
    pub fn request_fn<F>(&self, cookie: &str, args: &F) -> reqwest::RequestBuilder
    where
        F: ServerFn + Serialize,
        F::Protocol: Encoding,
    {
        let request = self
            .client
            .post(self.url(F::PATH))
            .header("origin", self.origin())
            .header("cookie", cookie);
        encode(request, args)
    }

    /// Calls the server function `F` with the arguments `args` as the holder of `cookie`;
    /// returns the status and the JSON body (Null when there is none).
    pub async fn call_fn<F>(&self, cookie: &str, args: F) -> (u16, serde_json::Value)
    where
        F: ServerFn + Serialize,
        F::Protocol: Encoding,
    {
        let resp = self
            .request_fn(cookie, &args)
            .send()
            .await
            .expect("request");
        let status = resp.status().as_u16();
        (status, resp.json().await.unwrap_or(serde_json::Value::Null))
    }

    pub async fn pool(&self) -> sqlx::AnyPool {
        self.db.pool().await
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
    pub async fn stop(mut self) -> Stopped {
        self.shutdown().await;
        Stopped {
            dir: self.dir,
            db: self.db,
        }
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

/// How a server function's arguments travel in the request body, as its `#[server]`
/// attribute declares: JSON (`input = Json`), or Leptos's default, a URL-encoded form.
pub trait Encoding {
    fn encode<T: Serialize>(request: reqwest::RequestBuilder, args: &T) -> reqwest::RequestBuilder;
}

impl Encoding for Http<Json, Json> {
    fn encode<T: Serialize>(request: reqwest::RequestBuilder, args: &T) -> reqwest::RequestBuilder {
        request.json(args)
    }
}

impl Encoding for Http<PostUrl, Json> {
    fn encode<T: Serialize>(request: reqwest::RequestBuilder, args: &T) -> reqwest::RequestBuilder {
        request.form(args)
    }
}

/// `request` with the arguments of a call of the server function `F` as its body.
pub fn encode<F>(request: reqwest::RequestBuilder, args: &F) -> reqwest::RequestBuilder
where
    F: ServerFn + Serialize,
    F::Protocol: Encoding,
{
    <F::Protocol as Encoding>::encode(request, args)
}

pub const DEMO_PASSWORD: &str = server::seed::demo::DEMO_PASSWORD;

/// The `exemplar_session=…` pair a response sets, if any.
pub fn session_cookie(resp: &reqwest::Response) -> Option<String> {
    named_cookie(resp, "exemplar_session")
}

/// The `name=…` pair a response sets (not a clearing one), if any.
pub fn named_cookie(resp: &reqwest::Response, name: &str) -> Option<String> {
    let prefix = format!("{name}=");
    resp.headers()
        .get_all("set-cookie")
        .iter()
        .filter_map(|v| v.to_str().ok())
        .find(|v| v.starts_with(&prefix) && !v.starts_with(&format!("{name}=;")))
        .and_then(|v| v.split(';').next())
        .map(str::to_string)
}

pub async fn spawn_app() -> TestApp {
    start(fresh(Backend::under_test()).await, None).await
}

/// Starts the app with its clock fixed at `today` (as `EXEMPLAR_TODAY` does); the demo
/// campaign year is then `today`'s year.
pub async fn spawn_app_at(today: chrono::NaiveDate) -> TestApp {
    start(fresh(Backend::under_test()).await, Some(today)).await
}

/// [`spawn_app_at`] on a given backend.
pub async fn spawn_app_on(backend: Backend, today: chrono::NaiveDate) -> TestApp {
    start(fresh(backend).await, Some(today)).await
}

/// Starts another instance of the app on `app`'s database (PostgreSQL: several instances
/// serve the same users), with its clock fixed at `today`.
pub async fn spawn_instance_of(app: &TestApp, today: chrono::NaiveDate) -> TestApp {
    let dir = tempfile::tempdir().expect("tempdir");
    // Every instance reads the same audit key.
    std::fs::copy(
        app.dir.path().join("audit.key"),
        dir.path().join("audit.key"),
    )
    .expect("the first instance's audit key");
    start(
        Stopped {
            dir,
            db: app.db.shared(),
        },
        Some(today),
    )
    .await
}

/// The audit key kept in a test's directory.
pub fn audit_key_in(dir: &std::path::Path) -> server::audit::ChainKey {
    server::audit::ChainKey::read(&dir.join("audit.key"))
        .expect("a readable audit key")
        .expect("the server made its audit key at its start")
}

/// Starts the app again on a stopped one's database.
pub async fn spawn_app_in(stopped: Stopped) -> TestApp {
    start(stopped, None).await
}

/// A fresh, empty database on `backend` and a directory beside it.
pub async fn fresh(backend: Backend) -> Stopped {
    let dir = tempfile::tempdir().expect("tempdir");
    let db = match backend {
        Backend::Sqlite => TestDb::sqlite(&dir.path().join("exemplar.db")),
        Backend::Postgres => TestDb::postgres().await,
    };
    Stopped { dir, db }
}

/// Starts the app on a database and directory, its clock fixed at `today` if given.
pub async fn start(stopped: Stopped, today: Option<chrono::NaiveDate>) -> TestApp {
    start_with(stopped, today, |_| {}).await
}

/// [`spawn_app`] with its settings changed by `configure` first.
pub async fn spawn_app_with(configure: impl FnOnce(&mut Settings)) -> TestApp {
    start_with(fresh(Backend::under_test()).await, None, configure).await
}

/// [`start`], with the settings changed by `configure` first.
pub async fn start_with(
    stopped: Stopped,
    today: Option<chrono::NaiveDate>,
    configure: impl FnOnce(&mut Settings),
) -> TestApp {
    let Stopped { dir, db } = stopped;
    if std::env::var_os("TEST_LOG").is_some() {
        server::telemetry::init(server::configuration::LogFormat::Pretty);
    }
    let db_path = dir.path().join("exemplar.db");
    let mut settings = Settings::for_tests(&db_path, dir.path());
    settings.database_url =
        server::configuration::DatabaseUrl::parse(&db.url).expect("a database URL");
    settings.today = today;
    configure(&mut settings);
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
        db,
        client: reqwest::Client::builder()
            .redirect(reqwest::redirect::Policy::none())
            // The server closes a connection idle for its header timeout (30 s): forget
            // pooled connections before that, as browsers cope with by retrying.
            .pool_idle_timeout(std::time::Duration::from_secs(10))
            .build()
            .expect("client"),
        stop: Some(stop),
        handle: Some(handle),
        dir,
    }
}

/// One number the database answers `sql` with (a count, an id).
pub async fn count(app: &TestApp, sql: &str) -> i64 {
    let pool = app.pool().await;
    let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_string()))
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    n
}

/// The unit an account belongs to.
pub async fn unit_of(app: &TestApp, username: &str) -> i64 {
    let pool = app.pool().await;
    let id: i64 = sqlx::query_scalar("SELECT unit_id FROM users WHERE username = $1")
        .bind(username)
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    id
}
