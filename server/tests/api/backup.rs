//! Backup (issue 19): `exemplar backup --to PATH` takes a consistent copy of the SQLite
//! database while the server works, verifies it and writes its manifest. A backup taken
//! under load holds every write acknowledged before it began (and gives it back once
//! restored); a path that exists is never
//! overwritten. `exemplar restore` puts a backup back only while no server uses the
//! database, only if it still matches its manifest, and keeps what it replaced. (PostgreSQL is backed up with `pg_dump`; these tests are SQLite's.)

use crate::common;

use chrono::NaiveDate;
use common::board::{first_card, move_card};
use common::{spawn_app_in, spawn_app_on, Backend};
use server::audit::{verify_chain, AuditRow, ChainReport, StoredAuditRow, SELECT_ROWS};
use server::db::backup::{
    backup_sqlite, check_against_manifest, manifest_path, open_source, restore_sqlite, verify_copy,
    Manifest,
};
use server::db::lock::DbLock;
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
    let (id, version) = first_card(&app, "discovered").await;
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
    let manifest = backup_sqlite(&source, &to, Some(&app.audit_key()))
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
    let again = verify_copy(&to, Some(&app.audit_key()))
        .await
        .expect("the copy verifies");
    assert_eq!(again.tables, manifest.tables);
    assert_eq!(again.audit_head, manifest.audit_head);
    let nominations = manifest
        .tables
        .iter()
        .find(|(t, _)| t == "nominations")
        .unwrap()
        .1;
    assert!(nominations >= discovered.len() as i64);

    // Put back in place of the database once the server stopped, the backup gives back
    // every move acknowledged before it began; its history verifies and work goes on.
    let app = Arc::try_unwrap(app).ok().expect("the writer is done");
    let (db_path, key) = (app.db_path.clone(), app.audit_key());
    let stopped = app.stop().await;
    restore_sqlite(&to, &db_path, Some(&key))
        .await
        .expect("the backup taken under load is restored");
    let app = spawn_app_in(stopped).await;
    for id in &before {
        let (stage, _) = common::board::stage_of(&app, *id).await;
        assert_eq!(
            stage, "dropped",
            "nomination {id}, acknowledged before the backup"
        );
    }
    let pool = app.pool().await;
    let rows: Vec<StoredAuditRow> = sqlx::query_as(SELECT_ROWS).fetch_all(&pool).await.unwrap();
    pool.close().await;
    let rows: Vec<AuditRow> = rows.into_iter().map(AuditRow::from).collect();
    assert_eq!(check_against_manifest(&rows, &manifest), Ok(()));
    let office = app.login("office").await;
    let (id, version) = first_card(&app, "registered").await;
    drop_card(&app, &office, id, version).await;
    app.stop().await;
}

#[tokio::test]
async fn a_backup_never_overwrites_a_file_and_a_damaged_copy_is_refused() {
    let app = app_with_one_audited_write().await;
    let source = open_source(&format!("sqlite://{}", app.db_path.display()))
        .await
        .unwrap();
    let to = app.dir.path().join("existing.db");
    std::fs::write(&to, b"precious").unwrap();
    let refused = backup_sqlite(&source, &to, Some(&app.audit_key()))
        .await
        .unwrap_err()
        .to_string();
    assert!(refused.contains("already exists"), "{refused}");
    assert_eq!(
        std::fs::read(&to).unwrap(),
        b"precious",
        "nothing overwritten"
    );
    assert!(!manifest_path(&to).exists());

    // A copy whose audit history was edited does not verify.
    let to = app.dir.path().join("good.db");
    backup_sqlite(&source, &to, Some(&app.audit_key()))
        .await
        .unwrap();
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
    let refused = verify_copy(&to, Some(&app.audit_key()))
        .await
        .unwrap_err()
        .to_string();
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
    let manifest = backup_sqlite(
        &source,
        &app.dir.path().join("b.db"),
        Some(&app.audit_key()),
    )
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
    assert!(matches!(
        verify_chain(&rows, Some(&app.audit_key())),
        ChainReport::Intact { .. }
    ));
    let refused = check_against_manifest(&rows, &manifest).unwrap_err();
    assert!(
        refused.contains("rows were removed from its end"),
        "{refused}"
    );
}

/// The stage of nomination `id` in the SQLite file at `path`, read without writing.
async fn stage_in(path: &std::path::Path, id: i64) -> String {
    let pool = sqlx::SqlitePool::connect(&format!("sqlite://{}?mode=ro", path.display()))
        .await
        .unwrap();
    let stage = sqlx::query_scalar("SELECT stage FROM nominations WHERE id = ?")
        .bind(id)
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    stage
}

