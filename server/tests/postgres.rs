//! PostgreSQL (issue 9, first part): the schema migrates, and a whole SQLite database —
//! the demo data after some work on it — is copied into an empty PostgreSQL database and
//! verified (row counts, the audit chain); a second copy into the same database is
//! refused; the audit history stays append-only there.
//!
//! These tests need the PostgreSQL server on 127.0.0.1:5432 (or `EXEMPLAR_TEST_POSTGRES`,
//! a URL of a database the tests may create databases from). Each test creates a fresh
//! database with a random name and drops it afterwards. When PostgreSQL is not reachable
//! they fail, loudly: they are never skipped.

mod common;

use chrono::NaiveDate;
use common::spawn_app_at;
use serde_json::json;
use server::audit::{verify_chain, ChainReport};
use server::db::copy::{postgres_audit_rows, sqlite_to_postgres, TABLES};
use server::db::DbError;
use sqlx::postgres::PgPool;

/// A fresh, empty database on the test PostgreSQL server, dropped by [`FreshDb::drop`].
struct FreshDb {
    admin: PgPool,
    name: String,
    url: String,
}

impl FreshDb {
    async fn create() -> FreshDb {
        let admin_url = std::env::var("EXEMPLAR_TEST_POSTGRES")
            .unwrap_or_else(|_| "postgres://postgres@127.0.0.1:5432/postgres".into());
        let admin = PgPool::connect(&admin_url).await.unwrap_or_else(|e| {
            panic!(
                "PostgreSQL is not reachable at {admin_url}: {e}. The PostgreSQL tests need it \
                 (start it, or set EXEMPLAR_TEST_POSTGRES); they are never skipped."
            )
        });
        let nanos = std::time::SystemTime::now()
            .duration_since(std::time::UNIX_EPOCH)
            .unwrap()
            .as_nanos();
        let name = format!("exemplar_test_{}_{nanos}", std::process::id());
        sqlx::query(sqlx::AssertSqlSafe(format!("CREATE DATABASE {name}")))
            .execute(&admin)
            .await
            .expect("create the test database");
        let base = admin_url
            .rsplit_once('/')
            .map(|(b, _)| b.to_string())
            .unwrap();
        FreshDb {
            admin,
            url: format!("{base}/{name}"),
            name,
        }
    }

    async fn drop(self) {
        sqlx::query(sqlx::AssertSqlSafe(format!(
            "DROP DATABASE IF EXISTS {} WITH (FORCE)",
            self.name
        )))
        .execute(&self.admin)
        .await
        .expect("drop the test database");
        self.admin.close().await;
    }
}

