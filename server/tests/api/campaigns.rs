//! Campaigns over HTTP: only administrators create them, checked by the shared rule, one
//! campaign per year, recorded in the audit history.

use crate::common;

use app::api::admin::{
    CreateCampaign, GetCampaignYears, GetOrganisation, ListCampaigns, SaveCampaignYear,
    SetCouncilSeat, UpdateCampaign,
};
use app::api::council::GetCouncil;
use app::api::year::GetCalendar;
use app::types::model::{CampaignYearRow, CampaignYears};
use common::{spawn_app, spawn_app_at, spawn_instance_of};
use serde_json::Value;
use shared::domain::{CampaignDraft, CampaignYear, Quota};

fn draft(name: &str, start_year: i32, end_year: i32) -> CreateCampaign {
    CreateCampaign {
        draft: CampaignDraft {
            name: name.into(),
            decision: "Kế hoạch số 45/KH-SNN".into(),
            start_year,
            end_year,
        },
    }
}

#[tokio::test]
async fn an_administrator_creates_the_next_campaign_and_no_year_is_held_twice() {
    let app = spawn_app().await;
    let office = app.login("office").await;
    let (status, _) = app
        .call_fn(&office, draft("Giai đoạn mới", 2040, 2044))
        .await;
    assert_eq!(status, 403, "administrators only");
    let (status, _) = app.call_fn(&office, ListCampaigns {}).await;
    assert_eq!(status, 403);

    let admin = app.login("admin").await;
    let (status, body) = app.call_fn(&admin, ListCampaigns {}).await;
    assert_eq!(status, 200, "{body}");
    let existing = body.as_array().unwrap().clone();
    assert!(!existing.is_empty(), "the demo campaign is listed");
    let next = existing
        .iter()
        .map(|c| c["end_year"].as_i64().unwrap() as i32)
        .max()
        .unwrap()
        + 1;

    // The shared rule, again on the server: a name, at most ten years, in order.
    let (status, body) = app.call_fn(&admin, draft("  ", next + 4, next)).await;
    assert_eq!(status, 400, "{body}");

    let (status, body) = app
        .call_fn(&admin, draft("Giai đoạn tiếp theo", next, next + 4))
        .await;
    assert_eq!(status, 200, "{body}");
    let id = body.as_i64().expect("the new campaign's id");
    let (_, body) = app.call_fn(&admin, ListCampaigns {}).await;
    let first = &body.as_array().unwrap()[0];
    assert_eq!(first["id"].as_i64(), Some(id), "the latest first");
    assert_eq!(first["name"], Value::from("Giai đoạn tiếp theo"));
    assert_eq!(first["decision"], Value::from("Kế hoạch số 45/KH-SNN"));
    assert_eq!(first["start_year"].as_i64(), Some(next as i64));

    // Its years are its own: an overlapping campaign is refused, naming the first such year.
    let (status, body) = app
        .call_fn(&admin, draft("Chồng lấn", next + 2, next + 6))
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(
        body.to_string()
            .contains(&format!("năm {} đã thuộc một kế hoạch khác", next + 2)),
        "{body}"
    );

    let pool = app.pool().await;
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'campaign_created' AND object_id = $1",
    )
    .bind(id.to_string())
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    assert_eq!(audited, 1, "recorded in the audit history");
    app.stop().await;
}

