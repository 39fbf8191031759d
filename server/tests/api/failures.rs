//! Bad settings and failures: a one-line error naming the setting, a non-zero exit, no
//! panic, and nothing lost.

use crate::common;

use std::process::{Command, Output, Stdio};
use std::time::Duration;

fn exemplar(envs: &[(&str, &str)]) -> Output {
    let dir = tempfile::tempdir().unwrap();
    Command::new(env!("CARGO_BIN_EXE_exemplar"))
        .current_dir(dir.path())
        .env_remove("DATABASE_URL")
        .env_remove("LEPTOS_SITE_ADDR")
        .env("LEPTOS_SITE_ADDR", "127.0.0.1:0")
        .env("LEPTOS_SITE_ROOT", dir.path())
        .envs(envs.iter().copied())
        .stdin(Stdio::null())
        .output()
        .expect("runs the binary")
}

fn assert_one_line_error(out: &Output, must_name: &str) {
    assert!(!out.status.success(), "exit status must be non-zero");
    let stderr = String::from_utf8_lossy(&out.stderr);
    let lines: Vec<&str> = stderr.lines().collect();
    assert_eq!(lines.len(), 1, "exactly one line, got: {stderr}");
    assert!(lines[0].starts_with("exemplar: "), "{stderr}");
    assert!(lines[0].contains(must_name), "names {must_name}: {stderr}");
    assert!(!stderr.contains("panicked"), "{stderr}");
}

#[test]
fn malformed_database_url_is_a_one_line_error() {
    let out = exemplar(&[("DATABASE_URL", "mysql://localhost/exemplar")]);
    assert_one_line_error(&out, "DATABASE_URL");
}

#[test]
fn unwritable_database_path_is_a_one_line_error() {
    let out = exemplar(&[("DATABASE_URL", "sqlite:///proc/exemplar/nope.db")]);
    assert_one_line_error(&out, "DATABASE_URL");
}

#[test]
fn unwritable_files_directory_and_bad_file_limits_are_one_line_errors() {
    let out = exemplar(&[
        ("DATABASE_URL", "sqlite://exemplar.db"),
        ("EXEMPLAR_FILES_DIR", "/proc/exemplar-files"),
    ]);
    assert_one_line_error(&out, "EXEMPLAR_FILES_DIR");
    let out = exemplar(&[("EXEMPLAR_MAX_FILE_MB", "0")]);
    assert_one_line_error(&out, "EXEMPLAR_MAX_FILE_MB");
    let out = exemplar(&[
        ("EXEMPLAR_MAX_FILE_MB", "20"),
        ("EXEMPLAR_MAX_DOSSIER_MB", "10"),
    ]);
    assert_one_line_error(&out, "EXEMPLAR_MAX_DOSSIER_MB");
}

#[test]
fn unreachable_or_missing_postgres_database_is_a_one_line_error() {
    // Nothing listens on port 1.
    let out = exemplar(&[("DATABASE_URL", "postgres://postgres@127.0.0.1:1/exemplar")]);
    assert_one_line_error(&out, "DATABASE_URL");
    // The server answers, the database does not exist.
    let admin = common::postgres_admin_url();
    let base = admin.rsplit_once('/').unwrap().0;
    let missing = format!("{base}/exemplar_no_such_database_{}", std::process::id());
    let out = exemplar(&[("DATABASE_URL", &missing)]);
    assert_one_line_error(&out, "DATABASE_URL");
    let stderr = String::from_utf8_lossy(&out.stderr);
    assert!(stderr.contains("does not exist"), "{stderr}");
}

#[test]
fn port_in_use_is_a_one_line_error() {
    let taken = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
    let addr = taken.local_addr().unwrap().to_string();
    let dir = tempfile::tempdir().unwrap();
    let db = format!("sqlite://{}/x.db", dir.path().display());
    let out = exemplar(&[("LEPTOS_SITE_ADDR", &addr), ("DATABASE_URL", &db)]);
    assert_one_line_error(&out, "LEPTOS_SITE_ADDR");
}

#[test]
fn malformed_address_is_a_one_line_error() {
    let out = exemplar(&[("LEPTOS_SITE_ADDR", "port three thousand")]);
    assert_one_line_error(&out, "LEPTOS_SITE_ADDR");
}

#[tokio::test]
async fn a_failed_migration_leaves_the_database_as_it_was() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("exemplar.db");
    let url = format!("sqlite://{}?mode=rwc", path.display());
    // Somebody's existing database, whose `units` table clashes with the first migration.
    let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
    sqlx::query("CREATE TABLE units (id INTEGER PRIMARY KEY, note TEXT)")
        .execute(&pool)
        .await
        .unwrap();
    sqlx::query("INSERT INTO units (note) VALUES ('keep me')")
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;

    let settings = server::configuration::Settings::for_tests(&path, dir.path());
    let err = match server::startup::Application::build(settings).await {
        Ok(_) => panic!("the migration must fail"),
        Err(e) => e.to_string(),
    };
    assert!(err.contains("migration"), "{err}");

    let pool = sqlx::SqlitePool::connect(&url).await.unwrap();
    let note: String = sqlx::query_scalar("SELECT note FROM units")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(note, "keep me");
    let half_applied: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM sqlite_master WHERE name IN ('blocs', 'nominations')",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(half_applied, 0, "no table of the failed migration remains");
}

#[test]
fn sigterm_stops_the_server_cleanly() {
    let dir = tempfile::tempdir().unwrap();
    let port = {
        let l = std::net::TcpListener::bind("127.0.0.1:0").unwrap();
        l.local_addr().unwrap().port()
    };
    let mut child = Command::new(env!("CARGO_BIN_EXE_exemplar"))
        .current_dir(dir.path())
        .env("DATABASE_URL", "sqlite://exemplar.db")
        .env("LEPTOS_SITE_ADDR", format!("127.0.0.1:{port}"))
        .env("LEPTOS_SITE_ROOT", dir.path())
        .stdout(Stdio::null())
        .stderr(Stdio::null())
        .spawn()
        .unwrap();
    let healthy = (0..200).any(|_| {
        std::thread::sleep(Duration::from_millis(100));
        std::net::TcpStream::connect(("127.0.0.1", port)).is_ok()
    });
    assert!(healthy, "server came up");
    let killed = Command::new("kill")
        .args(["-TERM", &child.id().to_string()])
        .status()
        .unwrap();
    assert!(killed.success());
    let status = (0..100)
        .find_map(|_| {
            std::thread::sleep(Duration::from_millis(100));
            child.try_wait().unwrap()
        })
        .expect("server exits within 10 s of SIGTERM");
    assert!(status.success(), "clean exit after SIGTERM: {status}");
    assert!(dir.path().join("exemplar.db").exists());
}
