//! PostgreSQL (issue 9, first part): the schema migrates, and a whole SQLite database —
//! the demo data after some work on it — is copied into an empty PostgreSQL database and
//! verified (row counts, the audit chain); a second copy into the same database is
//! refused; the audit history stays append-only there.
//!
//! These tests need the PostgreSQL server on 127.0.0.1:5432 (or `EXEMPLAR_TEST_POSTGRES`,
//! a URL of a database the tests may create databases from). Each test creates a fresh
//! database with a random name and drops it afterwards. When PostgreSQL is not reachable
//! they fail, loudly: they are never skipped.

use crate::common;

use app::api::board::{GetCard, MoveNomination};
use app::api::summary::SaveBlocReview;
use app::types::model::{MoveRequest, Place};
use chrono::NaiveDate;
use common::board::{
    cards, first_card, move_card, next_event, subscribe, two_hundred_clients_move_one_card,
};
use common::{spawn_app_on, spawn_instance_of, Backend, TestDb};
use server::audit::{verify_chain, ChainReport};
use server::db::copy::{postgres_audit_rows, sqlite_to_postgres, TABLES};
use server::db::DbError;
use shared::domain::Stage;
use shared::rules::review::ReviewDraft;
use sqlx::postgres::PgPool;
use std::sync::Arc;

