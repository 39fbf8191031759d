//! The campaign year's deadlines over HTTP (issue 6): statuses counted from the records on
//! their boundary days, what each user owes next, the office's quarterly selections (E-2)
//! and the records of replication. The clock is fixed, never the wall clock.

use crate::common;

use app::api::nominations::{GetNomination, RecordEvaluation, RecordReplication};
use app::api::year::{GetCalendar, GetSelection, MyDeadlines, SaveSelection};
use chrono::NaiveDate;
use common::{spawn_app_at, TestApp};
use serde_json::{json, Value};
use shared::domain::{
    EvaluationDraft, EvaluationPeriod, Rating, ReplicationDraft, SelectionPeriod,
};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

/// The owners of one deadline of the calendar, by the deadline's kind (and period).
fn owners<'a>(calendar: &'a Value, kind: &str, period: Option<&str>) -> &'a Vec<Value> {
    calendar["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| {
            r["deadline"]["kind"]["kind"] == kind
                && period.is_none_or(|p| r["deadline"]["kind"]["period"] == p)
        })
        .unwrap_or_else(|| panic!("no {kind} deadline in {calendar}"))["owners"]
        .as_array()
        .unwrap()
}

async fn calendar(app: &TestApp, cookie: &str) -> Value {
    let (status, body) = app.call_fn(cookie, GetCalendar { year: None }).await;
    assert_eq!(status, 200, "{body}");
    body
}

async fn ids(app: &TestApp, sql: &'static str) -> Vec<i64> {
    let pool = app.pool().await;
    let ids = sqlx::query_scalar(sql).fetch_all(&pool).await.unwrap();
    pool.close().await;
    ids
}

#[tokio::test]
async fn d_2_the_bloc_review_is_due_on_its_day_and_overdue_the_day_after() {
    let on_the_day = spawn_app_at(day(2026, 9, 30)).await;
    let cookie = on_the_day.login("bloc1").await;
    let cal = calendar(&on_the_day, &cookie).await;
    let blocs = owners(&cal, "bloc_review", None);
    assert_eq!(blocs.len(), 4, "every bloc owes its review");
    for b in blocs {
        assert_eq!(
            b["status"],
            json!({ "status": "due_soon", "days_left": 0 }),
            "{b}"
        );
    }
    on_the_day.stop().await;

    let day_after = spawn_app_at(day(2026, 10, 1)).await;
    let cookie = day_after.login("bloc1").await;
    let cal = calendar(&day_after, &cookie).await;
    for b in owners(&cal, "bloc_review", None) {
        assert_eq!(
            b["status"],
            json!({ "status": "overdue", "days_late": 1 }),
            "{b}"
        );
    }
    // The bloc head is told on the board what the bloc owes.
    let (status, mine) = day_after.call_fn(&cookie, MyDeadlines {}).await;
    assert_eq!(status, 200, "{mine}");
    let first = &mine[0];
    assert_eq!(first["deadline"]["kind"]["kind"], "bloc_review", "{mine}");
    assert_eq!(first["owner"], "Khối các Chi cục");
    assert_eq!(first["status"]["status"], "overdue");
    day_after.stop().await;
}

