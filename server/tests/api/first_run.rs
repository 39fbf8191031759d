//! A real install: the server starts on an empty database and leaves it empty unless the
//! demo data is asked for (`--demo`); an administrator made by `create-admin` makes the
//! database not empty; and a server reachable from other machines refuses to open while a
//! demo account still has the demo password.

use server::configuration::{DatabaseUrl, Settings};
use server::startup::{Application, StartupError};
use std::io::{BufRead, BufReader};
use std::path::Path;
use std::process::{Child, Command, Stdio};

/// Starts the binary on `db` with `args`, waits until it serves, and gives the process and
/// its address.
fn start(db: &Path, site_root: &Path, args: &[&str]) -> (Child, String) {
    let mut child = Command::new(env!("CARGO_BIN_EXE_exemplar"))
        .args(args)
        .env_remove("EXEMPLAR_DEMO_DATA")
        .env("DATABASE_URL", format!("sqlite://{}", db.display()))
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
        .env("LEPTOS_SITE_ROOT", site_root)
        .stdin(Stdio::null())
        .stdout(Stdio::piped())
        .stderr(Stdio::null())
        .spawn()
        .expect("runs the binary");
    let stdout = child.stdout.take().unwrap();
    let mut lines = BufReader::new(stdout).lines();
    let addr = loop {
        let line = lines
            .next()
            .expect("the server says where it serves before anything else")
            .unwrap();
        if let Some(rest) = line.strip_prefix("Exemplar is serving at ") {
            break rest.trim_end_matches("/board").to_string();
        }
    };
    // Keep reading so that the server never blocks on a full pipe.
    std::thread::spawn(move || for _ in lines {});
    (child, addr)
}

async fn count(db: &Path, table: &str) -> i64 {
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}", db.display()))
        .await
        .unwrap();
    let n: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(format!("SELECT COUNT(*) FROM {table}")))
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    n
}

#[tokio::test]
async fn a_plain_start_leaves_the_database_empty_and_demo_fills_it_only_when_asked() {
    let dir = tempfile::tempdir().unwrap();
    let plain = dir.path().join("plain.db");
    let (mut server, addr) = start(&plain, dir.path(), &[]);
    let login = reqwest::get(format!("{addr}/login")).await.unwrap();
    assert_eq!(
        login.status().as_u16(),
        200,
        "the sign-in page of an empty install"
    );
    server.kill().unwrap();
    server.wait().unwrap();
    assert_eq!(count(&plain, "users").await, 0, "no demo accounts");
    assert_eq!(count(&plain, "blocs").await, 0, "no demo organisation");
    assert_eq!(count(&plain, "nominations").await, 0);

    let demo = dir.path().join("demo.db");
    let (mut server, _) = start(&demo, dir.path(), &["--demo"]);
    server.kill().unwrap();
    server.wait().unwrap();
    assert!(
        count(&demo, "users").await > 0,
        "--demo loads the demo accounts"
    );
    assert!(count(&demo, "nominations").await > 0);
}

#[tokio::test]
async fn an_administrator_alone_makes_the_database_not_empty() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("exemplar.db");
    let made = Command::new(env!("CARGO_BIN_EXE_exemplar"))
        .args(["create-admin", "--username", "quantri"])
        .env("DATABASE_URL", format!("sqlite://{}", db.display()))
        .env("EXEMPLAR_ADMIN_PASSWORD", "một mật khẩu dài đủ")
        .output()
        .unwrap();
    assert!(
        made.status.success(),
        "{}",
        String::from_utf8_lossy(&made.stderr)
    );

    // Even asked for, the demo data never goes into a database that has an account.
    let mut settings = Settings::for_tests(&db, dir.path());
    settings.demo_data = true;
    let app = Application::build(settings).await.unwrap();
    assert!(!app.demo_loaded());
    drop(app);
    assert_eq!(count(&db, "users").await, 1);
    assert_eq!(count(&db, "blocs").await, 0);
}

#[tokio::test]
async fn the_demo_password_is_refused_beyond_this_machine() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("exemplar.db");
    let mut settings = Settings::for_tests(&db, dir.path());
    settings.demo_data = true;
    settings.site_addr = "0.0.0.0:0".parse().unwrap();
    let refused = match Application::build(settings.clone()).await {
        Ok(_) => panic!("a demo password must not be reachable from other machines"),
        Err(e) => e,
    };
    assert!(
        matches!(&refused, StartupError::DemoPasswordExposed { username, .. } if !username.is_empty()),
        "{refused}"
    );
    assert!(refused.to_string().contains("demo password"), "{refused}");

    // On this machine only, the same database opens.
    settings.site_addr = "127.0.0.1:0".parse().unwrap();
    settings.database_url = DatabaseUrl::parse(&format!("sqlite://{}", db.display())).unwrap();
    assert!(Application::build(settings).await.is_ok());
}

#[tokio::test]
async fn the_synthetic_seed_for_benchmarks_fills_an_empty_database_and_serves() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("synthetic.db");
    let seeded = Command::new(env!("CARGO_BIN_EXE_exemplar"))
        .args(["seed", "--nominations", "300"])
        .env("DATABASE_URL", format!("sqlite://{}", db.display()))
        .output()
        .unwrap();
    assert!(
        seeded.status.success(),
        "{}",
        String::from_utf8_lossy(&seeded.stderr)
    );
    assert_eq!(count(&db, "nominations").await, 300);
    assert!(
        count(&db, "campaign_years").await > 0,
        "its campaign's calendar"
    );
    assert!(count(&db, "users").await > 0);
    // Not twice: a database with data is never seeded again.
    let again = Command::new(env!("CARGO_BIN_EXE_exemplar"))
        .args(["seed", "--nominations", "300"])
        .env("DATABASE_URL", format!("sqlite://{}", db.display()))
        .output()
        .unwrap();
    assert!(!again.status.success());
    assert_eq!(count(&db, "nominations").await, 300);
    // It serves: the sign-in page answers.
    let (mut server, addr) = start(&db, dir.path(), &[]);
    let login = reqwest::get(format!("{addr}/login")).await.unwrap();
    assert_eq!(login.status().as_u16(), 200);
    server.kill().unwrap();
    server.wait().unwrap();
}