#[tokio::test]
async fn the_demo_database_is_copied_into_postgres_with_its_history_verified() {
    // Some work on the demo data first, so that the event log and the audit history hold
    // more than the load: a move, and a bloc review's draft.
    let app = spawn_app_at(NaiveDate::from_ymd_opt(2026, 10, 15).unwrap()).await;
    let office = app.login("office").await;
    let pool = app.pool().await;
    let (id, version): (i64, i64) = sqlx::query_as(
        "SELECT id, version FROM nominations WHERE stage = 'discovered' ORDER BY id LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    let request = json!({ "id": id, "version": version, "to": "dropped", "place": "top",
        "reason": "Không đủ điều kiện", "undo_of": null });
    let (status, body) = app
        .call(&office, "board/move", json!({ "request": request }))
        .await;
    assert_eq!(status, 200, "{body}");
    let bloc = app.login("bloc1").await;
    let (status, body) = app
        .call(
            &bloc,
            "reviews/save",
            json!({ "bloc_id": 1, "year": 2026, "version": 0, "submit": false,
                "draft": { "assessment": "Khối hoàn thành tốt", "comments": {} } }),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let db_path = app.db_path.clone();
    let dir = app.stop().await;

    let options = sqlx::sqlite::SqliteConnectOptions::new().filename(&db_path);
    let source = sqlx::SqlitePool::connect_with(options).await.unwrap();
    let target = FreshDb::create().await;

    let report = sqlite_to_postgres(&source, &target.url)
        .await
        .expect("the copy succeeds");
    // Every table, as many rows as in SQLite (counted here, independently of the copy).
    assert_eq!(report.tables.len(), TABLES.len());
    let pg = PgPool::connect(&target.url).await.unwrap();
    for table in TABLES {
        let sql = format!("SELECT COUNT(*) FROM {table}");
        let here: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.clone()))
            .fetch_one(&source)
            .await
            .unwrap();
        let there: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql))
            .fetch_one(&pg)
            .await
            .unwrap();
        assert_eq!(here, there, "{table}");
    }
    let nominations: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM nominations")
        .fetch_one(&pg)
        .await
        .unwrap();
    assert!(nominations >= 50, "the demo's nominations are there");
    // The values survive, Vietnamese text and booleans included.
    let (stage, reason_kept, active): (String, bool, bool) = sqlx::query_as(
        "SELECT n.stage, n.dropped_from = 'discovered',
                (SELECT active FROM users WHERE username = 'office')
         FROM nominations n WHERE n.id = $1",
    )
    .bind(id)
    .fetch_one(&pg)
    .await
    .unwrap();
    assert_eq!(
        (stage.as_str(), reason_kept, active),
        ("dropped", true, true)
    );
    let assessment: String =
        sqlx::query_scalar("SELECT assessment FROM bloc_reviews WHERE bloc_id = 1")
            .fetch_one(&pg)
            .await
            .unwrap();
    assert_eq!(assessment, "Khối hoàn thành tốt");

    // The audit chain is intact there and ends where the original does.
    let rows = postgres_audit_rows(&pg).await.unwrap();
    let original: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log")
        .fetch_one(&source)
        .await
        .unwrap();
    assert_eq!(
        verify_chain(&rows),
        ChainReport::Intact {
            rows: original as usize
        }
    );
    let last: String = sqlx::query_scalar("SELECT hash FROM audit_log ORDER BY id DESC LIMIT 1")
        .fetch_one(&source)
        .await
        .unwrap();
    assert_eq!(report.last_hash.as_deref(), Some(last.as_str()));
    assert_eq!(report.audit_rows, original as usize);

    // Ids continue after the copied ones; the history stays append-only.
    let (next, max): (i64, i64) = sqlx::query_as(
        "SELECT nextval(pg_get_serial_sequence('events', 'id')), (SELECT MAX(id) FROM events)",
    )
    .fetch_one(&pg)
    .await
    .unwrap();
    assert!(next > max, "{next} after {max}");
    let edited = sqlx::query("UPDATE audit_log SET actor_name = 'someone else'")
        .execute(&pg)
        .await;
    assert!(edited.is_err(), "the audit history cannot be edited");
    let removed = sqlx::query("DELETE FROM events").execute(&pg).await;
    assert!(removed.is_err(), "the event log cannot be emptied");
    pg.close().await;

    // Only into an empty database.
    match sqlite_to_postgres(&source, &target.url).await {
        Err(DbError::Refused(message)) => assert!(message.contains("not empty"), "{message}"),
        other => panic!("a second copy must be refused, got {other:?}"),
    }
    source.close().await;
    target.drop().await;
    drop(dir);
}

#[tokio::test]
async fn a_database_with_a_table_the_copy_does_not_know_is_refused() {
    let dir = tempfile::tempdir().unwrap();
    let options = sqlx::sqlite::SqliteConnectOptions::new()
        .filename(dir.path().join("x.db"))
        .create_if_missing(true);
    let source = sqlx::SqlitePool::connect_with(options).await.unwrap();
    sqlx::query("CREATE TABLE notes (id INTEGER PRIMARY KEY, text TEXT)")
        .execute(&source)
        .await
        .unwrap();
    let target = FreshDb::create().await;
    match sqlite_to_postgres(&source, &target.url).await {
        Err(DbError::Refused(message)) => assert!(message.contains("notes"), "{message}"),
        other => panic!("an unknown table must stop the copy, got {other:?}"),
    }
    source.close().await;
    target.drop().await;
}