#[tokio::test]
async fn e_1_a_unit_owes_its_evaluations_from_the_checkpoint_and_is_done_when_all_are_recorded() {
    let on_the_day = spawn_app_at(day(2026, 6, 30)).await;
    let office = on_the_day.login("office").await;
    let cal = calendar(&on_the_day, &office).await;
    // CCPTNT (staff1's unit) fosters one card without its 6-month evaluation, and has one
    // in evaluation with it.
    let six = owners(&cal, "evaluation", Some("six_month"));
    let unit = six
        .iter()
        .find(|o| o["owner"] == "Chi cục Phát triển nông thôn")
        .unwrap();
    assert_eq!(
        unit["status"],
        json!({ "status": "due_soon", "days_left": 0 })
    );
    let (done, total) = (
        unit["done"].as_u64().unwrap(),
        unit["total"].as_u64().unwrap(),
    );
    assert!(done < total, "{unit}");
    // Units that foster nothing owe no evaluation.
    assert!(six.len() < 20);
    on_the_day.stop().await;

    let day_after = spawn_app_at(day(2026, 7, 1)).await;
    let office = day_after.login("office").await;
    let cal = calendar(&day_after, &office).await;
    let unit = owners(&cal, "evaluation", Some("six_month"))
        .iter()
        .find(|o| o["owner"] == "Chi cục Phát triển nông thôn")
        .unwrap()
        .clone();
    assert_eq!(
        unit["status"],
        json!({ "status": "overdue", "days_late": 1 })
    );
    // Staff record what is missing; the unit is then done.
    let staff = day_after.login("staff1").await;
    let missing = ids(
        &day_after,
        "SELECT n.id FROM nominations n JOIN units u ON u.id = n.unit_id
         WHERE u.code = 'CCPTNT' AND n.stage IN ('fostering', 'evaluating', 'replicated')
           AND NOT EXISTS (SELECT 1 FROM evaluations e WHERE e.nomination_id = n.id
                           AND e.period = 'six_month')",
    )
    .await;
    assert!(!missing.is_empty());
    let (status, mine) = day_after.call_fn(&staff, MyDeadlines {}).await;
    assert_eq!(status, 200);
    assert!(
        mine.as_array()
            .unwrap()
            .iter()
            .any(|i| i["deadline"]["kind"]["period"] == "six_month"
                && i["status"]["status"] == "overdue"),
        "{mine}"
    );
    for id in missing {
        let draft = EvaluationDraft {
            period: EvaluationPeriod::SixMonth,
            rating: Rating::Good,
            achievements: "Đạt chỉ tiêu".into(),
            evaluator: "Hội đồng TĐKT Chi cục".into(),
            date: Some(day(2026, 6, 30)),
            commendation: "".into(),
        };
        let (status, body) = day_after
            .call_fn(&staff, RecordEvaluation { id, draft })
            .await;
        assert_eq!(status, 200, "{body}");
        // The card now carries the evaluation (its overdue badge goes).
        assert!(body["card"]["evaluations"]
            .as_array()
            .unwrap()
            .contains(&json!("six_month")));
    }
    let cal = calendar(&day_after, &office).await;
    let unit = owners(&cal, "evaluation", Some("six_month"))
        .iter()
        .find(|o| o["owner"] == "Chi cục Phát triển nông thôn")
        .unwrap()
        .clone();
    assert_eq!(unit["status"], json!({ "status": "done" }));
    assert_eq!(unit["done"], unit["total"]);
    // Leadership owes nothing and is told nothing.
    let leader = day_after.login("leader").await;
    let (_, mine) = day_after.call_fn(&leader, MyDeadlines {}).await;
    assert_eq!(mine, json!([]));
    day_after.stop().await;
}