#[tokio::test]
async fn the_demo_database_is_copied_into_postgres_with_its_history_verified() {
    // Some work on the demo data first, so that the event log and the audit history hold
    // more than the load: a move, and a bloc review's draft.
    let app = spawn_app_on(
        Backend::Sqlite,
        NaiveDate::from_ymd_opt(2026, 10, 15).unwrap(),
    )
    .await;
    let office = app.login("office").await;
    let (id, version) = first_card(&app, "discovered").await;
    let request = MoveRequest {
        id,
        version,
        to: Stage::Dropped,
        place: Place::Top,
        reason: Some("Không đủ điều kiện".into()),
        undo_of: None,
    };
    let (status, body) = app.call_fn(&office, MoveNomination { request }).await;
    assert_eq!(status, 200, "{body}");
    let bloc = app.login("bloc1").await;
    let (status, body) = app
        .call_fn(
            &bloc,
            SaveBlocReview {
                bloc_id: 1,
                year: 2026,
                version: 0,
                draft: ReviewDraft {
                    assessment: "Khối hoàn thành tốt".into(),
                    comments: Default::default(),
                },
                submit: false,
            },
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let db_path = app.db_path.clone();
    let dir = app.stop().await;
    let key = common::audit_key_in(dir.dir.path());

    let options = sqlx::sqlite::SqliteConnectOptions::new().filename(&db_path);
    let source = sqlx::SqlitePool::connect_with(options).await.unwrap();
    let target = TestDb::postgres().await;

    let report = sqlite_to_postgres(&source, &target.url, Some(&key))
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
        verify_chain(&rows, Some(&key)),
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
    match sqlite_to_postgres(&source, &target.url, Some(&key)).await {
        Err(DbError::Refused(message)) => assert!(message.contains("not empty"), "{message}"),
        other => panic!("a second copy must be refused, got {other:?}"),
    }
    source.close().await;

    // A server without the history's audit key does not start on it.
    let keyless = tempfile::tempdir().unwrap();
    let mut settings = server::configuration::Settings::for_tests(
        &keyless.path().join("unused.db"),
        keyless.path(),
    );
    settings.database_url = server::configuration::DatabaseUrl::parse(&target.url).unwrap();
    let refused = server::startup::Application::build(settings)
        .await
        .err()
        .expect("refused without the key")
        .to_string();
    assert!(refused.contains("key file"), "{refused}");
    assert!(
        !keyless.path().join("audit.key").exists(),
        "no new key made"
    );

    // The Department carries on where it left off, now on PostgreSQL: its people sign in,
    // the board is as it was, and a move continues the card's versions, the event log and
    // the audit chain.
    let moved_dir = tempfile::tempdir().unwrap();
    std::fs::copy(
        dir.dir.path().join("audit.key"),
        moved_dir.path().join("audit.key"),
    )
    .unwrap();
    let moved_on = common::start(
        common::Stopped {
            dir: moved_dir,
            db: target.shared(),
        },
        Some(NaiveDate::from_ymd_opt(2026, 10, 15).unwrap()),
    )
    .await;
    let office = moved_on.login("office").await;
    let (status, card) = moved_on.call_fn(&office, GetCard { id }).await;
    assert_eq!((status, card["stage"].as_str()), (200, Some("dropped")));
    let version = card["version"].as_i64().unwrap();
    let (status, body) = moved_on
        .call_fn(
            &office,
            MoveNomination {
                request: MoveRequest {
                    id,
                    version,
                    to: Stage::Discovered,
                    place: Place::Top,
                    reason: None,
                    undo_of: None,
                },
            },
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["card"]["version"].as_i64(), Some(version + 1));
    assert!(
        body["seq"].as_i64().unwrap() > next,
        "the event log continues"
    );
    let pg = PgPool::connect(&target.url).await.unwrap();
    let rows = postgres_audit_rows(&pg).await.unwrap();
    assert!(rows.len() > original as usize, "sign-in and move recorded");
    assert_eq!(
        verify_chain(&rows, Some(&key)),
        ChainReport::Intact { rows: rows.len() },
        "the chain goes on from the copied hash"
    );
    pg.close().await;
    moved_on.stop().await;
    drop(target);
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
    let target = TestDb::postgres().await;
    match sqlite_to_postgres(&source, &target.url, None).await {
        Err(DbError::Refused(message)) => assert!(message.contains("notes"), "{message}"),
        other => panic!("an unknown table must stop the copy, got {other:?}"),
    }
    source.close().await;
    drop(target);
}

fn change(id: i64, name: &str) -> server::db::events::StoredChange {
    use app::types::model::{BoardCard, MoveAction};
    use shared::domain::{NomineeKind, Position};
    server::db::events::StoredChange {
        action: MoveAction::Move,
        by: "Văn phòng Sở".into(),
        from: Stage::Discovered,
        from_position: Position::first(),
        from_dropped_from: None,
        reason: None,
        card: BoardCard {
            id,
            nominee_name: name.into(),
            kind: NomineeKind::Cooperative,
            unit_id: 1,
            unit_name: "Chi cục Thủy sản".into(),
            bloc_id: 1,
            bloc_name: "Khối các Chi cục".into(),
            stage: Stage::Registered,
            position: Position::first(),
            version: 2,
            city_registered: false,
            dropped_from: None,
            evaluations: Vec::new(),
            replications: 0,
            council_score_milli: None,
            year: 2026,
            exemplar_type: None,
            movement_id: None,
        },
    }
}

#[tokio::test]
async fn a_change_committed_through_one_instance_reaches_the_other_and_none_is_lost() {
    use server::db::postgres::fanout::{append_event, last_seq, spawn_fanout, POLL};
    use std::time::Duration;
    const ARRIVES: Duration = Duration::from_secs(5);
    let db = TestDb::postgres().await;
    // Two server instances: each its own pool and its own fan-out on the same database.
    let a = server::db::copy::open_postgres(&db.url).await.unwrap();
    let b = PgPool::connect(&db.url).await.unwrap();
    let (stop_tx, stop) = tokio::sync::watch::channel(false);
    let after = last_seq(&b).await.unwrap();
    let fanout_b = spawn_fanout(b.clone(), after, 64, stop.clone())
        .await
        .unwrap();
    let mut on_b = fanout_b.subscribe();
    let fanout_a = spawn_fanout(a.clone(), after, 64, stop).await.unwrap();
    let mut on_a = fanout_a.subscribe();
    let at = |s: u32| format!("2026-10-15T01:00:{s:02}.000000Z");

    // Committed through A, announced at commit: B has it (at once; the bound only keeps a
    // broken fan-out from hanging the test — speed is measured by `cargo xtask bench`).
    let mut tx = a.begin().await.unwrap();
    let first = append_event(&mut tx, &at(0), None, None, &change(1, "HTX Tiến Thắng"))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let got = tokio::time::timeout(ARRIVES, on_b.recv())
        .await
        .expect("it arrives")
        .unwrap();
    assert_eq!(got.seq, first);
    assert_eq!(got.card.nominee_name, "HTX Tiến Thắng");
    assert_eq!(
        on_a.recv().await.unwrap().seq,
        first,
        "A's own browsers get it too"
    );

    // A rolled-back change is never announced nor delivered.
    let mut tx = a.begin().await.unwrap();
    append_event(&mut tx, &at(1), None, None, &change(2, "bỏ"))
        .await
        .unwrap();
    tx.rollback().await.unwrap();

    // A lost notification (an event written without one) is recovered from the log: by
    // the next announcement, in order, once each.
    sqlx::query("INSERT INTO events (at, action, payload) VALUES ($1, 'move_nomination', $2)")
        .bind(at(2))
        .bind(serde_json::to_string(&change(3, "Nguyễn Thị Hằng")).unwrap())
        .execute(&a)
        .await
        .unwrap();
    let mut tx = a.begin().await.unwrap();
    let fourth = append_event(&mut tx, &at(3), None, None, &change(4, "Trạm Khuyến nông"))
        .await
        .unwrap();
    tx.commit().await.unwrap();
    let mut seen = Vec::new();
    while seen.last() != Some(&fourth) {
        let e = tokio::time::timeout(ARRIVES, on_b.recv())
            .await
            .expect("it arrives")
            .unwrap();
        seen.push(e.seq);
    }
    assert_eq!(
        seen.len(),
        2,
        "the silent one and the announced one: {seen:?}"
    );
    assert!(seen[0] < seen[1]);

    // Even with no announcement at all, the log is read within the polling interval.
    sqlx::query("INSERT INTO events (at, action, payload) VALUES ($1, 'move_nomination', $2)")
        .bind(at(4))
        .bind(serde_json::to_string(&change(5, "Phan Thanh Tùng")).unwrap())
        .execute(&a)
        .await
        .unwrap();
    let e = tokio::time::timeout(POLL + ARRIVES, on_b.recv())
        .await
        .expect("within the polling interval")
        .unwrap();
    assert_eq!(e.card.nominee_name, "Phan Thanh Tùng");
    assert!(
        tokio::time::timeout(Duration::from_millis(300), on_b.recv())
            .await
            .is_err(),
        "nothing is delivered twice"
    );

    let _ = stop_tx.send(true);
    a.close().await;
    b.close().await;
    drop(db);
}

/// Two instances on one PostgreSQL database, as behind a load balancer.
async fn two_instances() -> (Arc<common::TestApp>, Arc<common::TestApp>) {
    let today = NaiveDate::from_ymd_opt(2026, 10, 15).unwrap();
    let a = spawn_app_on(Backend::Postgres, today).await;
    let b = spawn_instance_of(&a, today).await;
    (Arc::new(a), Arc::new(b))
}

async fn stop_both(a: Arc<common::TestApp>, b: Arc<common::TestApp>) {
    // The second first: the first owns the database.
    Arc::try_unwrap(b).ok().unwrap().stop().await;
    Arc::try_unwrap(a).ok().unwrap().stop().await;
}

#[tokio::test]
async fn two_instances_serve_the_same_sessions_and_push_each_others_moves_live() {
    let (a, b) = two_instances().await;
    // Signed in through A, served by B: the session lives in the database.
    let office = a.login("office").await;
    let html = b.get_as(&office, "/board").await.text().await.unwrap();
    assert!(html.contains("Nguyễn Văn An"), "B serves A's session");

    // A browser on B watches the board; a move through A reaches it, and the other way.
    let mut on_b = subscribe(&b, &office, None).await;
    let mut on_a = subscribe(&a, &office, None).await;
    let (mut buf_b, mut buf_a) = (String::new(), String::new());
    let (id, version) = cards(&a, "CCPTNT", "discovered").await[0];
    let (status, moved) = move_card(&a, &office, id, version, Stage::Dropped, Some("Thử")).await;
    assert_eq!(status, 200, "{moved}");
    let (seq, kind, event) = next_event(&mut on_b, &mut buf_b).await;
    assert_eq!(kind, "card");
    assert_eq!(seq, moved["seq"].as_i64().unwrap());
    assert_eq!(event["card"]["id"].as_i64(), Some(id));
    assert_eq!(event["card"]["stage"], "dropped");
    let (seq_a, _, _) = next_event(&mut on_a, &mut buf_a).await;
    assert_eq!(seq_a, seq, "A's own browsers get it once, from the log too");

    let (status, back) = move_card(&b, &office, id, version + 1, Stage::Discovered, None).await;
    assert_eq!(status, 200, "{back}");
    let (seq_a, _, event) = next_event(&mut on_a, &mut buf_a).await;
    assert_eq!(seq_a, back["seq"].as_i64().unwrap());
    assert_eq!(event["card"]["stage"], "discovered");
    let (seq_b, _, _) = next_event(&mut on_b, &mut buf_b).await;
    assert_eq!(seq_b, seq_a, "in order, nothing skipped or repeated");

    // A stale write through either instance is a conflict, whichever made the change.
    let (status, _) = move_card(&a, &office, id, version, Stage::Dropped, Some("Thử")).await;
    assert_eq!(status, 409);
    // Signing out on B ends the session on A as well.
    let out = b
        .client
        .post(b.url("/logout"))
        .header("origin", b.origin())
        .header("cookie", &office)
        .send()
        .await
        .unwrap();
    assert!(out.status().is_success() || out.status().is_redirection());
    assert_eq!(a.get_as(&office, "/board").await.status().as_u16(), 303);
    drop((on_a, on_b));
    stop_both(a, b).await;
}

#[tokio::test]
async fn two_hundred_clients_split_across_two_instances_never_lose_or_duplicate_a_card() {
    let (a, b) = two_instances().await;
    two_hundred_clients_move_one_card(&[a.clone(), b.clone()]).await;
    stop_both(a, b).await;
}

/// The intermittent hang of a test server's stop: a fan-out whose stop channel was dropped
/// without a word (its store replaced or gone) spun on the closed channel for ever, holding
/// its listener's pooled connection, so the pool's close waited for it. It now ends.
#[tokio::test]
async fn a_fanout_that_can_no_longer_be_told_to_stop_gives_its_connection_back() {
    let db = TestDb::postgres().await;
    let url = server::configuration::DatabaseUrl::parse(&db.url).unwrap();
    let store = server::db::open(&url).await.unwrap();
    store.migrate().await.unwrap();
    store.close().await;
    let pool = PgPool::connect(&db.url).await.unwrap();
    let (stop, stopped) = tokio::sync::watch::channel(false);
    let (out, _) = tokio::sync::broadcast::channel(16);
    server::db::postgres::fanout::feed_fanout(pool.clone(), 0, out, stopped)
        .await
        .unwrap();
    drop(stop);
    tokio::time::timeout(std::time::Duration::from_secs(20), pool.close())
        .await
        .expect("the fan-out gave its listener's connection back");
}
