//! Leadership's summary, the blocs' reviews and the exported lists (issue 8), over HTTP on
//! the demo data with a fixed clock: the numbers equal counts made directly in the
//! database, before and after a move; reviews are drafted, refused when incomplete, sent
//! once and then final; files reopen with their Vietnamese text, and are refused to those
//! without the right.

use crate::common;

use app::api::board::MoveNomination;
use app::api::council::DecideForCity;
use app::api::summary::{GetBlocReview, GetSummary, SaveBlocReview};
use app::api::year::GetCalendar;
use app::types::model::{MoveRequest, Place};
use chrono::NaiveDate;
use common::{spawn_app_at, TestApp};
use serde_json::{json, Value};
use shared::domain::Stage;
use shared::rules::review::ReviewDraft;
use std::collections::{BTreeMap, HashMap};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

const STAGES: [&str; 6] = [
    "discovered",
    "registered",
    "fostering",
    "evaluating",
    "replicated",
    "dropped",
];
const KINDS: [&str; 4] = ["collective", "individual", "cooperative", "household"];
const PERIODS: [&str; 3] = ["six_month", "nine_month", "annual"];

async fn summary(app: &TestApp, cookie: &str) -> Value {
    let (status, body) = app.call_fn(cookie, GetSummary { year: None }).await;
    assert_eq!(status, 200, "{body}");
    body
}

