//! N-2 over HTTP: the campaign's emulation movements kept by administrators (versioned,
//! audited, names unique, retired never deleted), a nomination's kind of exemplar and its
//! movement (one of its campaign's, live unless named already), and the summary's counts
//! by both.

use crate::common;

use app::api::admin::{GetCampaignMovements, SaveMovement};
use app::api::nominations::{GetNomination, NominationForm, SaveNomination};
use app::api::summary::GetSummary;
use chrono::NaiveDate;
use common::board::household_draft as household;
use common::{count, spawn_app_at, unit_of, TestApp};
use serde_json::Value;
use shared::domain::{ExemplarType, NominationDraft};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

async fn campaign_id(app: &TestApp) -> i64 {
    count(app, "SELECT MAX(id) FROM campaigns").await
}

fn create(draft: NominationDraft) -> SaveNomination {
    SaveNomination {
        id: None,
        version: 0,
        year: 2026,
        draft,
    }
}

fn save(
    campaign_id: i64,
    id: Option<i64>,
    version: i64,
    name: &str,
    retired: bool,
) -> SaveMovement {
    SaveMovement {
        campaign_id,
        id,
        version,
        name: name.into(),
        retired,
    }
}

/// The movements as the administrators' page lists them: (id, name, retired, version,
/// nominations).
async fn movements(
    app: &TestApp,
    admin: &str,
    campaign: i64,
) -> Vec<(i64, String, bool, i64, i64)> {
    let (status, body) = app
        .call_fn(
            admin,
            GetCampaignMovements {
                campaign_id: campaign,
            },
        )
        .await;
    assert_eq!(status, 200, "{body}");
    body["movements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|r| {
            let m = &r["movement"];
            (
                m["id"].as_i64().unwrap(),
                m["name"].as_str().unwrap().to_string(),
                m["retired"].as_bool().unwrap(),
                m["version"].as_i64().unwrap(),
                r["nominations"].as_i64().unwrap(),
            )
        })
        .collect()
}