#[tokio::test]
async fn an_administrator_corrects_a_campaign_over_its_version_and_a_year_with_work_stays() {
    let app = spawn_app().await;
    let admin = app.login("admin").await;
    let (_, body) = app.call_fn(&admin, ListCampaigns {}).await;
    let demo = body.as_array().unwrap()[0].clone();
    let (demo_id, demo_start) = (
        demo["id"].as_i64().unwrap(),
        demo["start_year"].as_i64().unwrap() as i32,
    );
    let (demo_end, demo_version) = (
        demo["end_year"].as_i64().unwrap() as i32,
        demo["version"].as_i64().unwrap(),
    );
    let (status, body) = app
        .call_fn(&admin, draft("Giai đoạn sau", demo_end + 1, demo_end + 3))
        .await;
    assert_eq!(status, 200, "{body}");
    let id = body.as_i64().unwrap();
    let update = |version: i64, name: &str, start_year: i32, end_year: i32| UpdateCampaign {
        id,
        version,
        draft: CampaignDraft {
            name: name.into(),
            decision: "Kế hoạch số 46/KH-SNN".into(),
            start_year,
            end_year,
        },
    };
    let audited = || {
        let app = &app;
        async move {
            let pool = app.pool().await;
            let n: i64 = sqlx::query_scalar(
                "SELECT COUNT(*) FROM audit_log WHERE action = 'campaign_updated'",
            )
            .fetch_one(&pool)
            .await
            .unwrap();
            pool.close().await;
            n
        }
    };
    let years_of = |id: i64| {
        let app = &app;
        let admin = admin.clone();
        async move {
            let (status, body) = app
                .call_fn(&admin, GetCampaignYears { campaign_id: id })
                .await;
            assert_eq!(status, 200, "{body}");
            let years: CampaignYears = serde_json::from_value(body).unwrap();
            years
                .years
                .iter()
                .map(|y| y.calendar.year)
                .collect::<Vec<_>>()
        }
    };

    // The office may not; the shared rule again on the server; nothing saved.
    let office = app.login("office").await;
    let (status, _) = app
        .call_fn(
            &office,
            update(1, "Giai đoạn sau", demo_end + 1, demo_end + 4),
        )
        .await;
    assert_eq!(status, 403);
    let (status, body) = app
        .call_fn(&admin, update(1, "  ", demo_end + 3, demo_end + 1))
        .await;
    assert_eq!(status, 400, "{body}");
    // Years another campaign holds.
    let (status, body) = app
        .call_fn(&admin, update(1, "Giai đoạn sau", demo_end, demo_end + 3))
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(
        body.to_string()
            .contains(&format!("năm {demo_end} đã thuộc một kế hoạch khác")),
        "{body}"
    );
    assert_eq!(audited().await, 0);

    // Renamed and one year longer: the new year has the plan's calendar.
    let (status, body) = app
        .call_fn(
            &admin,
            update(1, "Giai đoạn sau (sửa)", demo_end + 1, demo_end + 4),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(
        years_of(id).await,
        (demo_end + 1..=demo_end + 4).collect::<Vec<_>>()
    );
    let (_, body) = app.call_fn(&admin, ListCampaigns {}).await;
    let row = body
        .as_array()
        .unwrap()
        .iter()
        .find(|c| c["id"] == id)
        .unwrap()
        .clone();
    assert_eq!(row["name"], "Giai đoạn sau (sửa)");
    assert_eq!(row["decision"], "Kế hoạch số 46/KH-SNN");
    assert_eq!(row["version"], 2);
    assert_eq!(audited().await, 1);

    // A second administrator's stale edit names who changed it.
    let (status, body) = app
        .call_fn(
            &admin,
            update(1, "Giai đoạn khác", demo_end + 1, demo_end + 2),
        )
        .await;
    assert_eq!(status, 409, "{body}");
    assert!(body.to_string().contains("Quản trị"), "{body}");

    // Shortened again (nothing recorded in the year leaving it).
    let (status, body) = app
        .call_fn(
            &admin,
            update(2, "Giai đoạn sau (sửa)", demo_end + 1, demo_end + 2),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(years_of(id).await, vec![demo_end + 1, demo_end + 2]);

    // The demo campaign cannot lose its first year: nominations were made in it.
    let demo_update = UpdateCampaign {
        id: demo_id,
        version: demo_version,
        draft: CampaignDraft {
            name: demo["name"].as_str().unwrap().into(),
            decision: demo["decision"].as_str().unwrap().into(),
            start_year: demo_start + 1,
            end_year: demo_end,
        },
    };
    let (status, body) = app.call_fn(&admin, demo_update).await;
    assert_eq!(status, 400, "{body}");
    assert!(
        body.to_string()
            .contains(&format!("Năm {demo_start} đã có hồ sơ")),
        "{body}"
    );
    assert_eq!(years_of(demo_id).await.first(), Some(&demo_start));
    assert_eq!(audited().await, 2);
    app.stop().await;
}

#[tokio::test]
async fn a_campaign_planned_for_later_does_not_take_over_the_running_one() {
    let app = spawn_app().await;
    let admin = app.login("admin").await;
    let (_, before) = app.call_fn(&admin, GetOrganisation {}).await;
    let running = before["campaign_name"].clone();
    assert!(running.as_str().is_some_and(|n| !n.is_empty()), "{before}");
    let (_, body) = app.call_fn(&admin, ListCampaigns {}).await;
    let next = body
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["end_year"].as_i64().unwrap() as i32)
        .max()
        .unwrap()
        + 1;
    let (status, body) = app
        .call_fn(&admin, draft("Giai đoạn sau", next, next + 4))
        .await;
    assert_eq!(status, 200, "{body}");

    // The organisation page still shows (and seats) the running campaign's council.
    let (_, after) = app.call_fn(&admin, GetOrganisation {}).await;
    assert_eq!(after["campaign_name"], running, "{after}");
    assert_eq!(
        after["council"], before["council"],
        "the same council, still seated"
    );
    let head1 = after["council"]
        .as_array()
        .unwrap()
        .iter()
        .find(|s| s["username"] == "head1")
        .unwrap()["user_id"]
        .as_i64()
        .unwrap();
    let seat = SetCouncilSeat {
        user_id: head1,
        member: true,
    };
    let (status, body) = app.call_fn(&admin, seat).await;
    assert_eq!(status, 200, "{body}");
    // The seat is on the running campaign's council, not the later one's.
    let pool = app.pool().await;
    let seated_in: Vec<String> = sqlx::query_scalar(
        "SELECT c.name FROM council_members m JOIN campaigns c ON c.id = m.campaign_id
         JOIN users u ON u.id = m.user_id WHERE u.username = 'head1'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    pool.close().await;
    assert_eq!(seated_in, vec![running.as_str().unwrap().to_string()]);
    app.stop().await;
}

#[tokio::test]
async fn between_two_campaigns_the_latest_begun_is_shown_until_the_next_begins() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 10, 15).unwrap();
    let app = spawn_app_at(today).await;
    let admin = app.login("admin").await;
    let (_, demo) = app.call_fn(&admin, GetOrganisation {}).await;
    let demo = demo["campaign_name"].as_str().unwrap().to_string();
    // The demo campaign runs 2026–2030; the next plan begins after a gap, in 2033.
    let (status, body) = app
        .call_fn(&admin, draft("Giai đoạn 2033-2037", 2033, 2037))
        .await;
    assert_eq!(status, 200, "{body}");
    let on = |y: i32| chrono::NaiveDate::from_ymd_opt(y, 3, 1).unwrap();
    for (year, expected) in [(2031, demo.as_str()), (2033, "Giai đoạn 2033-2037")] {
        let later = spawn_instance_of(&app, on(year)).await;
        let admin = later.login("admin").await;
        let (status, org) = later.call_fn(&admin, GetOrganisation {}).await;
        assert_eq!(status, 200, "{org}");
        assert_eq!(org["campaign_name"], expected, "in {year}");
        later.stop().await;
    }
    app.stop().await;
}

