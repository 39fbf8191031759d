//! The board over HTTP: guarded, versioned, audited moves; two hundred clients at once;
//! live events that resume after a disconnect without missing anything.

use crate::common;

use app::api::admin::SaveUnit;
use app::api::board::{GetBoard, MoveNomination};
use app::api::nominations::SaveNomination;
use app::types::model::{BoardFilters, MoveRequest, Place};
use common::board::{
    a_card_placed_after_another_lands_right_below_it, cards, move_card, next_event, scalar,
    stage_of, subscribe, two_hundred_clients_move_one_card, unit_head_draft,
};
use common::{spawn_app, TestApp};
use serde_json::Value;
use shared::domain::Stage;
use std::time::Duration;

/// Registers the first of head1's discovered nominations that meets the rules.
async fn register_one(app: &TestApp, head: &str) -> (i64, Value) {
    for (id, version) in cards(app, "CCPTNT", "discovered").await {
        let (status, body) = move_card(app, head, id, version, Stage::Registered, None).await;
        if status == 200 {
            return (id, body);
        }
        assert_eq!(status, 400, "a refusal by the rules: {body}");
    }
    panic!("the demo unit CCPTNT has a complete discovered nomination");
}

#[tokio::test]
async fn a_head_registers_a_nomination_in_one_recorded_transaction() {
    let app = spawn_app().await;
    let head = app.login("head1").await;
    let (id, event) = register_one(&app, &head).await;
    assert_eq!(event["card"]["stage"], "registered");
    assert_eq!(event["from"], "discovered");
    assert_eq!(event["action"], "move");
    let (stage, version) = stage_of(&app, id).await;
    assert_eq!(stage, "registered");
    assert_eq!(event["card"]["version"], version);
    let events = scalar(
        &app,
        "SELECT COUNT(*) FROM events WHERE nomination_id = $1 AND action = 'move_nomination'",
        id,
    )
    .await;
    assert_eq!(events, 1);
    let audited = scalar(
        &app,
        "SELECT COUNT(*) FROM audit_log WHERE object_id = CAST($1 AS TEXT) AND action = 'move_nomination'",
        id,
    )
    .await;
    assert_eq!(audited, 1);
    app.stop().await;
}

#[tokio::test]
async fn rules_and_permissions_refuse_with_the_reason_and_change_nothing() {
    let app = spawn_app().await;
    let staff = app.login("staff1").await;
    let office = app.login("office").await;
    let (id, version) = cards(&app, "CCPTNT", "discovered").await[0];

    // Staff may not register (only the unit head may): 403, recorded, nothing moved.
    let (status, body) = move_card(&app, &staff, id, version, Stage::Registered, None).await;
    assert_eq!(status, 403, "{body}");
    let refusals = scalar(
        &app,
        "SELECT COUNT(*) FROM audit_log WHERE object_id = CAST($1 AS TEXT) AND action = 'forbidden'",
        id,
    )
    .await;
    assert_eq!(refusals, 1);

    // Skipping a stage is refused with the rule's message, in Vietnamese.
    let (status, body) = move_card(&app, &office, id, version, Stage::Evaluating, None).await;
    assert_eq!(status, 400);
    assert!(body.to_string().contains("Không thể chuyển"), "{body}");

    // Dropping needs a reason.
    let (status, body) = move_card(&app, &office, id, version, Stage::Dropped, Some("  ")).await;
    assert_eq!(status, 400);
    assert!(body.to_string().contains("lý do"), "{body}");

    // Another unit's staff does not even see the card.
    let other = app.login("staff.cctt").await;
    let (status, _) = move_card(&app, &other, id, version, Stage::Dropped, Some("x")).await;
    assert_eq!(status, 404);

    assert_eq!(
        stage_of(&app, id).await,
        ("discovered".to_string(), version)
    );
    app.stop().await;
}

#[tokio::test]
async fn a_stale_move_is_a_conflict_naming_who_changed_the_card_and_when() {
    let app = spawn_app().await;
    let office = app.login("office").await;
    let head = app.login("head1").await;
    let (id, version) = cards(&app, "CCPTNT", "discovered").await[0];
    let (status, _) = move_card(
        &app,
        &office,
        id,
        version,
        Stage::Dropped,
        Some("Trùng hồ sơ"),
    )
    .await;
    assert_eq!(status, 200);
    // head1 still holds the old version.
    let (status, body) = move_card(&app, &head, id, version, Stage::Dropped, Some("Trùng")).await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["Conflict"]["by"], "Phạm Hoàng Nam", "{body}");
    assert!(body["Conflict"]["at"].is_string(), "{body}");
    app.stop().await;
}

