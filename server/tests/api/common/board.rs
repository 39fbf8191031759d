//! Helpers for the board's tests over HTTP, shared by the SQLite and PostgreSQL suites.

#![allow(dead_code)]

use super::TestApp;
use app::api::audit::ListAudit;
use app::api::board::{GetCard, MoveNomination};
use app::types::model::{MoveRequest, Place};
use serde_json::Value;
use shared::domain::{NominationDraft, Profile, Stage};
use std::sync::Arc;
use std::time::Duration;

/// The nomination of a unit's head (C-C4: going with the unit's collective nomination
/// `collective`, or with none), with evidence for the individual criteria C-C1..C-C3.
pub fn unit_head_draft(unit_id: i64, collective: Option<i64>) -> NominationDraft {
    NominationDraft {
        unit_id,
        nominee_name: "Lâm Văn Sang".into(),
        profile: Profile::Individual {
            position: "Chi cục trưởng".into(),
            heads_unit: true,
            collective_nomination: collective,
        },
        description: "Chỉ đạo xây dựng mô hình nông thôn mới kiểu mẫu".into(),
        replication_potential: "Nhân rộng cho các xã".into(),
        evidence: [
            ("C-C1".into(), "Hoàn thành xuất sắc nhiệm vụ".into()),
            ("C-C2".into(), "Đi đầu phong trào thi đua".into()),
            ("C-C3".into(), "Sáng kiến được công nhận".into()),
        ]
        .into(),
        exemplar_type: None,
        movement_id: None,
    }
}

pub async fn move_card(
    app: &TestApp,
    cookie: &str,
    id: i64,
    version: i64,
    to: Stage,
    reason: Option<&str>,
) -> (u16, Value) {
    let request = MoveRequest {
        id,
        version,
        to,
        place: Place::Top,
        reason: reason.map(str::to_string),
        undo_of: None,
    };
    app.call_fn(cookie, MoveNomination { request }).await
}

/// (id, version) of the nominations of a unit in a stage, oldest first.
pub async fn cards(app: &TestApp, unit: &str, stage: &str) -> Vec<(i64, i64)> {
    let pool = app.pool().await;
    let rows = sqlx::query_as(
        "SELECT n.id, n.version FROM nominations n JOIN units u ON u.id = n.unit_id
         WHERE u.code = $1 AND n.stage = $2 ORDER BY n.id",
    )
    .bind(unit)
    .bind(stage)
    .fetch_all(&pool)
    .await
    .unwrap();
    pool.close().await;
    rows
}

/// The first card (by id) in `stage`, in any unit: its id and version.
pub async fn first_card(app: &TestApp, stage: &str) -> (i64, i64) {
    let pool = app.pool().await;
    let card =
        sqlx::query_as("SELECT id, version FROM nominations WHERE stage = $1 ORDER BY id LIMIT 1")
            .bind(stage)
            .fetch_one(&pool)
            .await
            .unwrap_or_else(|e| panic!("a card in {stage}: {e}"));
    pool.close().await;
    card
}

pub async fn scalar(app: &TestApp, sql: &str, id: i64) -> i64 {
    let pool = app.pool().await;
    let v: i64 = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_string()))
        .bind(id)
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    v
}

pub async fn stage_of(app: &TestApp, id: i64) -> (String, i64) {
    let pool = app.pool().await;
    let row = sqlx::query_as("SELECT stage, version FROM nominations WHERE id = $1")
        .bind(id)
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    row
}

/// Reads the next event (id, type, data) of a Server-Sent Events response.
pub async fn next_event(resp: &mut reqwest::Response, buf: &mut String) -> (i64, String, Value) {
    loop {
        if let Some(end) = buf.find("\n\n") {
            let block: String = buf.drain(..end + 2).collect();
            let (mut id, mut kind, mut data) = (None, String::new(), String::new());
            for line in block.lines() {
                if let Some(v) = line.strip_prefix("id:") {
                    id = v.trim().parse().ok();
                } else if let Some(v) = line.strip_prefix("event:") {
                    kind = v.trim().to_string();
                } else if let Some(v) = line.strip_prefix("data:") {
                    data.push_str(v.trim());
                }
            }
            if let Some(id) = id {
                return (id, kind, serde_json::from_str(&data).unwrap());
            }
            continue;
        }
        let chunk = tokio::time::timeout(Duration::from_secs(5), resp.chunk())
            .await
            .expect("an event within five seconds")
            .unwrap()
            .expect("the stream stays open");
        buf.push_str(std::str::from_utf8(&chunk).unwrap());
    }
}