#[tokio::test]
async fn an_administrator_sets_a_year_s_calendar_and_numbers_and_the_year_follows_them() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 10, 15).unwrap();
    let app = spawn_app_at(today).await;
    let admin = app.login("admin").await;
    let (_, campaigns) = app.call_fn(&admin, ListCampaigns {}).await;
    let demo = campaigns[0]["id"].as_i64().unwrap();
    let (status, body) = app
        .call_fn(&admin, GetCampaignYears { campaign_id: demo })
        .await;
    assert_eq!(status, 200, "{body}");
    let plan: CampaignYears = serde_json::from_value(body).unwrap();
    assert_eq!(plan.years.len(), 5, "every year of 2026–2030");
    let row = plan.years.iter().find(|y| y.calendar.year == 2026).unwrap();
    assert_eq!(row.version, 1, "stored whole when the campaign was loaded");
    let d = |m, day| chrono::NaiveDate::from_ymd_opt(2026, m, day).unwrap();
    assert_eq!(
        row.calendar.city_submission_deadline,
        d(11, 29),
        "before 30/11"
    );

    // Refused by the same shared rule as the form: the 9-month checkpoint before the 6-month.
    let mut bad = row.calendar.clone();
    bad.checkpoints.nine_month = d(5, 1);
    let save = |calendar: CampaignYear, version: i64| SaveCampaignYear {
        campaign_id: demo,
        calendar,
        version,
    };
    let (status, body) = app.call_fn(&admin, save(bad, 1)).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.to_string().contains("phải sau"), "{body}");
    // Only administrators.
    let office = app.login("office").await;
    let (status, _) = app.call_fn(&office, save(row.calendar.clone(), 1)).await;
    assert_eq!(status, 403);

    let mut good = row.calendar.clone();
    good.bloc_review_deadline = d(9, 15);
    good.city_quota = Quota::new(2, 4).unwrap();
    good.pass_share_pct = 60;
    good.cultural_family_years = 5;
    let (status, body) = app.call_fn(&admin, save(good.clone(), 1)).await;
    assert_eq!(status, 200, "{body}");
    // A second administrator's edit over the old version is a conflict naming who and when.
    let (status, body) = app.call_fn(&admin, save(good.clone(), 1)).await;
    assert_eq!(status, 409, "{body}");
    assert_eq!(body["Conflict"]["by"], "Quản trị hệ thống", "{body}");
    // A year outside the campaign is not one of its years.
    let mut outside = CampaignYear::with_plan_defaults(2031);
    outside.pass_share_pct = 60;
    let (status, _) = app.call_fn(&admin, save(outside, 0)).await;
    assert_eq!(status, 404);

    // The year reads its stored values: the calendar's D-2, the council's quota and share.
    let (_, calendar) = app.call_fn(&office, GetCalendar { year: None }).await;
    let d2 = calendar["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["deadline"]["kind"]["kind"] == "bloc_review")
        .unwrap()["deadline"]["date"]
        .clone();
    assert_eq!(d2, "2026-09-15", "{calendar}");
    let (_, council) = app.call_fn(&office, GetCouncil {}).await;
    assert_eq!(council["pass_share_pct"], 60, "{council}");
    assert_eq!(council["quota"]["max"], 4, "{council}");
    let (_, body) = app
        .call_fn(&admin, GetCampaignYears { campaign_id: demo })
        .await;
    let plan: CampaignYears = serde_json::from_value(body).unwrap();
    let row = plan.years.iter().find(|y| y.calendar.year == 2026).unwrap();
    assert_eq!((row.version, &row.calendar), (2, &good));

    let pool = app.pool().await;
    let audited: Vec<(Option<String>, String)> = sqlx::query_as(
        "SELECT before, after FROM audit_log WHERE action = 'campaign_year_updated'
         AND object_id = $1",
    )
    .bind(format!("{demo}/2026"))
    .fetch_all(&pool)
    .await
    .unwrap();
    pool.close().await;
    assert_eq!(audited.len(), 1, "one entry for the one change");
    assert!(audited[0].0.as_deref().unwrap().contains("2026-09-30"));
    assert!(audited[0].1.contains("2026-09-15"));
    app.stop().await;
}