#[tokio::test]
async fn a_user_undoes_their_own_move_and_nobody_elses() {
    let app = spawn_app().await;
    let head = app.login("head1").await;
    let office = app.login("office").await;
    let (id, event) = register_one(&app, &head).await;
    let seq = event["seq"].as_i64().unwrap();
    let version = event["card"]["version"].as_i64().unwrap();
    let undo = |v: i64| MoveNomination {
        request: MoveRequest {
            id,
            version: v,
            to: Stage::Discovered,
            place: Place::Top,
            reason: None,
            undo_of: Some(seq),
        },
    };
    let (status, body) = app.call_fn(&office, undo(version)).await;
    assert_eq!(status, 400, "only the author may undo: {body}");
    let (status, body) = app.call_fn(&head, undo(version)).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["action"], "undo");
    assert_eq!(stage_of(&app, id).await, ("discovered".into(), version + 1));
    // An undo cannot be undone twice.
    let (status, _) = app.call_fn(&head, undo(version + 1)).await;
    assert_eq!(status, 400);
    app.stop().await;
}

#[tokio::test]
async fn a_card_placed_after_another_lands_right_below_it_and_nowhere_else() {
    let app = spawn_app().await;
    a_card_placed_after_another_lands_right_below_it(&app).await;
    app.stop().await;
}

#[tokio::test]
async fn two_hundred_clients_moving_one_card_never_lose_or_duplicate_it() {
    let app = std::sync::Arc::new(spawn_app().await);
    two_hundred_clients_move_one_card(std::slice::from_ref(&app)).await;
    std::sync::Arc::try_unwrap(app).ok().unwrap().stop().await;
}

#[tokio::test]
async fn live_events_resume_after_a_disconnect_without_missing_any() {
    let app = spawn_app().await;
    let office = app.login("office").await;
    let watcher = app.login("leader").await;
    let ids = cards(&app, "CCPTNT", "discovered").await;

    let mut live = subscribe(&app, &watcher, None).await;
    let mut buf = String::new();
    let (a, _) = ids[0];
    move_card(&app, &office, a, ids[0].1, Stage::Dropped, Some("Một")).await;
    let (first, kind, data) = next_event(&mut live, &mut buf).await;
    assert_eq!(kind, "card");
    assert_eq!(data["card"]["id"], a);
    drop(live);

    // While disconnected, two more moves.
    let (b, vb) = ids[1];
    let (status, _) = move_card(&app, &office, b, vb, Stage::Dropped, Some("Hai")).await;
    assert_eq!(status, 200);
    let (status, _) = move_card(&app, &office, a, ids[0].1 + 1, Stage::Discovered, None).await;
    assert_eq!(status, 200);

    let mut live = subscribe(&app, &watcher, Some(first)).await;
    let mut buf = String::new();
    let (second, _, data) = next_event(&mut live, &mut buf).await;
    assert_eq!(data["card"]["id"], b);
    let (third, _, data) = next_event(&mut live, &mut buf).await;
    assert_eq!(data["card"]["id"], a);
    assert_eq!(data["card"]["stage"], "discovered");
    assert!(first < second && second < third);

    // And live again once caught up.
    let (status, _) = move_card(&app, &office, b, vb + 1, Stage::Discovered, None).await;
    assert_eq!(status, 200);
    let (fourth, _, data) = next_event(&mut live, &mut buf).await;
    assert_eq!(data["card"]["id"], b);
    assert!(fourth > third);
    drop(live);
    app.stop().await;
}

