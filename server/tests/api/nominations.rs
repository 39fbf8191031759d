//! Creating, editing and reading nominations over HTTP: validated with the shared rules,
//! authorised, versioned, recorded, and live on the board.

use crate::common;

use app::api::nominations::{GetNomination, NominationForm, SaveNomination};
use common::board::household_draft as household;
use common::{spawn_app, unit_of};
use shared::domain::{NominationDraft, Profile};

/// A new nomination of `year` (no id, version 0).
fn create(year: i32, draft: NominationDraft) -> SaveNomination {
    SaveNomination {
        id: None,
        version: 0,
        year,
        draft,
    }
}

#[tokio::test]
async fn staff_create_a_nomination_for_their_unit_and_it_is_recorded() {
    let app = spawn_app().await;
    let staff = app.login("staff1").await;
    let unit = unit_of(&app, "staff1").await;
    let (status, form) = app.call_fn(&staff, NominationForm { id: None }).await;
    assert_eq!(status, 200, "{form}");
    assert_eq!(
        form["units"].as_array().unwrap().len(),
        1,
        "only their own unit"
    );
    let year = i32::try_from(form["year"].as_i64().unwrap()).unwrap();

    let body = create(year, household(unit, "  Hộ bà Trần Thị Tư  "));
    let (status, event) = app.call_fn(&staff, body).await;
    assert_eq!(status, 200, "{event}");
    assert_eq!(event["action"], "create");
    assert_eq!(event["card"]["stage"], "discovered");
    assert_eq!(
        event["card"]["nominee_name"], "Hộ bà Trần Thị Tư",
        "trimmed"
    );
    let id = event["card"]["id"].as_i64().unwrap();

    let (status, view) = app.call_fn(&staff, GetNomination { id }).await;
    assert_eq!(status, 200);
    assert_eq!(view["can_edit"], true);
    assert_eq!(
        view["record"]["draft"]["evidence"]["C-B1"],
        "Giấy chứng nhận VietGAP"
    );
    assert_eq!(view["record"]["history"][0]["action"], "create");

    // Another unit's staff may neither create for this unit nor see the new card.
    let other = app.login("staff.cctt").await;
    let body = create(year, household(unit, "Hộ khác"));
    let (status, _) = app.call_fn(&other, body).await;
    assert_eq!(status, 403);
    let (status, _) = app.call_fn(&other, GetNomination { id }).await;
    assert_eq!(status, 404);
    app.stop().await;
}

#[tokio::test]
async fn bad_input_is_refused_with_every_reason_and_nothing_is_saved() {
    let app = spawn_app().await;
    let staff = app.login("staff1").await;
    let unit = unit_of(&app, "staff1").await;
    let pool = app.pool().await;
    let before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM nominations")
        .fetch_one(&pool)
        .await
        .unwrap();
    let mut draft = household(unit, " ");
    draft.description = "".into();
    draft.profile = Profile::Household {
        cultural_family_years: vec![2024, 2024],
        exemplary: false,
    };
    let (status, body) = app.call_fn(&staff, create(2026, draft)).await;
    assert_eq!(status, 400, "{body}");
    let messages = body["Invalid"].as_array().unwrap();
    assert_eq!(messages.len(), 3, "{body}");
    assert!(body.to_string().contains("tên tập thể, cá nhân"), "{body}");
    assert!(
        body.to_string().contains("năm 2024 bị nhập hai lần"),
        "{body}"
    );
    // A name that would read reversed (U+202E) and evidence with a terminal escape:
    // refused, named, nothing saved.
    let mut draft = household(unit, "Hộ ông \u{202E}nóS");
    draft
        .evidence
        .insert("C-B1".into(), "Giấy chứng nhận \u{1b}[2J".into());
    let (status, body) = app.call_fn(&staff, create(2026, draft)).await;
    assert_eq!(status, 400, "{body}");
    let text = body.to_string();
    assert!(
        text.contains("Tên tập thể, cá nhân chứa ký tự điều khiển hoặc ký tự đảo chiều"),
        "{body}"
    );
    assert!(text.contains("Minh chứng chứa ký tự điều khiển"), "{body}");
    let after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM nominations")
        .fetch_one(&pool)
        .await
        .unwrap();
    assert_eq!(before, after);
    pool.close().await;
    app.stop().await;
}

#[tokio::test]
async fn a_stale_edit_is_a_conflict_and_kind_and_unit_do_not_change() {
    let app = spawn_app().await;
    let staff = app.login("staff1").await;
    let head = app.login("head1").await;
    let unit = unit_of(&app, "staff1").await;
    let body = create(2026, household(unit, "Hộ ông Lý Văn Năm"));
    let (_, event) = app.call_fn(&staff, body).await;
    let id = event["card"]["id"].as_i64().unwrap();
    let version = event["card"]["version"].as_i64().unwrap();

    let edit = |name: &str, v: i64| SaveNomination {
        id: Some(id),
        version: v,
        year: 2026,
        draft: household(unit, name),
    };
    let (status, changed) = app
        .call_fn(&head, edit("Hộ ông Lý Văn Năm (ấp 3)", version))
        .await;
    assert_eq!(status, 200, "{changed}");
    assert_eq!(changed["action"], "edit");
    assert_eq!(changed["card"]["version"], version + 1);
    let (status, conflict) = app.call_fn(&staff, edit("Hộ ông Năm", version)).await;
    assert_eq!(status, 409, "{conflict}");
    assert_eq!(conflict["Conflict"]["by"], "Lâm Văn Sang");

    let mut other_kind = household(unit, "Tổ hợp tác");
    other_kind.profile = Profile::Collective { size: 12 };
    let body = SaveNomination {
        id: Some(id),
        version: version + 1,
        year: 2026,
        draft: other_kind,
    };
    let (status, _) = app.call_fn(&head, body).await;
    assert_eq!(status, 400);
    app.stop().await;
}