#[tokio::test]
async fn a_new_campaign_stores_the_plan_s_calendar_for_every_year() {
    let app = spawn_app().await;
    let admin = app.login("admin").await;
    let (status, body) = app
        .call_fn(&admin, draft("Giai đoạn 2040-2042", 2040, 2042))
        .await;
    assert_eq!(status, 200, "{body}");
    let id = body.as_i64().unwrap();
    let (_, body) = app
        .call_fn(&admin, GetCampaignYears { campaign_id: id })
        .await;
    let plan: CampaignYears = serde_json::from_value(body).unwrap();
    let years: Vec<(i32, i64)> = plan
        .years
        .iter()
        .map(|y| (y.calendar.year, y.version))
        .collect();
    assert_eq!(years, [(2040, 1), (2041, 1), (2042, 1)]);
    // The plan's calendar as the shared rule makes it: D-1 is the one registration, open
    // through the first year's December; the later years start with it closed.
    let calendars: Vec<CampaignYear> = plan.years.iter().map(|y| y.calendar.clone()).collect();
    assert_eq!(
        calendars,
        shared::domain::Campaign::new("Giai đoạn 2040-2042", 2040, 2042)
            .unwrap()
            .years
    );
    let d1: Vec<_> = calendars.iter().map(|c| c.registration_deadline).collect();
    let ymd = |y, m, d| chrono::NaiveDate::from_ymd_opt(y, m, d).unwrap();
    assert_eq!(
        d1,
        [ymd(2040, 12, 31), ymd(2040, 12, 31), ymd(2041, 12, 31)]
    );
    for c in &calendars[1..] {
        assert_eq!(*c, CampaignYear::with_plan_defaults(c.year));
    }
    let (status, _) = app
        .call_fn(
            &admin,
            GetCampaignYears {
                campaign_id: 99_999,
            },
        )
        .await;
    assert_eq!(status, 404);
    app.stop().await;
}