pub async fn subscribe(app: &TestApp, cookie: &str, last: Option<i64>) -> reqwest::Response {
    let mut req = app
        .client
        .get(app.url("/events?after=0"))
        .header("cookie", cookie)
        .header("accept", "text/event-stream");
    if let Some(last) = last {
        req = req.header("last-event-id", last.to_string());
    }
    let resp = req.send().await.unwrap();
    assert_eq!(resp.status().as_u16(), 200);
    assert!(resp.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/event-stream"));
    resp
}

/// Two hundred clients move one card at once, spread over `apps` (instances of one
/// database): first all at the same version, then each reading and toggling it three
/// times. Exactly one move succeeds per version; the card is never lost or duplicated;
/// the event log and the audit history hold each accepted move exactly once, in order.
pub async fn two_hundred_clients_move_one_card(apps: &[Arc<TestApp>]) {
    let app = &apps[0];
    let office = app.login("office").await;
    let (id, start) = cards(app, "CCPTNT", "discovered").await[0];
    let before_events = scalar(
        app,
        "SELECT COUNT(*) FROM events WHERE nomination_id = $1",
        id,
    )
    .await;

    // Round one: all two hundred at the same version. Exactly one wins.
    let mut tasks = Vec::new();
    for i in 0..200 {
        let app = apps[i % apps.len()].clone();
        let office = office.clone();
        tasks.push(tokio::spawn(async move {
            move_card(
                &app,
                &office,
                id,
                start,
                Stage::Dropped,
                Some("Thử đồng thời"),
            )
            .await
            .0
        }));
    }
    let mut statuses = Vec::new();
    for t in tasks {
        statuses.push(t.await.unwrap());
    }
    assert_eq!(
        statuses.iter().filter(|s| **s == 200).count(),
        1,
        "{statuses:?}"
    );
    assert_eq!(
        statuses.iter().filter(|s| **s == 409).count(),
        199,
        "{statuses:?}"
    );

    // Then each client reads the card and toggles it (drop ↔ restore), three times.
    let mut tasks = Vec::new();
    for i in 0..200 {
        let app = apps[i % apps.len()].clone();
        let office = office.clone();
        tasks.push(tokio::spawn(async move {
            let mut won = 0;
            for _ in 0..3 {
                let (_, card) = app.call_fn(&office, GetCard { id }).await;
                let version = card["version"].as_i64().unwrap();
                let to = if card["stage"] == "dropped" {
                    Stage::Discovered
                } else {
                    Stage::Dropped
                };
                let (status, _) = move_card(&app, &office, id, version, to, Some("Thử")).await;
                assert!(status == 200 || status == 409, "{status}");
                won += usize::from(status == 200);
            }
            won
        }));
    }
    // Meanwhile leadership, who may see the card but not move it, tries too: refused (403,
    // recorded in the audit history inside the same batches) or stale (409).
    let leader = app.login("leader").await;
    let mut refusals = Vec::new();
    for i in 0..20 {
        let app = apps[i % apps.len()].clone();
        let leader = leader.clone();
        refusals.push(tokio::spawn(async move {
            let (_, card) = app.call_fn(&leader, GetCard { id }).await;
            let version = card["version"].as_i64().unwrap();
            move_card(&app, &leader, id, version, Stage::Registered, None)
                .await
                .0
        }));
    }
    let mut accepted = 1;
    for t in tasks {
        accepted += t.await.unwrap();
    }
    for t in refusals {
        let status = t.await.unwrap();
        assert!(status == 403 || status == 409, "{status}");
    }

    // The card exists once, its version counts every accepted move, and the history has
    // each accepted move exactly once, in version order.
    let pool = app.pool().await;
    let copies: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM nominations WHERE id = $1")
        .bind(id)
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(copies, 1);
    let (stage, version) = stage_of(app, id).await;
    assert_eq!(version - start, accepted as i64);
    assert_eq!(
        stage == "dropped",
        accepted % 2 == 1,
        "{stage} after {accepted}"
    );
    let payloads: Vec<String> =
        sqlx::query_scalar("SELECT payload FROM events WHERE nomination_id = $1 ORDER BY id")
            .bind(id)
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(payloads.len() as i64 - before_events, accepted as i64);
    let versions: Vec<i64> = payloads
        .iter()
        .map(|p| {
            serde_json::from_str::<Value>(p).unwrap()["card"]["version"]
                .as_i64()
                .unwrap()
        })
        .collect();
    let expected: Vec<i64> = (start + 1..=version).collect();
    assert_eq!(versions, expected);
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE object_id = CAST($1 AS TEXT) AND action = 'move_nomination'",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(audited, accepted as i64);
    pool.close().await;
    // The audit history's hash chain holds over all of it.
    let (status, page) = app
        .call_fn(
            &office,
            ListAudit {
                action: None,
                actor: None,
                before_id: None,
            },
        )
        .await;
    assert_eq!(status, 200, "{page}");
    assert!(page["chain"]["Intact"].is_object(), "{}", page["chain"]);
}

/// A household's draft for `unit_id` with two criteria's evidence, not classified (N-2).
pub fn household_draft(unit_id: i64, name: &str) -> NominationDraft {
    NominationDraft {
        unit_id,
        nominee_name: name.into(),
        profile: Profile::Household {
            cultural_family_years: vec![2023, 2024, 2025],
            exemplary: false,
        },
        description: "Trồng rau hữu cơ theo chuỗi".into(),
        replication_potential: "Nhân rộng cho các hộ trong ấp".into(),
        evidence: [
            ("C-B1".into(), "Giấy chứng nhận VietGAP".into()),
            ("C-B2".into(), "Thu nhập 600 triệu/năm".into()),
        ]
        .into(),
        exemplar_type: None,
        movement_id: None,
    }
}

/// The ids of the column `id` is in (its campaign, year and stage), top first.
pub async fn column_of(app: &TestApp, id: i64) -> Vec<i64> {
    let pool = app.pool().await;
    let ids = sqlx::query_scalar(
        "SELECT c.id FROM nominations c JOIN nominations n
           ON n.campaign_id = c.campaign_id AND n.year = c.year AND n.stage = c.stage
         WHERE n.id = $1 ORDER BY c.position, c.id",
    )
    .bind(id)
    .fetch_all(&pool)
    .await
    .unwrap();
    pool.close().await;
    ids
}

/// Moves `id` within its column to `place`, as the office; panics unless it is accepted.
async fn reorder(app: &TestApp, office: &str, id: i64, place: Place) {
    let (stage, version) = stage_of(app, id).await;
    let request = MoveRequest {
        id,
        version,
        to: Stage::from_code(&stage).unwrap(),
        place,
        reason: None,
        undo_of: None,
    };
    let (status, body) = app.call_fn(office, MoveNomination { request }).await;
    assert_eq!(status, 200, "{body}");
}

/// A card dropped below another lands right below it, above the one that followed; below a
/// card that is not in the column (moved on meanwhile), at the top.
pub async fn a_card_placed_after_another_lands_right_below_it(app: &TestApp) {
    let office = app.login("office").await;
    let (first, _) = cards(app, "CCPTNT", "discovered").await[0];
    let column = column_of(app, first).await;
    assert!(
        column.len() >= 3,
        "the demo's discovered column: {column:?}"
    );
    let (top, second, last) = (column[0], column[1], column[column.len() - 1]);
    reorder(app, &office, last, Place::After(top)).await;
    let column = column_of(app, first).await;
    assert_eq!(&column[..3], &[top, last, second], "{column:?}");
    // Below the column's last card: at the bottom.
    let bottom = column[column.len() - 1];
    reorder(app, &office, top, Place::After(bottom)).await;
    let column = column_of(app, first).await;
    assert_eq!(&column[column.len() - 2..], &[bottom, top], "{column:?}");
    assert_eq!(column[0], last, "{column:?}");
    // Below a card of another column: at the top.
    let (status, body) = move_card(
        app,
        &office,
        second,
        stage_of(app, second).await.1,
        Stage::Dropped,
        Some("Trùng hồ sơ"),
    )
    .await;
    assert_eq!(status, 200, "{body}");
    reorder(app, &office, bottom, Place::After(second)).await;
    assert_eq!(column_of(app, first).await[0], bottom);
}