#[tokio::test]
async fn live_events_only_show_what_the_user_may_see() {
    let app = spawn_app().await;
    let office = app.login("office").await;
    let other_unit = app.login("staff.cctt").await;
    let own_unit = app.login("staff1").await;
    let (id, version) = cards(&app, "CCPTNT", "discovered").await[0];
    let (id2, version2) = cards(&app, "CCPTNT", "discovered").await[1];

    let mut outsider = subscribe(&app, &other_unit, None).await;
    let mut insider = subscribe(&app, &own_unit, None).await;
    move_card(&app, &office, id, version, Stage::Dropped, Some("Một")).await;
    let mut buf = String::new();
    let (_, _, data) = next_event(&mut insider, &mut buf).await;
    assert_eq!(data["card"]["id"], id);
    // The outsider gets nothing about it: the next thing it could see is none of this unit.
    let mut obuf = String::new();
    move_card(&app, &office, id2, version2, Stage::Dropped, Some("Hai")).await;
    let waited = tokio::time::timeout(
        Duration::from_millis(800),
        next_event(&mut outsider, &mut obuf),
    )
    .await;
    assert!(waited.is_err(), "an outsider saw {waited:?}");
    drop((outsider, insider));
    app.stop().await;
}

#[tokio::test]
async fn the_board_filters_ignore_accents_and_window_the_columns() {
    let app = spawn_app().await;
    let office = app.login("office").await;
    let (status, all) = app
        .call_fn(
            &office,
            GetBoard {
                filters: BoardFilters::default(),
            },
        )
        .await;
    assert_eq!(status, 200, "{all}");
    let first = all["lanes"][0]["columns"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["cards"].as_array().unwrap().clone())
        .next()
        .unwrap();
    let name = first["nominee_name"].as_str().unwrap().to_string();
    let plain = shared::text::fold(&name);
    assert_ne!(
        plain,
        name.to_lowercase(),
        "the name has Vietnamese accents"
    );
    let (_, found) = app
        .call_fn(
            &office,
            GetBoard {
                filters: BoardFilters {
                    q: Some(plain.clone()),
                    ..BoardFilters::default()
                },
            },
        )
        .await;
    let names: Vec<String> = found["lanes"][0]["columns"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|c| c["cards"].as_array().unwrap().clone())
        .map(|c| c["nominee_name"].as_str().unwrap().to_string())
        .collect();
    assert!(names.contains(&name), "{names:?}");
    assert!(names
        .iter()
        .all(|n| shared::text::matches_search(n, &plain)));
    let (_, lanes) = app
        .call_fn(
            &office,
            GetBoard {
                filters: BoardFilters {
                    lanes: true,
                    ..BoardFilters::default()
                },
            },
        )
        .await;
    assert_eq!(
        lanes["lanes"].as_array().unwrap().len(),
        4,
        "one lane per bloc"
    );
    app.stop().await;
}