#[tokio::test]
async fn the_council_s_quorum_is_the_year_s_number_and_stays_once_the_council_began() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 10, 15).unwrap();
    let app = spawn_app_at(today).await;
    let admin = app.login("admin").await;
    // The Department asks for 80 % this year (not under a majority).
    let (demo, row) = demo_2026(&app, &admin).await;
    assert_eq!(row.calendar.quorum_pct, 66, "the default");
    let mut calendar = row.calendar.clone();
    let save = |calendar: CampaignYear, version: i64| SaveCampaignYear {
        campaign_id: demo,
        calendar,
        version,
    };
    calendar.quorum_pct = 40;
    let (status, body) = app
        .call_fn(&admin, save(calendar.clone(), row.version))
        .await;
    assert_eq!(status, 400, "under a majority: {body}");
    calendar.quorum_pct = 80;
    let (status, body) = app
        .call_fn(&admin, save(calendar.clone(), row.version))
        .await;
    assert_eq!(status, 200, "{body}");

    // A nominee no council member's unit put forward: all seven may score it.
    let pool = app.pool().await;
    let (id, kind): (i64, String) = sqlx::query_as(
        "SELECT n.id, n.kind FROM nominations n JOIN units u ON u.id = n.unit_id
         WHERE n.stage = 'evaluating' AND n.year = 2026
           AND u.code NOT IN ('VP', 'TCCB', 'KHTC', 'CCKL', 'CTTL', 'TTKN')
         ORDER BY n.id LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    let kind = shared::domain::NomineeKind::from_code(&kind).unwrap();
    let office = app.login("office").await;
    let quorum = |council: &Value| {
        council["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"].as_i64() == Some(id))
            .unwrap()["aggregate"]["quorum"]
            .as_bool()
    };
    for member in 1..=6 {
        let cookie = app.login(&format!("council{member}")).await;
        for c in shared::domain::CriteriaSet::plan().scored(kind) {
            let change = app::types::council::SheetChange::Score {
                criterion: c.code.clone(),
                score: Some(7),
                comment: String::new(),
            };
            let (status, body) = app
                .call_fn(&cookie, app::api::council::ChangeSheet { id, change })
                .await;
            assert_eq!(status, 200, "{body}");
        }
        if member == 5 {
            let (_, council) = app.call_fn(&office, GetCouncil {}).await;
            assert_eq!(quorum(&council), Some(false), "5 of 7 is under 80 %");
        }
    }
    let (_, council) = app.call_fn(&office, GetCouncil {}).await;
    assert_eq!(quorum(&council), Some(true), "6 of 7 is over 80 %");

    // The council has begun: its quorum can no longer change (the other numbers can).
    calendar.quorum_pct = 66;
    let (status, body) = app
        .call_fn(&admin, save(calendar.clone(), row.version + 1))
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(
        body.to_string()
            .contains("túc số của năm này không thay đổi được nữa"),
        "{body}"
    );
    calendar.quorum_pct = 80;
    calendar.cultural_family_years = 4;
    let (status, body) = app.call_fn(&admin, save(calendar, row.version + 1)).await;
    assert_eq!(status, 200, "{body}");
    app.stop().await;
}

