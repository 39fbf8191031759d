//! Closing a year over HTTP (issue 18): the office carries the year's exemplars over into
//! the campaign's next year in one action; each goes on as a card of the next year with
//! its dossier, evidence and fostering plan, while the year's evaluations, scores and
//! replications stay with the year they were made in. All or nothing, versioned, audited,
//! refused with the rule's message, on SQLite and PostgreSQL.

use crate::common;

use app::api::board::GetBoard;
use app::api::nominations::{GetNomination, NominationForm, SaveNomination};
use app::api::year::{CarryOver, GetCarryOver};
use app::types::carry::CarryItem;
use app::types::model::BoardFilters;
use chrono::NaiveDate;
use common::board::{move_card, scalar, stage_of, unit_head_draft};
use common::{spawn_app_at, TestApp};
use serde_json::Value;
use shared::domain::{NominationDraft, Stage};
use shared::rules::carry::CarryChoice;

fn today() -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, 10, 15).unwrap()
}

/// The first card of the year in `stage` that has a `what` (SQL `EXISTS` over `x`).
async fn first(app: &TestApp, stage: &str, exists: &str) -> (i64, i64) {
    let pool = app.pool().await;
    let row = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT n.id, n.version FROM nominations n WHERE n.year = 2026 AND n.stage = '{stage}'
         AND {exists} ORDER BY n.id LIMIT 1"
    )))
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    row
}

async fn count(app: &TestApp, sql: &str) -> i64 {
    let pool = app.pool().await;
    let n = sqlx::query_scalar(sqlx::AssertSqlSafe(sql.to_string()))
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    n
}

fn item(id: i64, version: i64, choice: CarryChoice) -> CarryItem {
    CarryItem {
        id,
        version,
        choice,
    }
}

async fn board_total(app: &TestApp, cookie: &str, year: i32) -> usize {
    let (status, board) = app
        .call_fn(
            cookie,
            GetBoard {
                filters: BoardFilters {
                    year: Some(year),
                    ..BoardFilters::default()
                },
            },
        )
        .await;
    assert_eq!(status, 200, "{board}");
    board["lanes"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|l| l["columns"].as_array().unwrap())
        .map(|c| c["total"].as_u64().unwrap() as usize)
        .sum()
}