#[tokio::test]
async fn e_2_the_office_records_a_quarterly_selection_once_per_version() {
    let app = spawn_app_at(day(2026, 10, 15)).await;
    let office = app.login("office").await;
    let eligible = ids(
        &app,
        "SELECT id FROM nominations WHERE stage IN ('evaluating', 'replicated') ORDER BY id",
    )
    .await;
    let discovered = ids(
        &app,
        "SELECT id FROM nominations WHERE stage = 'discovered' LIMIT 1",
    )
    .await;
    let q3 = |version: i64, ids: Vec<i64>| SaveSelection {
        year: 2026,
        period: SelectionPeriod::Q3,
        version,
        ids,
    };
    let read_q3 = || GetSelection {
        year: Some(2026),
        period: Some(SelectionPeriod::Q3),
    };

    // Before: the third quarter's selection is overdue for the office.
    let cal = calendar(&app, &office).await;
    let quarter = owners(&cal, "quarter", None)
        .iter()
        .find(|o| o["status"]["status"] == "overdue")
        .cloned();
    assert!(quarter.is_some(), "{cal}");

    // Bad input: an empty list, a nomination not registered; refused, nothing saved.
    let (status, body) = app.call_fn(&office, q3(0, vec![])).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.to_string().contains("ít nhất một điển hình"), "{body}");
    let (status, body) = app
        .call_fn(&office, q3(0, vec![eligible[0], discovered[0]]))
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(body.to_string().contains("chưa đăng ký với Sở"), "{body}");
    // Only the office may save; unit staff may not even read.
    let staff = app.login("staff1").await;
    let (status, _) = app.call_fn(&staff, q3(0, vec![eligible[0]])).await;
    assert_eq!(status, 403);
    let (status, _) = app.call_fn(&staff, read_q3()).await;
    assert_eq!(status, 403);
    let pool = app.pool().await;
    let saved: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM selection_items")
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    assert_eq!(saved, 0);

    let chosen = eligible[..2].to_vec();
    let (status, version) = app.call_fn(&office, q3(0, chosen.clone())).await;
    assert_eq!(status, 200, "{version}");
    assert_eq!(version, 1);
    // A save against the old version is stale.
    let (status, _) = app.call_fn(&office, q3(0, vec![eligible[2]])).await;
    assert_eq!(status, 409);

    // Leadership reads it; the calendar counts the quarter as done.
    let leader = app.login("leader").await;
    let (status, view) = app.call_fn(&leader, read_q3()).await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(view["can_edit"], false);
    assert_eq!(view["version"], 1);
    let selected: Vec<i64> = view["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|c| c["selected"] == true)
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    let mut expected = chosen.clone();
    expected.sort_unstable();
    let mut got = selected.clone();
    got.sort_unstable();
    assert_eq!(got, expected);
    let cal = calendar(&app, &office).await;
    let q3_row = cal["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["deadline"]["kind"] == json!({ "kind": "quarter", "quarter": 3 }))
        .unwrap();
    assert_eq!(q3_row["owners"][0]["status"], json!({ "status": "done" }));
    assert_eq!(q3_row["owners"][0]["done"], 2);
    // Recorded in the audit history.
    let pool = app.pool().await;
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'save_selection' AND object_id = '2026-q3'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    assert_eq!(audited, 1);
    app.stop().await;
}

#[tokio::test]
async fn replications_are_recorded_on_models_being_evaluated_or_replicated() {
    let app = spawn_app_at(day(2026, 10, 15)).await;
    let office = app.login("office").await;
    let replicated = ids(
        &app,
        "SELECT id FROM nominations WHERE stage = 'replicated' LIMIT 1",
    )
    .await[0];
    let fostering = ids(
        &app,
        "SELECT id FROM nominations WHERE stage = 'fostering' LIMIT 1",
    )
    .await[0];
    let replicate = |id: i64, adopter: &str, date: NaiveDate| RecordReplication {
        id,
        draft: ReplicationDraft {
            adopter: adopter.into(),
            date: Some(date),
            result: "15 hộ áp dụng, thu nhập tăng 20%".into(),
        },
    };
    let (status, body) = app
        .call_fn(
            &office,
            replicate(fostering, "Xã An Nhơn Tây", day(2026, 10, 1)),
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(
        body.to_string().contains("Chỉ ghi nhận nhân rộng"),
        "{body}"
    );
    let (status, body) = app
        .call_fn(&office, replicate(replicated, "", day(2026, 10, 1)))
        .await;
    assert_eq!(status, 400, "{body}");
    let (status, body) = app
        .call_fn(
            &office,
            replicate(replicated, "Xã An Nhơn Tây", day(2026, 10, 16)),
        )
        .await;
    assert_eq!(status, 400, "a date in the future: {body}");
    let (status, body) = app
        .call_fn(
            &office,
            replicate(replicated, " Xã An Nhơn Tây ", day(2026, 10, 1)),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["action"], "replicate");
    assert_eq!(
        body["card"]["replications"], 1,
        "the card shows how far it spread"
    );
    let (_, view) = app.call_fn(&office, GetNomination { id: replicated }).await;
    assert_eq!(
        view["record"]["replications"][0]["replication"]["adopter"],
        "Xã An Nhơn Tây"
    );
    assert_eq!(view["can_replicate"], true);
    let leader = app.login("leader").await;
    let (status, _) = app
        .call_fn(
            &leader,
            replicate(replicated, "Xã Tân Phú", day(2026, 10, 1)),
        )
        .await;
    assert_eq!(status, 403);
    app.stop().await;
}

#[tokio::test]
async fn the_calendar_of_a_chosen_year_shows_that_year_s_stored_deadlines_and_records() {
    use app::api::admin::{GetCampaignYears, ListCampaigns, SaveCampaignYear};
    use app::types::model::CampaignYears;
    use shared::rules::deadline::year_deadlines;

    let app = spawn_app_at(day(2026, 10, 15)).await;
    let admin = app.login("admin").await;
    let (_, campaigns) = app.call_fn(&admin, ListCampaigns {}).await;
    let campaign_id = campaigns[0]["id"].as_i64().unwrap();
    let (status, body) = app.call_fn(&admin, GetCampaignYears { campaign_id }).await;
    assert_eq!(status, 200, "{body}");
    let plan: CampaignYears = serde_json::from_value(body).unwrap();
    let stored = |year: i32| {
        plan.years
            .iter()
            .find(|y| y.calendar.year == year)
            .unwrap()
            .clone()
    };
    let (this_year, next_year) = (stored(2026), stored(2027));
    // 2027's D-2 moved to a day no other year has.
    let mut changed = next_year.calendar.clone();
    changed.bloc_review_deadline = day(2027, 8, 20);
    let save = SaveCampaignYear {
        campaign_id,
        calendar: changed.clone(),
        version: next_year.version,
    };
    let (status, body) = app.call_fn(&admin, save).await;
    assert_eq!(status, 200, "{body}");

    let office = app.login("office").await;
    let deadlines = |calendar: &Value| -> Vec<Value> {
        calendar["rows"]
            .as_array()
            .unwrap()
            .iter()
            .map(|r| r["deadline"].clone())
            .collect()
    };
    let expected = |calendar: &shared::domain::CampaignYear| {
        year_deadlines(calendar)
            .iter()
            .map(|d| serde_json::to_value(d).unwrap())
            .collect::<Vec<_>>()
    };
    // Registrations (D-1) done by each unit in the view's year.
    let registrations = |calendar: &Value| -> u64 {
        calendar["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["deadline"]["kind"]["kind"] == "registration")
            .unwrap()["owners"]
            .as_array()
            .unwrap()
            .iter()
            .map(|o| o["done"].as_u64().unwrap())
            .sum()
    };

    let (status, chosen) = app.call_fn(&office, GetCalendar { year: Some(2027) }).await;
    assert_eq!(status, 200, "{chosen}");
    assert_eq!(chosen["year"], 2027, "{chosen}");
    assert_eq!(
        deadlines(&chosen),
        expected(&changed),
        "2027's stored calendar"
    );
    assert!(chosen.to_string().contains("2027-08-20"), "{chosen}");
    assert_eq!(
        registrations(&chosen),
        0,
        "nothing registered in 2027: {chosen}"
    );

    // Today's year is still today's, with its own deadlines and records.
    let current = calendar(&app, &office).await;
    assert_eq!(current["year"], 2026, "{current}");
    assert_eq!(deadlines(&current), expected(&this_year.calendar));
    assert!(!current.to_string().contains("2027-08-20"), "{current}");
    assert!(registrations(&current) > 0, "{current}");
    app.stop().await;
}