/// The demo campaign's id and its 2026 calendar as stored, read by the administrator.
async fn demo_2026(app: &common::TestApp, admin: &str) -> (i64, CampaignYearRow) {
    let (_, campaigns) = app.call_fn(admin, ListCampaigns {}).await;
    let demo = campaigns[0]["id"].as_i64().unwrap();
    let (_, body) = app
        .call_fn(admin, GetCampaignYears { campaign_id: demo })
        .await;
    let plan: CampaignYears = serde_json::from_value(body).unwrap();
    let row = plan
        .years
        .into_iter()
        .find(|y| y.calendar.year == 2026)
        .unwrap();
    (demo, row)
}

/// Reads a Server-Sent Events response for at most `wait`: whether a `calendar` event came.
async fn calendar_event_within(
    resp: &mut reqwest::Response,
    buf: &mut String,
    wait: std::time::Duration,
) -> bool {
    let until = tokio::time::Instant::now() + wait;
    loop {
        if buf
            .lines()
            .any(|l| l.trim() == "event: calendar" || l.trim() == "event:calendar")
        {
            return true;
        }
        match tokio::time::timeout_at(until, resp.chunk()).await {
            Ok(Ok(Some(chunk))) => buf.push_str(std::str::from_utf8(&chunk).unwrap()),
            Ok(_) => panic!("the live stream ended"),
            Err(_) => return false,
        }
    }
}

#[tokio::test]
async fn a_saved_calendar_reaches_the_pages_open_on_every_instance() {
    let today = chrono::NaiveDate::from_ymd_opt(2026, 10, 15).unwrap();
    let app = spawn_app_at(today).await;
    let other = spawn_instance_of(&app, today).await;
    let admin = app.login("admin").await;
    let staff = other.login("staff1").await;
    // A page open on the other instance, current to the log's end.
    let (_, calendar) = other.call_fn(&staff, GetCalendar { year: None }).await;
    let seq = calendar["seq"].as_i64().unwrap();
    assert!(seq > 0, "{calendar}");
    let mut live = other
        .client
        .get(other.url(&format!("/events?after={seq}")))
        .header("cookie", &staff)
        .header("accept", "text/event-stream")
        .send()
        .await
        .unwrap();
    assert_eq!(live.status().as_u16(), 200);
    let mut buf = String::new();
    // Nothing changed: no word of a calendar change, even after the instance read its stamp.
    let poll = server::live::calendar::POLL;
    assert!(!calendar_event_within(&mut live, &mut buf, poll * 2).await);

    // The administrator saves 2026's calendar on the first instance.
    let (demo, row) = demo_2026(&app, &admin).await;
    let mut changed = row.calendar.clone();
    changed.bloc_review_deadline = chrono::NaiveDate::from_ymd_opt(2026, 9, 15).unwrap();
    let (status, body) = app
        .call_fn(
            &admin,
            SaveCampaignYear {
                campaign_id: demo,
                calendar: changed,
                version: row.version,
            },
        )
        .await;
    assert_eq!(status, 200, "{body}");
    // The other instance's page is told, and what it reloads has the new date.
    assert!(
        calendar_event_within(&mut live, &mut buf, poll * 5).await,
        "{buf}"
    );
    let (_, calendar) = other.call_fn(&staff, GetCalendar { year: None }).await;
    assert!(calendar.to_string().contains("2026-09-15"), "{calendar}");

    // A campaign's correction (its decision alone) reaches them too.
    buf.clear();
    let (_, list) = app.call_fn(&admin, ListCampaigns {}).await;
    let row = list.as_array().unwrap()[0].clone();
    let corrected = UpdateCampaign {
        id: row["id"].as_i64().unwrap(),
        version: row["version"].as_i64().unwrap(),
        draft: CampaignDraft {
            name: row["name"].as_str().unwrap().into(),
            decision: "Kế hoạch số 12/KH-SNN".into(),
            start_year: row["start_year"].as_i64().unwrap() as i32,
            end_year: row["end_year"].as_i64().unwrap() as i32,
        },
    };
    let (status, body) = app.call_fn(&admin, corrected).await;
    assert_eq!(status, 200, "{body}");
    assert!(
        calendar_event_within(&mut live, &mut buf, poll * 5).await,
        "{buf}"
    );
    drop(live);
    other.stop().await;
    app.stop().await;
}