/// Per unit id: the tally the summary shows.
fn unit_tallies(summary: &Value) -> HashMap<i64, Value> {
    summary["blocs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|b| b["units"].as_array().unwrap().iter())
        .map(|u| (u["id"].as_i64().unwrap(), u["tally"].clone()))
        .collect()
}

/// The same counts, made directly in the database for the year.
async fn direct_tallies(app: &TestApp, year: i32) -> HashMap<i64, Value> {
    let pool = app.pool().await;
    let units: Vec<i64> = sqlx::query_scalar("SELECT id FROM units")
        .fetch_all(&pool)
        .await
        .unwrap();
    let mut out = HashMap::new();
    for unit in units {
        let count = |sql: &'static str| {
            let pool = pool.clone();
            async move {
                sqlx::query_scalar::<_, i64>(sql)
                    .bind(unit)
                    .bind(year)
                    .fetch_one(&pool)
                    .await
                    .unwrap()
            }
        };
        let mut by_stage = Vec::new();
        for stage in STAGES {
            let n: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM nominations WHERE unit_id = $1 AND year = $2 AND stage = $3",
            )
            .bind(unit)
            .bind(year)
            .bind(stage)
            .fetch_one(&pool)
            .await
            .unwrap();
            by_stage.push(n);
        }
        let mut by_kind = Vec::new();
        for kind in KINDS {
            let n: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM nominations WHERE unit_id = $1 AND year = $2 AND kind = $3",
            )
            .bind(unit)
            .bind(year)
            .bind(kind)
            .fetch_one(&pool)
            .await
            .unwrap();
            by_kind.push(n);
        }
        let mut evaluated = Vec::new();
        for period in PERIODS {
            let n: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM nominations n
                 WHERE n.unit_id = $1 AND n.year = $2
                   AND n.stage IN ('fostering', 'evaluating', 'replicated')
                   AND EXISTS (SELECT 1 FROM evaluations e
                               WHERE e.nomination_id = n.id AND e.period = $3)",
            )
            .bind(unit)
            .bind(year)
            .bind(period)
            .fetch_one(&pool)
            .await
            .unwrap();
            evaluated.push(n);
        }
        out.insert(
            unit,
            json!({
                "nominations": count("SELECT COUNT(*) FROM nominations WHERE unit_id = $1 AND year = $2").await,
                "by_stage": by_stage,
                "by_kind": by_kind,
                "city": count("SELECT COUNT(*) FROM nominations WHERE unit_id = $1 AND year = $2 AND city_registered").await,
                "registered": count(
                    "SELECT COUNT(*) FROM nominations WHERE unit_id = $1 AND year = $2
                       AND (stage NOT IN ('discovered', 'dropped')
                            OR (stage = 'dropped' AND dropped_from <> 'discovered'))").await,
                "fostered": count(
                    "SELECT COUNT(*) FROM nominations WHERE unit_id = $1 AND year = $2
                       AND stage IN ('fostering', 'evaluating', 'replicated')").await,
                "evaluated": evaluated,
                "replications": count(
                    "SELECT COUNT(*) FROM replications r JOIN nominations n ON n.id = r.nomination_id
                     WHERE n.unit_id = $1 AND n.year = $2").await,
            }),
        );
    }
    pool.close().await;
    out
}

fn assert_same_counts(shown: &HashMap<i64, Value>, direct: &HashMap<i64, Value>) {
    assert_eq!(shown.len(), direct.len(), "every unit is in the summary");
    for (unit, want) in direct {
        let got = &shown[unit];
        for key in want.as_object().unwrap().keys() {
            assert_eq!(got[key], want[key], "unit {unit}, {key}: {got}");
        }
    }
}

#[tokio::test]
async fn the_summary_equals_counts_made_in_the_database_and_follows_a_move() {
    let app = spawn_app_at(day(2026, 10, 15)).await;
    let leader = app.login("leader").await;
    let first = summary(&app, &leader).await;
    assert_eq!(first["year"], 2026);
    assert_eq!(first["all_blocs"], true);
    assert_eq!(first["blocs"].as_array().unwrap().len(), 4);
    let direct = direct_tallies(&app, 2026).await;
    assert_same_counts(&unit_tallies(&first), &direct);
    let total: i64 = direct
        .values()
        .map(|t| t["nominations"].as_i64().unwrap())
        .sum();
    assert_eq!(first["total"]["nominations"], total);
    assert!(total > 0, "the demo has nominations");

    // A move made by someone else: the next summary counts it (caught up from the event
    // log, not recounted), and nothing else changes.
    let pool = app.pool().await;
    let (id, version, unit): (i64, i64, i64) = sqlx::query_as(
        "SELECT id, version, unit_id FROM nominations WHERE year = 2026 AND stage = 'discovered'
         ORDER BY id LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    let office = app.login("office").await;
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
    let after = summary(&app, &leader).await;
    assert!(after["seq"].as_i64() > first["seq"].as_i64());
    let before_unit = &unit_tallies(&first)[&unit];
    let after_unit = &unit_tallies(&after)[&unit];
    assert_eq!(
        after_unit["by_stage"][0].as_i64().unwrap(),
        before_unit["by_stage"][0].as_i64().unwrap() - 1
    );
    assert_eq!(
        after_unit["by_stage"][5].as_i64().unwrap(),
        before_unit["by_stage"][5].as_i64().unwrap() + 1
    );
    assert_eq!(after_unit["nominations"], before_unit["nominations"]);
    assert_same_counts(&unit_tallies(&after), &direct_tallies(&app, 2026).await);

    // Unit staff have no summary; the refusal is a 403.
    let staff = app.login("staff1").await;
    let (status, _) = app.call_fn(&staff, GetSummary { year: None }).await;
    assert_eq!(status, 403);
    app.stop().await;
}

#[tokio::test]
async fn a_bloc_head_drafts_then_sends_the_review_once() {
    let app = spawn_app_at(day(2026, 10, 15)).await;
    let bloc_head = app.login("bloc1").await;
    // The bloc head's summary is their own bloc only.
    let mine = summary(&app, &bloc_head).await;
    let blocs = mine["blocs"].as_array().unwrap();
    assert_eq!(blocs.len(), 1, "{mine}");
    assert_eq!(mine["all_blocs"], false);
    let bloc_id = blocs[0]["id"].as_i64().unwrap();
    assert_eq!(blocs[0]["review"]["submitted_on"], Value::Null);
    assert_eq!(blocs[0]["review"]["status"]["status"], "overdue");

    let (status, review) = app
        .call_fn(
            &bloc_head,
            GetBlocReview {
                bloc_id,
                year: None,
            },
        )
        .await;
    assert_eq!(status, 200, "{review}");
    assert_eq!(review["can_write"], true);
    assert_eq!(review["version"], 0);
    let exemplars: Vec<i64> = review["exemplars"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["id"].as_i64().unwrap())
        .collect();
    assert!(exemplars.len() >= 2, "{review}");
    let comments = |all: bool| -> BTreeMap<i64, String> {
        let n = if all { exemplars.len() } else { 1 };
        exemplars[..n]
            .iter()
            .map(|id| (*id, "Hoạt động hiệu quả, đáng nhân rộng".to_string()))
            .collect()
    };
    let review_draft = |assessment: &str, comments: BTreeMap<i64, String>| ReviewDraft {
        assessment: assessment.into(),
        comments,
    };
    let save = |version: i64, draft: ReviewDraft, submit: bool| SaveBlocReview {
        bloc_id,
        year: 2026,
        version,
        draft,
        submit,
    };

    // A draft may be incomplete.
    let draft = review_draft("", comments(false));
    let (status, v1) = app.call_fn(&bloc_head, save(0, draft, false)).await;
    assert_eq!(status, 200, "{v1}");
    assert_eq!(v1, 1);
    // A stale version is a conflict that names who saved.
    let draft = review_draft("Khối hoàn thành tốt", comments(false));
    let (status, body) = app.call_fn(&bloc_head, save(0, draft, false)).await;
    assert_eq!(status, 409, "{body}");
    // Sending it needs an assessment and a comment on every exemplar.
    let draft = review_draft("", comments(false));
    let (status, body) = app.call_fn(&bloc_head, save(1, draft, true)).await;
    assert_eq!(status, 400, "{body}");
    let text = body.to_string();
    assert!(text.contains("Chưa có nhận xét cho"), "{text}");
    // Unit staff may not write it, leadership reads only.
    let staff = app.login("staff1").await;
    let draft = review_draft("x", BTreeMap::new());
    let (status, _) = app.call_fn(&staff, save(1, draft.clone(), false)).await;
    assert_eq!(status, 403);
    let leader = app.login("leader").await;
    let (status, _) = app.call_fn(&leader, save(1, draft, false)).await;
    assert_eq!(status, 403);

    let full = review_draft(
        "Khối hoàn thành tốt nhiệm vụ bồi dưỡng điển hình",
        comments(true),
    );
    let (status, v2) = app.call_fn(&bloc_head, save(1, full.clone(), true)).await;
    assert_eq!(status, 200, "{v2}");
    assert_eq!(v2, 2);
    // Sent twice, or changed after: refused.
    let (status, body) = app.call_fn(&bloc_head, save(2, full.clone(), true)).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.to_string().contains("đã gửi Sở"), "{body}");
    let (status, _) = app.call_fn(&bloc_head, save(2, full, false)).await;
    assert_eq!(status, 400);

    // Read-only now; the summary, the calendar and the audit history show it.
    let (_, review) = app
        .call_fn(
            &bloc_head,
            GetBlocReview {
                bloc_id,
                year: Some(2026),
            },
        )
        .await;
    assert_eq!(review["can_write"], false);
    assert_eq!(review["submitted_on"], "2026-10-15");
    let overall = summary(&app, &leader).await;
    let bloc = overall["blocs"]
        .as_array()
        .unwrap()
        .iter()
        .find(|b| b["id"] == bloc_id)
        .unwrap()
        .clone();
    assert_eq!(bloc["review"]["status"]["status"], "done");
    assert_eq!(bloc["review"]["submitted_on"], "2026-10-15");
    let late = overall["blocs"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|b| b["review"]["status"]["status"] == "overdue")
        .count();
    assert_eq!(late, 3, "the other blocs are late");
    let (_, calendar) = app.call_fn(&leader, GetCalendar { year: None }).await;
    let reviews = calendar["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["deadline"]["kind"]["kind"] == "bloc_review")
        .unwrap()["owners"]
        .clone();
    let done = reviews
        .as_array()
        .unwrap()
        .iter()
        .filter(|o| o["status"]["status"] == "done")
        .count();
    assert_eq!(done, 1);
    let pool = app.pool().await;
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'submit_bloc_review' AND object_id = $1",
    )
    .bind(format!("2026-{bloc_id}"))
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    assert_eq!(audited, 1);

    // Another bloc's review is not theirs to see.
    let other = bloc_id % 4 + 1;
    let (status, _) = app
        .call_fn(
            &bloc_head,
            GetBlocReview {
                bloc_id: other,
                year: None,
            },
        )
        .await;
    assert_eq!(status, 403);
    app.stop().await;
}

fn read_xlsx(bytes: Vec<u8>) -> Vec<Vec<String>> {
    use calamine::{Data, DataType, Reader, Xlsx};
    let mut book: Xlsx<_> = Xlsx::new(std::io::Cursor::new(bytes)).expect("an xlsx file");
    let sheet = book.sheet_names()[0].clone();
    let range = book.worksheet_range(&sheet).expect("the sheet");
    range
        .rows()
        .map(|r| {
            r.iter()
                .map(|c| match c {
                    // Dates are real dates, shown as Vietnamese write them.
                    Data::DateTime(_) => c
                        .as_date()
                        .map(|d| d.format("%d/%m/%Y").to_string())
                        .unwrap_or_default(),
                    other => other.to_string(),
                })
                .collect()
        })
        .collect()
}

#[tokio::test]
async fn the_city_list_downloads_as_xlsx_and_csv_and_only_for_those_allowed() {
    let app = spawn_app_at(day(2026, 10, 15)).await;
    let office = app.login("office").await;
    // Record a decision so the list has models, scores and a date.
    let pool = app.pool().await;
    let chosen: Vec<(i64, String)> = sqlx::query_as(
        "SELECT id, nominee_name FROM nominations
         WHERE year = 2026 AND stage IN ('registered', 'fostering', 'evaluating', 'replicated')
         ORDER BY id LIMIT 3",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    pool.close().await;
    let ids: Vec<i64> = chosen.iter().map(|c| c.0).collect();
    let (status, body) = app
        .call_fn(
            &office,
            DecideForCity {
                decided_on: day(2026, 10, 14),
                ids,
            },
        )
        .await;
    assert_eq!(status, 200, "{body}");

    let resp = app.get_as(&office, "/exports/city.xlsx?year=2026").await;
    assert_eq!(resp.status(), 200);
    assert!(resp.headers()["content-disposition"]
        .to_str()
        .unwrap()
        .contains("danh-sach-thanh-pho-2026.xlsx"));
    let rows = read_xlsx(resp.bytes().await.unwrap().to_vec());
    let all = rows.concat().join("|");
    assert!(
        all.contains("DANH SÁCH ĐIỂN HÌNH TIÊN TIẾN ĐĂNG KÝ VỚI THÀNH PHỐ NĂM 2026"),
        "{all}"
    );
    let header = rows
        .iter()
        .position(|r| r.first().is_some_and(|c| c == "STT"))
        .expect("a header row");
    assert_eq!(rows[header][1], "Tên tập thể, cá nhân");
    let names: Vec<&String> = rows[header + 1..header + 4].iter().map(|r| &r[1]).collect();
    for (_, name) in &chosen {
        assert!(names.contains(&name), "{name} in {names:?}");
    }
    assert!(
        rows[header + 1][6].contains("2026"),
        "{:?}",
        rows[header + 1]
    );

    // CSV: BOM, then the same rows, and they read back.
    let resp = app.get_as(&office, "/exports/city.csv?year=2026").await;
    assert_eq!(resp.status(), 200);
    assert!(resp.headers()["content-type"]
        .to_str()
        .unwrap()
        .starts_with("text/csv"));
    let bytes = resp.bytes().await.unwrap().to_vec();
    assert!(bytes.starts_with(b"\xEF\xBB\xBF"));
    let csv = server::export::parse_csv(&bytes).unwrap();
    assert_eq!(csv[0][0], "STT");
    assert_eq!(csv.len(), 4, "{csv:?}");
    assert_eq!(csv[1][6], "14/10/2026");
    for (_, name) in &chosen {
        assert!(csv.iter().any(|r| &r[1] == name), "{name}");
    }

    // An empty year: a valid file with a "no data" row.
    let resp = app.get_as(&office, "/exports/city.xlsx?year=2027").await;
    assert_eq!(resp.status(), 200);
    let rows = read_xlsx(resp.bytes().await.unwrap().to_vec());
    assert!(
        rows.iter()
            .any(|r| r.first().is_some_and(|c| c == "Không có dữ liệu")),
        "{rows:?}"
    );
    let resp = app.get_as(&office, "/exports/q2.csv?year=2027").await;
    assert_eq!(resp.status(), 200);
    let csv = server::export::parse_csv(&resp.bytes().await.unwrap()).unwrap();
    assert_eq!(csv[1][0], "Không có dữ liệu");

    // Without the right: 403, recorded.
    let staff = app.login("staff1").await;
    let resp = app.get_as(&staff, "/exports/city.xlsx?year=2026").await;
    assert_eq!(resp.status(), 403);
    let bloc_head = app.login("bloc1").await;
    let resp = app.get_as(&bloc_head, "/exports/annual.csv").await;
    assert_eq!(resp.status(), 403);
    // A bloc head downloads their own bloc's review, not another's.
    let pool = app.pool().await;
    let own: i64 = sqlx::query_scalar(
        "SELECT u.bloc_id FROM users a JOIN units u ON u.id = a.unit_id WHERE a.username = 'bloc1'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let refused: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'forbidden' AND object_type = 'export'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    assert!(refused >= 2);
    let resp = app
        .get_as(&bloc_head, &format!("/exports/review-{own}.csv"))
        .await;
    assert_eq!(resp.status(), 200);
    let resp = app
        .get_as(&bloc_head, &format!("/exports/review-{}.csv", own % 4 + 1))
        .await;
    assert_eq!(resp.status(), 403);
    let resp = app.get_as(&office, "/exports/nothing.pdf").await;
    assert_eq!(resp.status(), 404);
    app.stop().await;
}

#[tokio::test]
async fn the_summary_of_a_chosen_year_counts_only_that_year_s_nominations() {
    use app::api::nominations::SaveNomination;
    use shared::domain::{NominationDraft, Profile};

    let app = spawn_app_at(day(2026, 10, 15)).await;
    let leader = app.login("leader").await;
    let this_year = summary(&app, &leader).await;
    assert_eq!(this_year["year"], 2026);
    let demo_total = this_year["total"]["nominations"].as_i64().unwrap();
    assert!(demo_total > 1, "{this_year}");

    // The demo's nominations are all of 2026; staff1's unit nominates one for 2027.
    let pool = app.pool().await;
    let unit_id: i64 = sqlx::query_scalar("SELECT id FROM units WHERE code = 'CCPTNT'")
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    let staff = app.login("staff1").await;
    let draft = NominationDraft {
        unit_id,
        nominee_name: "Phòng Kinh tế hợp tác".into(),
        profile: Profile::Collective { size: 9 },
        description: "Hỗ trợ hợp tác xã chuyển đổi số".into(),
        replication_potential: String::new(),
        evidence: BTreeMap::new(),
        exemplar_type: None,
        movement_id: None,
    };
    let save = SaveNomination {
        id: None,
        version: 0,
        year: 2027,
        draft,
    };
    let (status, body) = app.call_fn(&staff, save).await;
    assert_eq!(status, 200, "{body}");

    let (status, next_year) = app.call_fn(&leader, GetSummary { year: Some(2027) }).await;
    assert_eq!(status, 200, "{next_year}");
    assert_eq!(next_year["year"], 2027, "{next_year}");
    assert_eq!(next_year["calendar"]["year"], 2027, "2027's calendar");
    assert_eq!(next_year["total"]["nominations"], 1, "{next_year}");
    assert_eq!(next_year["total"]["by_stage"][0], 1, "discovered");
    let shown = unit_tallies(&next_year);
    assert_eq!(shown[&unit_id]["nominations"], 1);
    assert_same_counts(&shown, &direct_tallies(&app, 2027).await);

    // Today's year does not count it.
    let again = summary(&app, &leader).await;
    assert_eq!(again["year"], 2026);
    assert_eq!(again["total"]["nominations"], demo_total);
    assert_same_counts(&unit_tallies(&again), &direct_tallies(&app, 2026).await);
    app.stop().await;
}