#[tokio::test]
async fn the_office_carries_a_year_over_and_each_year_keeps_its_records() {
    let app = spawn_app_at(today()).await;
    let office = app.login("office").await;
    let (status, view) = app
        .call_fn(&office, GetCarryOver { year: Some(2026) })
        .await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(view["next_year"], 2027);
    let rows = view["rows"].as_array().unwrap().len() as i64;
    assert_eq!(
        rows,
        count(&app, "SELECT COUNT(*) FROM nominations WHERE year = 2026").await
    );
    assert_eq!(board_total(&app, &office, 2027).await, 0);
    let before_2026 = board_total(&app, &office, 2026).await;

    // A card being evaluated (with its year's evaluations), one fostered (with an approved
    // plan), and a dropped one.
    let evaluated = first(
        &app,
        "evaluating",
        "EXISTS (SELECT 1 FROM evaluations e WHERE e.nomination_id = n.id)",
    )
    .await;
    let fostered = first(
        &app,
        "fostering",
        "EXISTS (SELECT 1 FROM fostering_plans p WHERE p.nomination_id = n.id AND p.approved_at IS NOT NULL)",
    )
    .await;
    let dropped = first(&app, "dropped", "TRUE").await;

    // Refused, all of it, with the rule's message naming the card: a dropped card does not
    // go on where it stood.
    let dropped_name: String = {
        let pool = app.pool().await;
        let name = sqlx::query_scalar("SELECT nominee_name FROM nominations WHERE id = $1")
            .bind(dropped.0)
            .fetch_one(&pool)
            .await
            .unwrap();
        pool.close().await;
        name
    };
    let (status, body) = app
        .call_fn(
            &office,
            CarryOver {
                year: 2026,
                items: vec![
                    item(evaluated.0, evaluated.1, CarryChoice::Continue),
                    item(dropped.0, dropped.1, CarryChoice::Continue),
                ],
            },
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(
        body.to_string()
            .contains(&format!("{dropped_name} đã dừng")),
        "{body}"
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM nominations WHERE year = 2027").await,
        0
    );

    // A stale version is a conflict; unit staff may not close a year.
    let (status, body) = app
        .call_fn(
            &office,
            CarryOver {
                year: 2026,
                items: vec![item(evaluated.0, evaluated.1 + 1, CarryChoice::Continue)],
            },
        )
        .await;
    assert_eq!(status, 409, "{body}");
    let staff = app.login("staff1").await;
    let (status, _) = app
        .call_fn(
            &staff,
            CarryOver {
                year: 2026,
                items: vec![item(evaluated.0, evaluated.1, CarryChoice::Continue)],
            },
        )
        .await;
    assert_eq!(status, 403);

    // The fostered card's plan has its 2026 activities and one not yet dated.
    {
        let pool = app.pool().await;
        sqlx::query(
            "INSERT INTO fostering_activities (nomination_id, ord, kind, title, date, status)
             SELECT $1, COALESCE(MAX(ord), 0) + 1, 'publicity', 'Phóng sự truyền hình', NULL,
                 'planned'
             FROM fostering_activities WHERE nomination_id = $1",
        )
        .bind(fostered.0)
        .execute(&pool)
        .await
        .unwrap();
        pool.close().await;
    }
    let activities = "SELECT COUNT(*) FROM fostering_activities WHERE nomination_id = $1";
    assert!(scalar(&app, activities, fostered.0).await > 1);

    // The batch: two go on, the dropped one starts again.
    let (status, body) = app
        .call_fn(
            &office,
            CarryOver {
                year: 2026,
                items: vec![
                    item(evaluated.0, evaluated.1, CarryChoice::Continue),
                    item(fostered.0, fostered.1, CarryChoice::Continue),
                    item(dropped.0, dropped.1, CarryChoice::Restart),
                ],
            },
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let made: Vec<i64> = serde_json::from_value(body).unwrap();
    assert_eq!(made.len(), 3);
    let next_of = |from: i64| {
        let app = &app;
        async move {
            scalar(
                app,
                "SELECT id FROM nominations WHERE carried_from = $1",
                from,
            )
            .await
        }
    };
    let (evaluated2, fostered2, dropped2) = (
        next_of(evaluated.0).await,
        next_of(fostered.0).await,
        next_of(dropped.0).await,
    );
    // Where each stands in 2027: a new evaluation cycle begins fostered.
    assert_eq!(stage_of(&app, evaluated2).await.0, "fostering");
    assert_eq!(stage_of(&app, fostered2).await.0, "fostering");
    assert_eq!(stage_of(&app, dropped2).await.0, "discovered");
    for id in [evaluated2, fostered2, dropped2] {
        assert_eq!(
            scalar(&app, "SELECT year FROM nominations WHERE id = $1", id).await,
            2027
        );
    }
    // The 2026 cards are as they were.
    assert_eq!(
        stage_of(&app, evaluated.0).await,
        ("evaluating".into(), evaluated.1)
    );
    // The dossier, the evidence and the approved plan go on; the evaluations stay in 2026.
    let evidence = "SELECT COUNT(*) FROM nomination_evidence WHERE nomination_id = $1";
    assert_eq!(
        scalar(&app, evidence, fostered2).await,
        scalar(&app, evidence, fostered.0).await
    );
    assert!(scalar(&app, evidence, fostered2).await > 0);
    let approved =
        "SELECT COUNT(*) FROM fostering_plans WHERE nomination_id = $1 AND approved_at IS NOT NULL";
    assert_eq!(scalar(&app, approved, fostered2).await, 1);
    // Of its activities only the undated one goes on: the dated ones are 2026's record.
    assert_eq!(scalar(&app, activities, fostered2).await, 1);
    assert_eq!(
        scalar(
            &app,
            "SELECT COUNT(*) FROM fostering_activities WHERE nomination_id = $1 AND date IS NULL",
            fostered2
        )
        .await,
        1
    );
    let evaluations = "SELECT COUNT(*) FROM evaluations WHERE nomination_id = $1";
    assert!(scalar(&app, evaluations, evaluated.0).await > 0);
    assert_eq!(scalar(&app, evaluations, evaluated2).await, 0);

    // Each year's board shows its own cards.
    assert_eq!(board_total(&app, &office, 2027).await, 3);
    assert_eq!(board_total(&app, &office, 2026).await, before_2026);

    // The nomination page links the exemplar's years, both ways.
    let (status, page) = app.call_fn(&office, GetNomination { id: evaluated2 }).await;
    assert_eq!(status, 200, "{page}");
    let years: Vec<(i64, i64)> = page["record"]["years"]
        .as_array()
        .unwrap()
        .iter()
        .map(|y| (y["id"].as_i64().unwrap(), y["year"].as_i64().unwrap()))
        .collect();
    assert_eq!(years, vec![(evaluated.0, 2026), (evaluated2, 2027)]);
    let (_, page) = app
        .call_fn(&office, GetNomination { id: evaluated.0 })
        .await;
    assert_eq!(page["record"]["years"].as_array().unwrap().len(), 2);

    // The page of 2026 says where each went; a second carry is refused.
    let (_, view) = app
        .call_fn(&office, GetCarryOver { year: Some(2026) })
        .await;
    let row = view["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == evaluated.0)
        .unwrap()
        .clone();
    assert_eq!(row["carried_to"], evaluated2);
    let (status, body) = app
        .call_fn(
            &office,
            CarryOver {
                year: 2026,
                items: vec![item(evaluated.0, evaluated.1, CarryChoice::Continue)],
            },
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(
        body.to_string().contains("đã được chuyển sang năm 2027"),
        "{body}"
    );

    // The 2026 card is 2026's record now: it is neither moved, undone nor edited there
    // (the 2027 card is), and nothing of it changes.
    let carried_on = "đã được chuyển sang năm 2027: hồ sơ của năm cũ được giữ nguyên";
    let (status, body) = move_card(
        &app,
        &office,
        evaluated.0,
        evaluated.1,
        Stage::Dropped,
        Some("Không còn đủ điều kiện"),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    assert!(body.to_string().contains(carried_on), "{body}");
    let (status, form) = app
        .call_fn(
            &office,
            NominationForm {
                id: Some(fostered.0),
            },
        )
        .await;
    assert_eq!(status, 200, "{form}");
    let mut draft: NominationDraft = serde_json::from_value(form["draft"].clone()).unwrap();
    draft.nominee_name.push_str(" (sửa)");
    let edit = SaveNomination {
        id: Some(fostered.0),
        version: form["version"].as_i64().unwrap(),
        year: 2026,
        draft,
    };
    let (status, body) = app.call_fn(&office, edit).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.to_string().contains(carried_on), "{body}");
    assert_eq!(
        stage_of(&app, evaluated.0).await,
        ("evaluating".into(), evaluated.1)
    );
    assert_eq!(
        stage_of(&app, fostered.0).await,
        ("fostering".into(), fostered.1)
    );
    let (_, version) = stage_of(&app, fostered2).await;
    let (status, body) = move_card(
        &app,
        &office,
        fostered2,
        version,
        Stage::Dropped,
        Some("Không còn đủ điều kiện"),
    )
    .await;
    assert_eq!(status, 200, "{body}");

    // Recorded: one event and audit entry per new card, and the refusal of unit staff.
    let audited = count(
        &app,
        "SELECT COUNT(*) FROM audit_log WHERE action = 'carry_over'",
    )
    .await;
    assert_eq!(audited, 3);
    let refused = count(
        &app,
        "SELECT COUNT(*) FROM audit_log WHERE action = 'forbidden' AND object_type = 'carry_over'",
    )
    .await;
    assert_eq!(refused, 1);

    // The history of the new card starts with where it came from.
    let (_, page) = app.call_fn(&office, GetNomination { id: dropped2 }).await;
    let history = page["record"]["history"].as_array().unwrap();
    assert_eq!(history[0]["action"], "carry_over");
    assert_eq!(history[0]["from"], "dropped");
    assert_eq!(history[0]["to"], "discovered");
    app.stop().await;
}

#[tokio::test]
async fn a_unit_head_goes_on_with_the_unit_s_collective_and_the_last_year_has_no_next() {
    let app = spawn_app_at(today()).await;
    let office = app.login("office").await;
    let head = app.login("head1").await;
    let pool = app.pool().await;
    let (collective, unit_id): (i64, i64) = sqlx::query_as(
        "SELECT n.id, n.unit_id FROM nominations n JOIN units u ON u.id = n.unit_id
         WHERE u.code = 'CCPTNT' AND n.kind = 'collective' AND n.year = 2026
           AND n.stage IN ('registered', 'fostering', 'evaluating', 'replicated')
         ORDER BY n.id LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    let draft = unit_head_draft(unit_id, Some(collective));
    let save = SaveNomination {
        id: None,
        version: 0,
        year: 2026,
        draft,
    };
    let (status, body) = app.call_fn(&head, save).await;
    assert_eq!(status, 200, "{body}");
    let individual = body["card"]["id"].as_i64().unwrap();
    let (_, version) = stage_of(&app, individual).await;
    let (status, body) = move_card(&app, &head, individual, version, Stage::Registered, None).await;
    assert_eq!(status, 200, "{body}");
    let (_, version) = stage_of(&app, individual).await;
    let (_, collective_version) = stage_of(&app, collective).await;

    // Alone, the head does not go on registered (C-C4); nothing is written.
    let (status, body) = app
        .call_fn(
            &office,
            CarryOver {
                year: 2026,
                items: vec![item(individual, version, CarryChoice::Continue)],
            },
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(
        body.to_string().contains("Lâm Văn Sang: người đứng đầu"),
        "{body}"
    );
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM nominations WHERE year = 2027").await,
        0
    );

    // With the collective in the same batch (listed after it), the link moves to the
    // collective's 2027 card.
    let (status, body) = app
        .call_fn(
            &office,
            CarryOver {
                year: 2026,
                items: vec![
                    item(individual, version, CarryChoice::Continue),
                    item(collective, collective_version, CarryChoice::Continue),
                ],
            },
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let individual2 = scalar(
        &app,
        "SELECT id FROM nominations WHERE carried_from = $1",
        individual,
    )
    .await;
    let collective2 = scalar(
        &app,
        "SELECT id FROM nominations WHERE carried_from = $1",
        collective,
    )
    .await;
    let (_, page) = app
        .call_fn(&office, GetNomination { id: individual2 })
        .await;
    let profile: Value = page["record"]["draft"]["profile"].clone();
    assert_eq!(profile["collective_nomination"], collective2, "{profile}");
    assert_eq!(stage_of(&app, individual2).await.0, "registered");

    // The campaign's last year has no next year.
    let (status, view) = app
        .call_fn(&office, GetCarryOver { year: Some(2030) })
        .await;
    assert_eq!(status, 200, "{view}");
    assert!(view["next_year"].is_null());
    let (status, body) = app
        .call_fn(
            &office,
            CarryOver {
                year: 2030,
                items: vec![item(individual2, 1, CarryChoice::Continue)],
            },
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(body.to_string().contains("năm cuối của kế hoạch"), "{body}");
    app.stop().await;
}