#[tokio::test]
async fn administrators_keep_the_campaigns_movements_versioned_unique_and_audited() {
    let app = spawn_app_at(day(2026, 10, 15)).await;
    let admin = app.login("admin").await;
    let campaign = campaign_id(&app).await;
    let demo = movements(&app, &admin, campaign).await;
    assert_eq!(demo.len(), 4, "the demo's movements: {demo:?}");
    let named = count(
        &app,
        "SELECT COUNT(*) FROM nominations WHERE movement_id IS NOT NULL",
    )
    .await;
    assert_eq!(
        demo.iter().map(|m| m.4).sum::<i64>(),
        named,
        "each movement counts the nominations that name it"
    );

    // Added, then the same name again (other case and spacing): refused, nothing stored.
    let (status, id) = app
        .call_fn(
            &admin,
            save(
                campaign,
                None,
                0,
                "  Phong trào “Chuyển đổi số nông nghiệp” ",
                false,
            ),
        )
        .await;
    assert_eq!(status, 200, "{id}");
    let id = id.as_i64().unwrap();
    let (status, body) = app
        .call_fn(
            &admin,
            save(
                campaign,
                None,
                0,
                "phong trào  “chuyển đổi số NÔNG NGHIỆP”",
                false,
            ),
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(
        body.to_string().contains("tên này đã có trong danh sách"),
        "{body}"
    );
    let (status, body) = app
        .call_fn(&admin, save(campaign, None, 0, "   ", false))
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(
        body.to_string()
            .contains("Vui lòng nhập phong trào thi đua"),
        "{body}"
    );
    let listed = movements(&app, &admin, campaign).await;
    assert_eq!(listed.len(), 5);
    let added = listed.iter().find(|m| m.0 == id).unwrap();
    assert_eq!(added.1, "Phong trào “Chuyển đổi số nông nghiệp”", "trimmed");
    assert_eq!((added.2, added.3, added.4), (false, 1, 0));

    // Renaming one to another's name is refused too; retiring it at its version works.
    let (status, body) = app
        .call_fn(&admin, save(campaign, Some(id), 1, &demo[0].1, false))
        .await;
    assert_eq!(status, 400, "{body}");
    let (status, body) = app
        .call_fn(
            &admin,
            save(campaign, Some(id), 1, "Phong trào “Chuyển đổi số”", true),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    // A second change from the same stale page is a conflict naming who changed it.
    let (status, body) = app
        .call_fn(
            &admin,
            save(campaign, Some(id), 1, "Phong trào khác", false),
        )
        .await;
    assert_eq!(status, 409, "{body}");
    assert!(body.to_string().contains("Quản trị"), "names who: {body}");
    let after = movements(&app, &admin, campaign).await;
    let changed = after.iter().find(|m| m.0 == id).unwrap();
    assert_eq!(
        (changed.1.as_str(), changed.2, changed.3),
        ("Phong trào “Chuyển đổi số”", true, 2)
    );

    // Another campaign's movement, or no campaign: not found, nothing changed.
    let (status, _) = app
        .call_fn(&admin, save(campaign + 100, Some(id), 2, "X", false))
        .await;
    assert_eq!(status, 404);
    let (status, _) = app
        .call_fn(
            &admin,
            GetCampaignMovements {
                campaign_id: campaign + 100,
            },
        )
        .await;
    assert_eq!(status, 404);

    // Recorded: who added it, and what it was before and after the change.
    let pool = app.pool().await;
    let rows: Vec<(String, Option<String>, String)> = sqlx::query_as(
        "SELECT action, before, after FROM audit_log WHERE object_type = 'movement'
         AND object_id = $1 ORDER BY id",
    )
    .bind(id.to_string())
    .fetch_all(&pool)
    .await
    .unwrap();
    pool.close().await;
    assert_eq!(rows.len(), 2, "{rows:?}");
    assert_eq!(rows[0].0, "movement_created");
    assert_eq!(rows[1].0, "movement_updated");
    let before: Value = serde_json::from_str(rows[1].1.as_deref().unwrap()).unwrap();
    let after: Value = serde_json::from_str(&rows[1].2).unwrap();
    assert_eq!(before["retired"], false);
    assert_eq!(after["retired"], true);
    assert_eq!(after["name"], "Phong trào “Chuyển đổi số”");

    // Only administrators keep the list.
    let office = app.login("office").await;
    let (status, _) = app
        .call_fn(
            &office,
            save(campaign, None, 0, "Phong trào của Văn phòng", false),
        )
        .await;
    assert_eq!(status, 403);
    assert_eq!(movements(&app, &admin, campaign).await.len(), 5);
    app.stop().await;
}

#[tokio::test]
async fn a_nomination_names_its_kind_and_a_followed_movement_of_its_campaign() {
    let app = spawn_app_at(day(2026, 10, 15)).await;
    let admin = app.login("admin").await;
    let staff = app.login("staff1").await;
    let unit = unit_of(&app, "staff1").await;
    let campaign = campaign_id(&app).await;
    let (_, live) = app
        .call_fn(&admin, save(campaign, None, 0, "Phong trào A", false))
        .await;
    let live = live.as_i64().unwrap();
    let (_, retired) = app
        .call_fn(
            &admin,
            save(campaign, None, 0, "Phong trào B (đã kết thúc)", true),
        )
        .await;
    let retired = retired.as_i64().unwrap();

    // The form offers the campaign's movements.
    let (status, form) = app.call_fn(&staff, NominationForm { id: None }).await;
    assert_eq!(status, 200, "{form}");
    let offered: Vec<i64> = form["movements"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| m["id"].as_i64().unwrap())
        .collect();
    assert!(
        offered.contains(&live) && offered.contains(&retired),
        "{offered:?}"
    );

    let all = "SELECT COUNT(*) FROM nominations";
    let before = count(&app, all).await;
    // A retired movement, or one that does not exist: refused, named, nothing saved.
    for bad in [retired, 999_999] {
        let mut draft = household(unit, "Hộ bà Năm");
        draft.movement_id = Some(bad);
        let (status, body) = app.call_fn(&staff, create(draft)).await;
        assert_eq!(status, 400, "{body}");
        assert!(
            body.to_string()
                .contains("Phong trào thi đua đã chọn không thuộc"),
            "{body}"
        );
    }
    assert_eq!(count(&app, all).await, before);

    let mut draft = household(unit, "Hộ bà Năm");
    draft.exemplar_type = Some(ExemplarType::Model);
    draft.movement_id = Some(live);
    let (status, event) = app.call_fn(&staff, create(draft.clone())).await;
    assert_eq!(status, 200, "{event}");
    assert_eq!(event["card"]["exemplar_type"], "model");
    assert_eq!(event["card"]["movement_id"], live);
    let id = event["card"]["id"].as_i64().unwrap();
    let (_, view) = app.call_fn(&staff, GetNomination { id }).await;
    assert_eq!(view["record"]["draft"]["exemplar_type"], "model");
    assert_eq!(view["record"]["draft"]["movement_id"], live);

    // The movement is retired afterwards: the nomination keeps it through an edit, but
    // cannot move to another retired one.
    let (status, body) = app
        .call_fn(&admin, save(campaign, Some(live), 1, "Phong trào A", true))
        .await;
    assert_eq!(status, 200, "{body}");
    draft.description = "Trồng rau hữu cơ theo chuỗi, bán qua hợp tác xã".into();
    draft.exemplar_type = Some(ExemplarType::Experience);
    let edit = |draft: NominationDraft, version: i64| SaveNomination {
        id: Some(id),
        version,
        year: 2026,
        draft,
    };
    let (status, body) = app.call_fn(&staff, edit(draft.clone(), 1)).await;
    assert_eq!(status, 200, "kept though retired: {body}");
    assert_eq!(body["card"]["exemplar_type"], "experience");
    let mut moved = draft.clone();
    moved.movement_id = Some(retired);
    let (status, body) = app.call_fn(&staff, edit(moved, 2)).await;
    assert_eq!(status, 400, "{body}");
    // Unclassified again, and no movement: allowed.
    let mut cleared = draft;
    cleared.exemplar_type = None;
    cleared.movement_id = None;
    let (status, body) = app.call_fn(&staff, edit(cleared, 2)).await;
    assert_eq!(status, 200, "{body}");
    let pool = app.pool().await;
    let (kind, movement): (Option<String>, Option<i64>) =
        sqlx::query_as("SELECT exemplar_type, movement_id FROM nominations WHERE id = $1")
            .bind(id)
            .fetch_one(&pool)
            .await
            .unwrap();
    pool.close().await;
    assert_eq!((kind, movement), (None, None));
    app.stop().await;
}

/// The year's counts as the summary shows them: by kind of exemplar (in
/// `ExemplarType::ALL` order) and by movement id.
fn counts(summary: &Value) -> (Vec<i64>, std::collections::BTreeMap<i64, i64>, i64) {
    let total = &summary["total"];
    let by_type = total["by_type"]
        .as_array()
        .unwrap()
        .iter()
        .map(|n| n.as_i64().unwrap())
        .collect();
    let by_movement = total["by_movement"]
        .as_object()
        .unwrap()
        .iter()
        .map(|(k, v)| (k.parse().unwrap(), v.as_i64().unwrap()))
        .collect();
    (by_type, by_movement, total["nominations"].as_i64().unwrap())
}

#[tokio::test]
async fn the_summary_counts_by_kind_of_exemplar_and_by_movement() {
    let app = spawn_app_at(day(2026, 10, 15)).await;
    let leader = app.login("leader").await;
    let staff = app.login("staff1").await;
    let unit = unit_of(&app, "staff1").await;
    let (status, summary) = app.call_fn(&leader, GetSummary { year: None }).await;
    assert_eq!(status, 200, "{summary}");
    let (by_type, by_movement, total) = counts(&summary);
    // What the database holds for the year, counted apart from the summary's tallies.
    for (i, kind) in ExemplarType::ALL.iter().enumerate() {
        let stored = count(
            &app,
            &format!(
                "SELECT COUNT(*) FROM nominations WHERE year = 2026 AND exemplar_type = '{}'",
                kind.code()
            ),
        )
        .await;
        assert_eq!(by_type[i], stored, "{kind:?}");
    }
    let unclassified = count(
        &app,
        "SELECT COUNT(*) FROM nominations WHERE year = 2026 AND exemplar_type IS NULL",
    )
    .await;
    assert!(unclassified > 0, "the demo leaves some unclassified");
    assert_eq!(by_type.iter().sum::<i64>() + unclassified, total);
    let movements = summary["movements"].as_array().unwrap();
    assert_eq!(movements.len(), 4);
    for m in movements {
        let id = m["id"].as_i64().unwrap();
        let stored = count(
            &app,
            &format!("SELECT COUNT(*) FROM nominations WHERE year = 2026 AND movement_id = {id}"),
        )
        .await;
        assert_eq!(by_movement.get(&id).copied().unwrap_or(0), stored);
    }

    // A new initiative from the first movement: both counts grow by one.
    let first = movements[0]["id"].as_i64().unwrap();
    let mut draft = household(unit, "Hộ ông Sáu");
    draft.exemplar_type = Some(ExemplarType::Initiative);
    draft.movement_id = Some(first);
    let (status, body) = app.call_fn(&staff, create(draft)).await;
    assert_eq!(status, 200, "{body}");
    let (_, summary) = app.call_fn(&leader, GetSummary { year: None }).await;
    let (after_type, after_movement, after_total) = counts(&summary);
    let initiative = ExemplarType::Initiative.index();
    assert_eq!(after_type[initiative], by_type[initiative] + 1);
    assert_eq!(
        after_movement[&first],
        by_movement.get(&first).copied().unwrap_or(0) + 1
    );
    assert_eq!(after_total, total + 1);
    app.stop().await;
}
