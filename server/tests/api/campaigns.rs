//! Campaigns over HTTP: only administrators create them, checked by the shared rule, one
//! campaign per year, recorded in the audit history.

use crate::common;

use app::api::admin::{CreateCampaign, ListCampaigns};
use common::spawn_app;
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
