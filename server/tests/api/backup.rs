//! Backup (issue 19): `exemplar backup --to PATH` takes a consistent copy of the SQLite
//! database while the server works, verifies it and writes its manifest. A backup taken
//! under load holds every write acknowledged before it began; a path that exists is never
//! overwritten. (PostgreSQL is backed up with `pg_dump`; these tests are SQLite's.)

use crate::common;

use chrono::NaiveDate;
use common::board::move_card;
use common::{spawn_app_on, Backend};
use server::audit::{verify_chain, AuditRow, ChainReport, StoredAuditRow, SELECT_ROWS};
use server::db::backup::{
    backup_sqlite, check_against_manifest, manifest_path, open_source, verify_copy, Manifest,
};
use shared::domain::Stage;
use std::sync::{Arc, Mutex};

/// Drops a card (an audited write), and insists that it was acknowledged.
async fn drop_card(app: &common::TestApp, office: &str, id: i64, version: i64) {
    let reason = Some("Không đủ điều kiện");
    let (status, body) = move_card(app, office, id, version, Stage::Dropped, reason).await;
    assert_eq!(status, 200, "{body}");
}

/// The demo data after one audited write (the office drops a card), so that the audit
/// history has rows.
async fn app_with_one_audited_write() -> common::TestApp {
    let app = spawn_app_on(
        Backend::Sqlite,
        NaiveDate::from_ymd_opt(2026, 10, 15).unwrap(),
    )
    .await;
    let office = app.login("office").await;
    let pool = app.pool().await;
    let (id, version): (i64, i64) = sqlx::query_as(
        "SELECT id, version FROM nominations WHERE stage = 'discovered' ORDER BY id LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    drop_card(&app, &office, id, version).await;
    app
}

#[tokio::test]
async fn a_backup_taken_under_load_holds_every_acknowledged_write_and_verifies() {
    let app = Arc::new(
        spawn_app_on(
            Backend::Sqlite,
            NaiveDate::from_ymd_opt(2026, 10, 15).unwrap(),
        )
        .await,
    );
    let office = app.login("office").await;
    let pool = app.pool().await;
    let discovered: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT id, version FROM nominations WHERE stage = 'discovered' ORDER BY id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    pool.close().await;
    assert!(discovered.len() >= 4, "the demo data has cards to drop");

    // A writer drops the discovered cards one after another; each acknowledged move is
    // recorded the moment its answer arrives.
    let acknowledged: Arc<Mutex<Vec<i64>>> = Arc::default();
    let writer = {
        let (app, office, acknowledged) = (app.clone(), office.clone(), acknowledged.clone());
        let cards = discovered.clone();
        tokio::spawn(async move {
            for (id, version) in cards {
                drop_card(&app, &office, id, version).await;
                acknowledged.lock().unwrap().push(id);
            }
        })
    };
    // Wait for the first acknowledgement, then back up while the writer goes on.
    while acknowledged.lock().unwrap().is_empty() {
        tokio::time::sleep(std::time::Duration::from_millis(5)).await;
    }
    let before: Vec<i64> = acknowledged.lock().unwrap().clone();
    let to = app.dir.path().join("backup.db");
    let source = open_source(&format!("sqlite://{}", app.db_path.display()))
        .await
        .unwrap();
    let manifest = backup_sqlite(&source, &to)
        .await
        .expect("the backup is taken");
    source.close().await;
    writer.await.unwrap();

    // The copy holds every move acknowledged before the backup began.
    let copy = sqlx::SqlitePool::connect(&format!("sqlite://{}?mode=ro", to.display()))
        .await
        .unwrap();
    for id in &before {
        let stage: String = sqlx::query_scalar("SELECT stage FROM nominations WHERE id = ?")
            .bind(id)
            .fetch_one(&copy)
            .await
            .unwrap();
        assert_eq!(
            stage, "dropped",
            "nomination {id} was acknowledged before the backup"
        );
    }
    let audit_rows: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log")
        .fetch_one(&copy)
        .await
        .unwrap();
    copy.close().await;

    // The manifest beside it says what the copy holds, and the copy verifies again.
    let written: Manifest =
        serde_json::from_str(&std::fs::read_to_string(manifest_path(&to)).unwrap()).unwrap();
    assert_eq!(written, manifest);
    assert_eq!(manifest.audit_rows as i64, audit_rows);
    assert!(manifest.audit_head.is_some());
    let again = verify_copy(&to).await.expect("the copy verifies");
    assert_eq!(again.tables, manifest.tables);
    assert_eq!(again.audit_head, manifest.audit_head);
    let nominations = manifest
        .tables
        .iter()
        .find(|(t, _)| t == "nominations")
        .unwrap()
        .1;
    assert!(nominations >= discovered.len() as i64);
}

#[tokio::test]
async fn a_backup_never_overwrites_a_file_and_a_damaged_copy_is_refused() {
    let app = app_with_one_audited_write().await;
    let source = open_source(&format!("sqlite://{}", app.db_path.display()))
        .await
        .unwrap();
    let to = app.dir.path().join("existing.db");
    std::fs::write(&to, b"precious").unwrap();
    let refused = backup_sqlite(&source, &to).await.unwrap_err().to_string();
    assert!(refused.contains("already exists"), "{refused}");
    assert_eq!(
        std::fs::read(&to).unwrap(),
        b"precious",
        "nothing overwritten"
    );
    assert!(!manifest_path(&to).exists());

    // A copy whose audit history was edited does not verify.
    let to = app.dir.path().join("good.db");
    backup_sqlite(&source, &to).await.unwrap();
    source.close().await;
    let copy = sqlx::SqlitePool::connect(&format!("sqlite://{}", to.display()))
        .await
        .unwrap();
    sqlx::query("DROP TRIGGER audit_log_no_update")
        .execute(&copy)
        .await
        .unwrap();
    sqlx::query("UPDATE audit_log SET actor_name = 'someone else' WHERE id = (SELECT MIN(id) FROM audit_log)")
        .execute(&copy)
        .await
        .unwrap();
    copy.close().await;
    let refused = verify_copy(&to).await.unwrap_err().to_string();
    assert!(
        refused.contains("audit history is broken at row"),
        "{refused}"
    );
}

#[tokio::test]
async fn a_history_cut_short_after_a_backup_is_found_by_its_manifest() {
    let app = app_with_one_audited_write().await;
    let url = format!("sqlite://{}", app.db_path.display());
    let source = open_source(&url).await.unwrap();
    let manifest = backup_sqlite(&source, &app.dir.path().join("b.db"))
        .await
        .unwrap();
    let read_rows = |pool: sqlx::SqlitePool| async move {
        let rows: Vec<StoredAuditRow> = sqlx::query_as(SELECT_ROWS).fetch_all(&pool).await.unwrap();
        rows.into_iter().map(AuditRow::from).collect::<Vec<_>>()
    };
    let rows = read_rows(source.clone()).await;
    assert_eq!(check_against_manifest(&rows, &manifest), Ok(()));

    // Someone with the file deletes the newest audit rows: the rest still chains.
    sqlx::query("DROP TRIGGER audit_log_no_delete")
        .execute(&source)
        .await
        .unwrap();
    sqlx::query("DELETE FROM audit_log WHERE id = (SELECT MAX(id) FROM audit_log)")
        .execute(&source)
        .await
        .unwrap();
    let rows = read_rows(source.clone()).await;
    source.close().await;
    assert!(matches!(verify_chain(&rows), ChainReport::Intact { .. }));
    let refused = check_against_manifest(&rows, &manifest).unwrap_err();
    assert!(
        refused.contains("rows were removed from its end"),
        "{refused}"
    );
}