/// Every card of a board's columns (the first window of each), as (id, unit name, stage).
fn shown(board: &Value) -> Vec<(i64, String, String)> {
    board["lanes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|l| l["columns"].as_array().unwrap().clone())
        .flat_map(|c| c["cards"].as_array().unwrap().clone())
        .map(|c| {
            (
                c["id"].as_i64().unwrap(),
                c["unit_name"].as_str().unwrap().to_string(),
                c["stage"].as_str().unwrap().to_string(),
            )
        })
        .collect()
}

/// The server keeps the board it last read for the requests that follow (see
/// `db::board_cache`): what it serves is never older than the request. A change that is no
/// card event (a unit renamed, only in the audit history) and a move both show on the next
/// read, and the shared board is still filtered for each user.
#[tokio::test]
async fn the_kept_board_is_never_older_than_the_request_and_still_filtered_per_user() {
    let app = spawn_app().await;
    let office = app.login("office").await;
    let board = |cookie: String| {
        let app = &app;
        async move {
            let (status, body) = app
                .call_fn(
                    &cookie,
                    GetBoard {
                        filters: BoardFilters::default(),
                    },
                )
                .await;
            assert_eq!(status, 200, "{body}");
            body
        }
    };
    let before = board(office.clone()).await;
    let again = board(office.clone()).await;
    assert_eq!(before, again, "nothing changed: the same board");
    let old = "Chi cục Phát triển nông thôn";
    assert!(shown(&before).iter().any(|(_, unit, _)| unit == old));

    // A unit renamed: an audited change with no card event.
    let pool = app.pool().await;
    let (unit, version, bloc): (i64, i64, i64) =
        sqlx::query_as("SELECT id, version, bloc_id FROM units WHERE code = 'CCPTNT'")
            .fetch_one(&pool)
            .await
            .unwrap();
    let admin = app.login("admin").await;
    let renamed = "Chi cục Phát triển nông thôn và Ngành nghề";
    let (status, body) = app
        .call_fn(
            &admin,
            SaveUnit {
                id: Some(unit),
                version,
                code: "CCPTNT".into(),
                name: renamed.into(),
                bloc_id: bloc,
            },
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let after = shown(&board(office.clone()).await);
    assert!(
        after.iter().any(|(_, unit, _)| unit == renamed),
        "{after:?}"
    );
    assert!(!after.iter().any(|(_, unit, _)| unit == old), "{after:?}");

    // A move shows at once too.
    let head = app.login("head1").await;
    let (id, _) = register_one(&app, &head).await;
    let after = shown(&board(office.clone()).await);
    assert!(
        after
            .iter()
            .any(|(card, _, stage)| *card == id && stage == "registered"),
        "{after:?}"
    );

    // The same shared board, read for another unit's staff: only what they may see.
    let totals = |board: &Value| -> u64 {
        board["lanes"][0]["columns"]
            .as_array()
            .unwrap()
            .iter()
            .map(|c| c["total"].as_u64().unwrap())
            .sum()
    };
    let everyone = totals(&board(office.clone()).await);
    let staff = app.login("staff.cctt").await;
    let own = board(staff).await;
    let theirs = totals(&own);
    assert!(theirs < everyone, "{theirs} of {everyone}");
    assert!(
        !shown(&own).iter().any(|(_, unit, _)| unit == renamed),
        "another unit's cards stay hidden: {own}"
    );
    pool.close().await;
    app.stop().await;
}

#[tokio::test]
async fn c_c4_a_unit_head_goes_with_the_unit_s_collective_of_the_same_campaign_year() {
    let app = spawn_app().await;
    let head = app.login("head1").await;
    let pool = app.pool().await;
    let (unit_id, year): (i64, i32) = sqlx::query_as(
        "SELECT u.id, n.year FROM units u JOIN nominations n ON n.unit_id = u.id
         WHERE u.code = 'CCPTNT' LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let collective: i64 = sqlx::query_scalar(
        "SELECT n.id FROM nominations n JOIN units u ON u.id = n.unit_id
         WHERE u.code = 'CCPTNT' AND n.kind = 'collective'
           AND n.stage IN ('registered', 'fostering', 'evaluating', 'replicated')
         ORDER BY n.id LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    // The unit's head, nominated with the unit's registered collective (C-C4).
    let draft = unit_head_draft(unit_id, Some(collective));
    let save = SaveNomination {
        id: None,
        version: 0,
        year,
        draft,
    };
    let (status, body) = app.call_fn(&head, save).await;
    assert_eq!(status, 200, "{body}");
    let id = body["card"]["id"]
        .as_i64()
        .expect("the new nomination's id");
    let (_, version) = stage_of(&app, id).await;

    // The collective belongs to another year of the campaign: it does not count.
    sqlx::query("UPDATE nominations SET year = $1 WHERE id = $2")
        .bind(year + 1)
        .bind(collective)
        .execute(&pool)
        .await
        .unwrap();
    let (status, body) = move_card(&app, &head, id, version, Stage::Registered, None).await;
    assert_eq!(status, 400, "{body}");
    assert!(
        body.to_string()
            .contains("chỉ được xét cùng với hồ sơ tập thể"),
        "{body}"
    );
    // Of the same year, it does.
    sqlx::query("UPDATE nominations SET year = $1 WHERE id = $2")
        .bind(year)
        .bind(collective)
        .execute(&pool)
        .await
        .unwrap();
    pool.close().await;
    let (status, body) = move_card(&app, &head, id, version, Stage::Registered, None).await;
    assert_eq!(status, 200, "{body}");
    app.stop().await;
}

/// Waits for a live stream to end; true when it did within `wait`.
async fn ends_within(live: &mut reqwest::Response, wait: Duration) -> bool {
    tokio::time::timeout(wait, async {
        while let Ok(Some(_)) = live.chunk().await {}
    })
    .await
    .is_ok()
}

/// A live stream ends with its session: signing out ends it, and so does a change of the
/// account's roles (the browser reconnects through the sign-in gate as it now stands).
#[tokio::test]
async fn a_live_stream_ends_when_its_session_ends_or_its_roles_change() {
    let app = spawn_app().await;
    let check = server::live::SESSION_CHECK;
    let cookie = app.login("staff1").await;
    let mut live = subscribe(&app, &cookie, None).await;
    let resp = app
        .client
        .post(app.url("/logout"))
        .header("origin", app.origin())
        .header("cookie", &cookie)
        .send()
        .await
        .unwrap();
    assert_eq!(resp.status().as_u16(), 204);
    assert!(ends_within(&mut live, check * 3).await, "signed out");

    let cookie = app.login("head1").await;
    let mut live = subscribe(&app, &cookie, None).await;
    // Still on: the stream stays open past a check.
    assert!(!ends_within(&mut live, check * 2).await);
    let pool = app.pool().await;
    sqlx::query(
        "DELETE FROM user_roles WHERE role = 'unit_head'
         AND user_id = (SELECT id FROM users WHERE username = 'head1')",
    )
    .execute(&pool)
    .await
    .unwrap();
    pool.close().await;
    assert!(ends_within(&mut live, check * 3).await, "a role taken away");
    app.stop().await;
}

/// One session holds at most a few live streams, the instance at most its configured
/// total: past either, a clear 429.
#[tokio::test]
async fn live_streams_are_capped_per_session_and_in_all() {
    let app = common::spawn_app_with(|s| s.max_live_streams = 10).await;
    let cookie = app.login("staff1").await;
    let mut open = Vec::new();
    for _ in 0..server::live::STREAMS_PER_SESSION {
        open.push(subscribe(&app, &cookie, None).await);
    }
    let refused = |cookie: String| {
        let app = &app;
        async move {
            app.client
                .get(app.url("/events"))
                .header("cookie", cookie)
                .header("accept", "text/event-stream")
                .send()
                .await
                .unwrap()
        }
    };
    let resp = refused(cookie.clone()).await;
    assert_eq!(resp.status().as_u16(), 429);
    assert!(resp.text().await.unwrap().contains("Quá nhiều kết nối"));
    // Another session has its own, up to the instance's ten.
    let other = app.login("office").await;
    for _ in 0..10 - server::live::STREAMS_PER_SESSION {
        open.push(subscribe(&app, &other, None).await);
    }
    assert_eq!(refused(other).await.status().as_u16(), 429);
    drop(open);
    app.stop().await;
}

/// A client too far behind (or asking from the start of a long log) is not replayed
/// thousands of events: it is told to `reload` and follows from the log's end; a client a
/// few events behind still gets them.
#[tokio::test]
async fn a_client_too_far_behind_is_told_to_reload_instead_of_a_long_replay() {
    let app = spawn_app().await;
    let office = app.login("office").await;
    let (id, version) = cards(&app, "CCPTNT", "discovered").await[0];
    let (status, _) = move_card(&app, &office, id, version, Stage::Dropped, Some("Một")).await;
    assert_eq!(status, 200);
    // The log grows past the bound: 2,048 copies of that event.
    let pool = app.pool().await;
    for _ in 0..11 {
        sqlx::query(
            "INSERT INTO events (at, actor_id, nomination_id, action, payload)
             SELECT at, actor_id, nomination_id, action, payload FROM events
             WHERE action = 'move_nomination'",
        )
        .execute(&pool)
        .await
        .unwrap();
    }
    let head: i64 = sqlx::query_scalar("SELECT MAX(id) FROM events")
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    assert!(head > server::live::MAX_REPLAY);
    let mut live = subscribe(&app, &office, None).await;
    let mut buf = String::new();
    let (seq, kind, _) = next_event(&mut live, &mut buf).await;
    assert_eq!((seq, kind.as_str()), (head, "reload"));
    drop(live);
    // Three behind: the three, in order.
    let mut live = subscribe(&app, &office, Some(head - 3)).await;
    let mut buf = String::new();
    for expected in head - 2..=head {
        let (seq, kind, _) = next_event(&mut live, &mut buf).await;
        assert_eq!((seq, kind.as_str()), (expected, "card"));
    }
    drop(live);
    app.stop().await;
}
