//! E-1, E-2's conferences over HTTP: the office records the sector's year-end conference
//! from the annual list, a unit its own conference of civil servants; each is dated in its
//! year and not in the future, honours eligible exemplars once each with what; a second
//! record from a stale page is a conflict; every refusal stores nothing. Run on SQLite and
//! PostgreSQL.

use crate::common;

use app::api::conferences::{GetConferences, SaveConference};
use chrono::NaiveDate;
use common::{count, spawn_app_at, unit_of, TestApp};
use serde_json::Value;
use shared::rules::conference::{ConferenceDraft, ConferenceScope, HonourDraft};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn draft(held_on: NaiveDate, honours: &[(i64, &str)]) -> ConferenceDraft {
    ConferenceDraft {
        held_on: Some(held_on),
        title: "Hội nghị tổng kết công tác năm 2026 của ngành".into(),
        honours: honours
            .iter()
            .map(|(id, what)| HonourDraft {
                nomination_id: *id,
                honour: what.to_string(),
            })
            .collect(),
    }
}

async fn stored(app: &TestApp) -> (i64, i64) {
    (
        count(app, "SELECT COUNT(*) FROM conferences").await,
        count(app, "SELECT COUNT(*) FROM conference_honours").await,
    )
}

fn form<'a>(view: &'a Value, scope: &str) -> &'a Value {
    view["forms"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f["scope"]["scope"] == scope)
        .unwrap_or_else(|| panic!("a {scope} form: {view}"))
}

#[tokio::test]
async fn the_office_and_a_unit_record_their_conferences_and_every_refusal_stores_nothing() {
    let app = spawn_app_at(day(12, 20)).await;
    let office = app.login("office").await;
    let staff = app.login("staff1").await;
    let unit = unit_of(&app, "staff1").await;

    // The office's form offers the year's registered exemplars, the annual list first.
    let (status, view) = app.call_fn(&office, GetConferences { year: None }).await;
    assert_eq!(status, 200, "{view}");
    assert_eq!(view["sector"], Value::Null);
    let sector = form(&view, "sector");
    let candidates = sector["candidates"].as_array().unwrap();
    let eligible = count(
        &app,
        "SELECT COUNT(*) FROM nominations WHERE year = 2026
         AND stage IN ('registered', 'fostering', 'evaluating', 'replicated')",
    )
    .await;
    assert_eq!(candidates.len() as i64, eligible);
    let ids: Vec<i64> = candidates
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    // Staff see only their unit's form; leadership reads, with no form.
    let (_, mine) = app.call_fn(&staff, GetConferences { year: None }).await;
    assert_eq!(mine["forms"].as_array().unwrap().len(), 1);
    let unit_form = form(&mine, "unit");
    assert_eq!(unit_form["scope"]["unit_id"], unit);
    let unit_ids: Vec<i64> = unit_form["candidates"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["id"].as_i64().unwrap())
        .collect();
    assert!(!unit_ids.is_empty());
    let leader = app.login("leader").await;
    let (_, read) = app.call_fn(&leader, GetConferences { year: None }).await;
    assert!(read["forms"].as_array().unwrap().is_empty());

    let save = |scope: ConferenceScope, version: i64, d: ConferenceDraft| SaveConference {
        scope,
        year: 2026,
        version,
        draft: d,
    };
    let sector_scope = ConferenceScope::Sector;
    let refused = [
        (draft(day(12, 21), &[(ids[0], "Bằng khen")]), "tương lai"),
        (
            draft(
                NaiveDate::from_ymd_opt(2025, 12, 30).unwrap(),
                &[(ids[0], "Bằng khen")],
            ),
            "trong năm 2026",
        ),
        (draft(day(12, 18), &[]), "ít nhất một điển hình"),
        (
            draft(day(12, 18), &[(ids[0], "Bằng khen"), (ids[0], "Giấy khen")]),
            "một lần",
        ),
        (
            draft(day(12, 18), &[(ids[0], "  ")]),
            "hình thức biểu dương",
        ),
        (
            draft(day(12, 18), &[(-5, "Bằng khen")]),
            "điển hình đã đăng ký",
        ),
    ];
    for (d, why) in refused {
        let (status, body) = app.call_fn(&office, save(sector_scope, 0, d)).await;
        assert_eq!(status, 400, "{why}: {body}");
        assert!(body.to_string().contains(why), "{why}: {body}");
    }
    assert_eq!(stored(&app).await, (0, 0));
    // Only the office records the sector's; only a unit's people their unit's.
    let ok = draft(
        day(12, 18),
        &[
            (ids[0], "Bằng khen của UBND Thành phố"),
            (ids[1], "Biểu dương"),
        ],
    );
    for who in ["staff1", "leader", "bloc1", "council1"] {
        let cookie = app.login(who).await;
        let (status, _) = app
            .call_fn(&cookie, save(sector_scope, 0, ok.clone()))
            .await;
        assert_eq!(status, 403, "{who}");
    }
    let outsider = app.login("staff.bqlrph").await;
    let unit_scope = ConferenceScope::Unit { unit_id: unit };
    let unit_draft = draft(
        day(1, 20),
        &[(unit_ids[0], "Giấy khen của Thủ trưởng đơn vị")],
    );
    let (status, _) = app
        .call_fn(&outsider, save(unit_scope, 0, unit_draft.clone()))
        .await;
    assert_eq!(status, 403);
    // A unit's conference honours its own exemplars only.
    let other = ids.iter().find(|id| !unit_ids.contains(id)).unwrap();
    let (status, body) = app
        .call_fn(
            &staff,
            save(unit_scope, 0, draft(day(1, 20), &[(*other, "x")])),
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(stored(&app).await, (0, 0));

    // Recorded.
    let (status, v1) = app
        .call_fn(&office, save(sector_scope, 0, ok.clone()))
        .await;
    assert_eq!(status, 200, "{v1}");
    assert_eq!(v1, 1);
    let (status, v1) = app.call_fn(&staff, save(unit_scope, 0, unit_draft)).await;
    assert_eq!(status, 200, "{v1}");
    assert_eq!(stored(&app).await, (2, 3));
    // Recorded again from a page that did not know of it: a conflict; changed at its
    // version: accepted.
    let (status, body) = app
        .call_fn(&office, save(sector_scope, 0, ok.clone()))
        .await;
    assert_eq!(status, 409, "{body}");
    let changed = draft(day(12, 18), &[(ids[1], "Giấy khen của Giám đốc Sở")]);
    let (status, v2) = app
        .call_fn(&office, save(sector_scope, 1, changed.clone()))
        .await;
    assert_eq!(status, 200, "{v2}");
    assert_eq!(v2, 2);
    let (status, _) = app.call_fn(&office, save(sector_scope, 1, changed)).await;
    assert_eq!(status, 409);
    assert_eq!(stored(&app).await, (2, 2));
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'save_conference'"
        )
        .await,
        3
    );

    // Everyone reads them: the sector's, then the units'.
    let (_, read) = app.call_fn(&leader, GetConferences { year: None }).await;
    assert_eq!(read["sector"]["held_on"], "2026-12-18");
    let honours = read["sector"]["honours"].as_array().unwrap();
    assert_eq!(honours.len(), 1);
    assert_eq!(honours[0]["nomination_id"], ids[1]);
    assert_eq!(honours[0]["honour"], "Giấy khen của Giám đốc Sở");
    let units = read["units"].as_array().unwrap();
    assert_eq!(units.len(), 1);
    assert_eq!(units[0]["unit_name"], "Chi cục Phát triển nông thôn");
    app.stop().await;
}