#[tokio::test]
async fn a_backup_is_restored_only_once_the_server_stopped_and_what_it_replaced_is_kept() {
    let app = app_with_one_audited_write().await;
    let office = app.login("office").await;
    let backup = app.dir.path().join("b.db");
    let source = open_source(&format!("sqlite://{}", app.db_path.display()))
        .await
        .unwrap();
    let manifest = backup_sqlite(&source, &backup, Some(&app.audit_key()))
        .await
        .unwrap();
    source.close().await;
    // A write after the backup: the restore takes the database back to before it.
    let (later, version) = first_card(&app, "discovered").await;
    drop_card(&app, &office, later, version).await;

    // While the server runs, nothing is replaced.
    let refused = restore_sqlite(&backup, &app.db_path, Some(&app.audit_key()))
        .await
        .unwrap_err()
        .to_string();
    assert!(
        refused.contains("in use by a running Exemplar server"),
        "{refused}"
    );
    assert_eq!(stage_in(&app.db_path, later).await, "dropped");

    let db_path = app.db_path.clone();
    let key = app.audit_key();
    let stopped = app.stop().await;
    let restored = restore_sqlite(&backup, &db_path, Some(&key))
        .await
        .expect("restored once the server stopped");
    assert_eq!(restored.manifest.audit_head, manifest.audit_head);
    let previous = restored.previous.expect("the replaced database is kept");
    assert!(previous
        .file_name()
        .unwrap()
        .to_string_lossy()
        .starts_with("exemplar.db.before-restore-"));
    assert!(!db_path.with_file_name("exemplar.db.restoring").exists());
    // The replaced database still holds the write made after the backup.
    assert_eq!(stage_in(&previous, later).await, "dropped");

    // The server starts on the restored database: the card is as it was at the backup,
    // the history ends where the backup's did and verifies, and work goes on.
    let app = spawn_app_in(stopped).await;
    assert_eq!(stage_in(&app.db_path, later).await, "discovered");
    let pool = app.pool().await;
    let rows: Vec<StoredAuditRow> = sqlx::query_as(SELECT_ROWS).fetch_all(&pool).await.unwrap();
    pool.close().await;
    let rows: Vec<AuditRow> = rows.into_iter().map(AuditRow::from).collect();
    assert!(matches!(
        verify_chain(&rows, Some(&app.audit_key())),
        ChainReport::Intact { .. }
    ));
    assert_eq!(check_against_manifest(&rows, &manifest), Ok(()));
    assert_eq!(
        rows.last().map(|r| (r.id, r.hash.clone())),
        manifest.audit_head
    );
    let office = app.login("office").await;
    let (id, version) = first_card(&app, "discovered").await;
    drop_card(&app, &office, id, version).await;
}

#[tokio::test]
async fn a_backup_that_no_longer_matches_its_manifest_is_not_restored() {
    let app = app_with_one_audited_write().await;
    let backup = app.dir.path().join("b.db");
    let source = open_source(&format!("sqlite://{}", app.db_path.display()))
        .await
        .unwrap();
    backup_sqlite(&source, &backup, Some(&app.audit_key()))
        .await
        .unwrap();
    source.close().await;
    let db_path = app.db_path.clone();
    let key = app.audit_key();
    let stopped = app.stop().await;
    let before = std::fs::read(&db_path).unwrap();

    // Rows deleted from the copy after it was taken (its own checks still pass).
    let copy = sqlx::SqlitePool::connect(&format!("sqlite://{}", backup.display()))
        .await
        .unwrap();
    sqlx::query("DELETE FROM login_attempts")
        .execute(&copy)
        .await
        .unwrap();
    sqlx::query("DELETE FROM sessions")
        .execute(&copy)
        .await
        .unwrap();
    copy.close().await;
    verify_copy(&backup, Some(&key))
        .await
        .expect("the copy itself is sound");
    let refused = restore_sqlite(&backup, &db_path, Some(&key))
        .await
        .unwrap_err()
        .to_string();
    assert!(
        refused.contains("no longer matches the manifest"),
        "{refused}"
    );
    assert!(refused.contains("table sessions"), "{refused}");

    // A file without a manifest is not restored either.
    let bare = stopped.dir.path().join("bare.db");
    std::fs::copy(&backup, &bare).unwrap();
    let refused = restore_sqlite(&bare, &db_path, Some(&key))
        .await
        .unwrap_err()
        .to_string();
    assert!(refused.contains("has no manifest"), "{refused}");

    // Nothing was touched: the database is byte for byte what it was, nothing staged or
    // moved aside.
    assert_eq!(std::fs::read(&db_path).unwrap(), before);
    let names: Vec<String> = std::fs::read_dir(stopped.dir.path())
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .collect();
    assert!(
        !names
            .iter()
            .any(|n| n.contains("restoring") || n.contains("before-restore")),
        "{names:?}"
    );
}

#[tokio::test]
async fn a_server_does_not_open_a_database_being_restored() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("exemplar.db");
    let restoring = DbLock::exclusive(&path).unwrap();
    let url = format!("sqlite://{}", path.display());
    let refused = server::db::sqlite::SqliteStore::open(&url, Some(&path))
        .await
        .err()
        .expect("refused while the restore holds the file")
        .to_string();
    assert!(refused.contains("being restored"), "{refused}");
    assert!(!path.exists(), "the file was not created");
    drop(restoring);
    let store = server::db::sqlite::SqliteStore::open(&url, Some(&path))
        .await
        .expect("opens once the restore is done");
    assert!(
        DbLock::exclusive(&path).is_err(),
        "the server holds its lock"
    );
    server::db::Store::close(&store).await;
    DbLock::exclusive(&path).expect("closing the store lets the file go");
}
