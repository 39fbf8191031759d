//! Campaigns over HTTP: only administrators create them, checked by the shared rule, one
//! campaign per year, recorded in the audit history.

use crate::common;

use app::api::admin::{CreateCampaign, GetOrganisation, ListCampaigns, SetCouncilSeat};
use common::{spawn_app, spawn_app_at, spawn_instance_of};
use serde_json::Value;
use shared::domain::CampaignDraft;

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