#[tokio::test]
async fn a_calendar_with_a_date_outside_its_year_or_a_quota_upside_down_is_refused_and_nothing_is_saved(
) {
    use leptos::server_fn::ServerFn;
    use shared::domain::Field;
    use shared::i18n::{field_name, Lang};

    let today = chrono::NaiveDate::from_ymd_opt(2026, 10, 15).unwrap();
    let app = spawn_app_at(today).await;
    let admin = app.login("admin").await;
    let (demo, before) = demo_2026(&app, &admin).await;
    let audited_before = year_updates(&app, demo).await;
    // Every value and the version as stored, and no update recorded.
    let unchanged = || nothing_saved(&app, &admin, &before, audited_before);

    // (a) D-2 in the following year, with other changes that are valid on their own.
    let mut outside = before.calendar.clone();
    outside.bloc_review_deadline = chrono::NaiveDate::from_ymd_opt(2027, 9, 30).unwrap();
    outside.pass_share_pct = 60;
    outside.cultural_family_years = 5;
    let save = SaveCampaignYear {
        campaign_id: demo,
        calendar: outside,
        version: before.version,
    };
    let (status, body) = app.call_fn(&admin, save).await;
    assert_eq!(status, 400, "{body}");
    let messages = body["Invalid"].as_array().expect("a refusal by the rule");
    assert!(
        messages.iter().any(|m| m
            .as_str()
            .unwrap()
            .contains(field_name(Lang::Vi, Field::BlocReviewDeadline))),
        "names D-2: {body}"
    );
    unchanged().await;

    // (b) A City quota whose minimum is above its maximum (5 to 3), sent as a client
    // could, whatever the form allows; the rest as stored, with one valid change.
    let mut calendar = before.calendar.clone();
    calendar.pass_share_pct = 60;
    let mut args = serde_json::to_value(SaveCampaignYear {
        campaign_id: demo,
        calendar,
        version: before.version,
    })
    .unwrap();
    args["calendar"]["city_quota"] = serde_json::json!({ "min": 5, "max": 3 });
    let resp = app
        .client
        .post(app.url(<SaveCampaignYear as ServerFn>::PATH))
        .header("origin", app.origin())
        .header("cookie", &admin)
        .json(&args)
        .send()
        .await
        .unwrap();
    let status = resp.status().as_u16();
    let body: Value = resp.json().await.unwrap_or(Value::Null);
    assert_eq!(status, 400, "{body}");
    let messages = body["Invalid"].as_array().expect("a refusal by the rule");
    assert!(
        messages.iter().any(|m| m
            .as_str()
            .unwrap()
            .contains(field_name(Lang::Vi, Field::Quota))),
        "names the quota: {body}"
    );
    assert!(
        messages.iter().any(|m| m
            .as_str()
            .unwrap()
            .contains("số tối thiểu (5) lớn hơn số tối đa (3)")),
        "says which end is wrong: {body}"
    );
    unchanged().await;

    // The year still reads its stored D-2.
    let office = app.login("office").await;
    let (_, calendar) = app.call_fn(&office, GetCalendar { year: None }).await;
    let d2 = calendar["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["deadline"]["kind"]["kind"] == "bloc_review")
        .unwrap()["deadline"]["date"]
        .clone();
    assert_eq!(d2, "2026-09-30", "{calendar}");
    app.stop().await;
}

/// The audit entries of changes to the demo campaign's 2026.
async fn year_updates(app: &common::TestApp, demo: i64) -> i64 {
    let pool = app.pool().await;
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'campaign_year_updated'
         AND object_id = $1",
    )
    .bind(format!("{demo}/2026"))
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    n
}

/// 2026 reads as `before`, every value and its version, with `audited` updates recorded.
async fn nothing_saved(app: &common::TestApp, admin: &str, before: &CampaignYearRow, audited: i64) {
    let (demo, row) = demo_2026(app, admin).await;
    assert_eq!(&row, before, "nothing saved");
    assert_eq!(year_updates(app, demo).await, audited, "no update recorded");
}
