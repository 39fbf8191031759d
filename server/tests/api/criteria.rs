//! A campaign's criteria over HTTP (issue 18): only administrators read and change them,
//! checked by the shared rule, stored as a new version from a chosen year on, frozen for a
//! year once its council has begun, and read by the council, the nomination form and the
//! board's registration rule from storage.

use crate::common;

use app::api::admin::{
    GetCampaignCriteria, GetCampaignYears, ListCampaigns, SaveCampaignYear, SaveCriteria,
};
use app::api::board::MoveNomination;
use app::api::council::{ChangeSheet, GetCouncil, GetSheet};
use app::api::nominations::{NominationForm, SaveNomination};
use app::types::council::SheetChange;
use app::types::model::{CampaignYears, MoveRequest, Place};
use chrono::NaiveDate;
use common::board::{move_card, unit_head_draft};
use common::{spawn_app_at, TestApp};
use serde_json::Value;
use shared::domain::{Assessment, CriteriaSet, Criterion, NominationDraft, Profile, Stage};
use shared::i18n::{violation_message, Lang};
use shared::rules::ViolationKind;

async fn campaign_of(app: &TestApp, cookie: &str, year: i64) -> i64 {
    let (status, body) = app.call_fn(cookie, ListCampaigns {}).await;
    assert_eq!(status, 200, "{body}");
    body.as_array()
        .unwrap()
        .iter()
        .find(|c| c["start_year"].as_i64() <= Some(year) && c["end_year"].as_i64() >= Some(year))
        .expect("a campaign covers the year")["id"]
        .as_i64()
        .unwrap()
}

fn save(campaign_id: i64, from_year: i32, criteria: &CriteriaSet, version: i64) -> SaveCriteria {
    SaveCriteria {
        campaign_id,
        from_year,
        criteria: criteria.clone(),
        version,
    }
}

async fn count(app: &TestApp, sql: &'static str) -> i64 {
    let pool = app.pool().await;
    let n = sqlx::query_scalar(sql).fetch_one(&pool).await.unwrap();
    pool.close().await;
    n
}

/// The plan's set with C-A1 weighing 10 and a new scored C-A6.
fn edited() -> CriteriaSet {
    let mut set = CriteriaSet::plan();
    set.collective[0].weight = 10;
    set.collective.push(Criterion {
        code: "C-A6".into(),
        vi: "Chuyển đổi số trong quản lý".into(),
        en: "Digital transformation of management".into(),
        weight: 2,
        assessment: Assessment::Scored,
        floor: None,
    });
    set
}

fn collective(unit_id: i64, evidence: &[&str]) -> NominationDraft {
    NominationDraft {
        unit_id,
        nominee_name: "Phòng Kế hoạch – Tài chính".into(),
        profile: Profile::Collective { size: 12 },
        description: "Số hóa hồ sơ kế hoạch".into(),
        replication_potential: String::new(),
        evidence: evidence
            .iter()
            .map(|c| (c.to_string(), format!("Minh chứng {c}")))
            .collect(),
        exemplar_type: None,
        movement_id: None,
    }
}

#[tokio::test]
async fn criteria_are_the_campaign_s_versioned_and_frozen_once_the_council_scores() {
    let app = spawn_app_at(NaiveDate::from_ymd_opt(2026, 10, 15).unwrap()).await;
    let admin = app.login("admin").await;
    let campaign_id = campaign_of(&app, &admin, 2026).await;
    let office = app.login("office").await;
    let (status, _) = app
        .call_fn(&office, GetCampaignCriteria { campaign_id })
        .await;
    assert_eq!(status, 403, "administrators only");
    let (status, _) = app
        .call_fn(&office, save(campaign_id, 2027, &edited(), 1))
        .await;
    assert_eq!(status, 403);

    let (status, body) = app
        .call_fn(&admin, GetCampaignCriteria { campaign_id })
        .await;
    assert_eq!(status, 200, "{body}");
    let versions = |body: &Value| -> Vec<(i64, i64, bool)> {
        body["years"]
            .as_array()
            .unwrap()
            .iter()
            .map(|y| {
                (
                    y["year"].as_i64().unwrap(),
                    y["version"].as_i64().unwrap(),
                    y["frozen"].as_bool().unwrap(),
                )
            })
            .collect()
    };
    let years = versions(&body);
    assert_eq!(years.len(), 5, "{body}");
    assert!(
        years.iter().all(|(_, v, frozen)| *v == 1 && !frozen),
        "every year stored on the campaign's first version, the plan's: {years:?}"
    );
    let stored: CriteriaSet = serde_json::from_value(body["versions"][0]["set"].clone()).unwrap();
    assert_eq!(stored, CriteriaSet::plan());

    // Bad input, refused with the rule's words; nothing stored.
    let mut bad = CriteriaSet::plan();
    bad.collective[1].code = "C-A1".into();
    bad.collective[2].weight = 0;
    let (status, body) = app.call_fn(&admin, save(campaign_id, 2027, &bad, 1)).await;
    assert_eq!(status, 400, "{body}");
    let text = body.to_string();
    assert!(text.contains("Mã tiêu chí C-A1 bị nhập hai lần"), "{text}");
    assert!(text.contains("Trọng số phải từ 1 đến 10"), "{text}");
    let (status, body) = app
        .call_fn(&admin, save(campaign_id, 2035, &edited(), 1))
        .await;
    assert_eq!(status, 400, "a year outside the campaign: {body}");
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM criteria_versions").await,
        1
    );

    // The council begins 2026: council1 scores a collective, 10 on C-A1 and 2 elsewhere.
    let pool = app.pool().await;
    let nominee: i64 = sqlx::query_scalar(
        "SELECT n.id FROM nominations n JOIN units u ON u.id = n.unit_id
         WHERE n.stage = 'evaluating' AND n.kind = 'collective' AND n.year = 2026
           AND u.code NOT IN ('VP', 'TCCB', 'KHTC', 'CCKL', 'CTTL', 'TTKN')
         ORDER BY n.id LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    let c1 = app.login("council1").await;
    for c in CriteriaSet::plan().scored(shared::domain::NomineeKind::Collective) {
        let change = SheetChange::Score {
            criterion: c.code.clone(),
            score: Some(if c.code == "C-A1" { 10 } else { 2 }),
            comment: String::new(),
        };
        let (status, body) = app
            .call_fn(
                &c1,
                ChangeSheet {
                    id: nominee,
                    change,
                },
            )
            .await;
        assert_eq!(status, 200, "{body}");
    }
    let (status, council_before) = app.call_fn(&office, GetCouncil {}).await;
    assert_eq!(status, 200, "{council_before}");
    let total_of = |council: &Value| {
        council["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["id"].as_i64() == Some(nominee))
            .unwrap()["aggregate"]["total_milli"]
            .as_i64()
    };
    // (10×2 + 2×(3+1+1+1)) / 8 = 4.0 on the plan's weights.
    assert_eq!(total_of(&council_before), Some(4_000));
    // 2 on C-A3 and C-A5 is below their floor (5): the nominee has a total but no rank.
    let row = council_before["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"].as_i64() == Some(nominee))
        .unwrap()
        .clone();
    assert_eq!(
        row["aggregate"]["below_floor"],
        serde_json::json!(["C-A3", "C-A5"])
    );
    assert!(row["rank"].is_null(), "{row}");

    // 2026 is frozen now: a change from 2026 is refused, from 2027 it is a new version.
    let (status, body) = app
        .call_fn(&admin, save(campaign_id, 2026, &edited(), 1))
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(
        body.to_string()
            .contains("Hội đồng đã bắt đầu chấm năm 2026"),
        "{body}"
    );
    let (status, body) = app
        .call_fn(&admin, save(campaign_id, 2027, &edited(), 1))
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body.as_i64(), Some(2));
    let (_, body) = app
        .call_fn(&admin, GetCampaignCriteria { campaign_id })
        .await;
    assert_eq!(
        versions(&body),
        [
            (2026, 1, true),
            (2027, 2, false),
            (2028, 2, false),
            (2029, 2, false),
            (2030, 2, false)
        ]
    );
    assert_eq!(body["open_year"].as_i64(), Some(2027));

    // A second administrator's form, opened on version 1: a conflict naming who saved.
    let (status, body) = app
        .call_fn(&admin, save(campaign_id, 2028, &CriteriaSet::plan(), 1))
        .await;
    assert_eq!(status, 409, "{body}");
    assert!(body.to_string().contains("Quản trị"), "names who: {body}");

    // Year one's totals did not move with the new weights.
    let (_, council_after) = app.call_fn(&office, GetCouncil {}).await;
    assert_eq!(total_of(&council_after), Some(4_000));
    assert_eq!(council_after["rows"], council_before["rows"]);
    assert_eq!(
        count(
            &app,
            "SELECT COUNT(*) FROM audit_log WHERE action = 'criteria_updated'"
        )
        .await,
        1
    );

    // The form and the nominations follow each year's own criteria: C-A6 is asked for in
    // 2027 and unknown in 2026.
    let staff = app.login("staff1").await;
    let (_, form) = app.call_fn(&staff, NominationForm { id: None }).await;
    let codes: Vec<&str> = form["criteria"]["collective"]
        .as_array()
        .unwrap()
        .iter()
        .map(|c| c["code"].as_str().unwrap())
        .collect();
    assert_eq!(
        codes,
        ["C-A1", "C-A2", "C-A3", "C-A4", "C-A5"],
        "2026's form"
    );
    let unit = form["draft"]["unit_id"].as_i64().unwrap();
    let all = ["C-A1", "C-A2", "C-A3", "C-A4", "C-A5", "C-A6"];
    let create = |year: i32, evidence: &[&str]| SaveNomination {
        id: None,
        version: 0,
        year,
        draft: collective(unit, evidence),
    };
    let (status, body) = app.call_fn(&staff, create(2026, &all)).await;
    assert_eq!(status, 400, "C-A6 is not a 2026 criterion: {body}");
    let (status, body) = app.call_fn(&staff, create(2027, &all[..5])).await;
    assert_eq!(status, 200, "{body}");
    let id = body["card"]["id"].as_i64().unwrap();
    let version = body["card"]["version"].as_i64().unwrap();

    // Registering it in 2027 needs C-A6's evidence (S-1 on the year's criteria).
    let head = app.login("head1").await;
    let request = MoveRequest {
        id,
        version,
        to: Stage::Registered,
        place: Place::Top,
        reason: None,
        undo_of: None,
    };
    let (status, body) = app.call_fn(&head, MoveNomination { request }).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.to_string().contains("C-A6"), "{body}");
    app.stop().await;
}

#[tokio::test]
async fn a_registered_dossier_is_checked_again_on_edit_and_the_council_sees_the_change() {
    let app = spawn_app_at(NaiveDate::from_ymd_opt(2026, 10, 15).unwrap()).await;
    // An exemplar being evaluated, of a unit no council member belongs to.
    let pool = app.pool().await;
    let (id, code): (i64, String) = sqlx::query_as(
        "SELECT n.id, u.code FROM nominations n JOIN units u ON u.id = n.unit_id
         WHERE n.stage = 'evaluating' AND n.kind = 'collective'
           AND u.code NOT IN ('VP', 'TCCB', 'KHTC', 'CCKL', 'CTTL', 'TTKN')
         ORDER BY n.id LIMIT 1",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    let staff = if code == "CCPTNT" {
        "staff1".to_string()
    } else {
        format!("staff.{}", code.to_lowercase())
    };
    let c1 = app.login("council1").await;
    let change = SheetChange::Score {
        criterion: "C-A1".into(),
        score: Some(8),
        comment: String::new(),
    };
    let (status, body) = app.call_fn(&c1, ChangeSheet { id, change }).await;
    assert_eq!(status, 200, "{body}");
    let (_, sheet) = app.call_fn(&c1, GetSheet { id }).await;
    assert!(sheet["dossier_changed_at"].is_null(), "{sheet}");

    // S-1 again on the edited dossier: C-A2's evidence cannot be taken away any more.
    let staff = app.login(&staff).await;
    let (status, form) = app.call_fn(&staff, NominationForm { id: Some(id) }).await;
    assert_eq!(status, 200, "{form}");
    let mut draft: NominationDraft = serde_json::from_value(form["draft"].clone()).unwrap();
    let version = form["version"].as_i64().unwrap();
    let edit = |draft: NominationDraft, version: i64| SaveNomination {
        id: Some(id),
        version,
        year: 2026,
        draft,
    };
    let mut stripped = draft.clone();
    stripped.evidence.remove("C-A2");
    let (status, body) = app.call_fn(&staff, edit(stripped, version)).await;
    assert_eq!(status, 400, "{body}");
    assert!(
        body.to_string()
            .contains("Chưa có minh chứng cho tiêu chí C-A2"),
        "{body}"
    );
    let (_, after) = app.call_fn(&staff, NominationForm { id: Some(id) }).await;
    assert_eq!(after["version"].as_i64(), Some(version), "nothing saved");

    // A complete edit is saved, and the council's sheet says the dossier changed.
    draft.description.push_str(" (bổ sung số liệu quý III)");
    let (status, body) = app.call_fn(&staff, edit(draft, version)).await;
    assert_eq!(status, 200, "{body}");
    let (_, sheet) = app.call_fn(&c1, GetSheet { id }).await;
    assert!(sheet["dossier_changed_at"].is_string(), "{sheet}");
    app.stop().await;
}

/// The staff account of the demo unit `code`.
fn staff_of(code: &str) -> String {
    if code == "CCPTNT" {
        "staff1".to_string()
    } else {
        format!("staff.{}", code.to_lowercase())
    }
}

/// What is stored of nomination `id`, as its unit's staff read it: the draft, the version
/// and how many changes the event log holds for it.
async fn stored(app: &TestApp, cookie: &str, id: i64) -> (NominationDraft, i64, i64) {
    let (status, form) = app.call_fn(cookie, NominationForm { id: Some(id) }).await;
    assert_eq!(status, 200, "{form}");
    let draft = serde_json::from_value(form["draft"].clone()).unwrap();
    let version = form["version"].as_i64().unwrap();
    let pool = app.pool().await;
    let events: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM events WHERE nomination_id = $1")
        .bind(id)
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    (draft, version, events)
}

/// The refusal's messages are exactly the rule's, in Vietnamese (the default language).
fn refused_by(body: &Value, kind: ViolationKind) {
    assert_eq!(
        body["Invalid"],
        serde_json::json!([violation_message(Lang::Vi, &kind)]),
        "{body}"
    );
}

#[tokio::test]
async fn a_registered_household_edited_below_the_year_s_cultural_family_years_is_refused_by_c_b5() {
    let app = spawn_app_at(NaiveDate::from_ymd_opt(2026, 10, 15).unwrap()).await;
    let pool = app.pool().await;
    let households: Vec<(i64, String)> = sqlx::query_as(
        "SELECT n.id, u.code FROM nominations n JOIN units u ON u.id = n.unit_id
         WHERE n.kind = 'household' AND n.year = 2026
           AND n.stage IN ('registered', 'fostering', 'evaluating')
         ORDER BY n.id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    pool.close().await;
    // One that is not an exemplary cultural family (which C-B5 lets through on any years).
    let mut found = None;
    for (id, code) in households {
        let staff = app.login(&staff_of(&code)).await;
        let before = stored(&app, &staff, id).await;
        if matches!(
            before.0.profile,
            Profile::Household {
                exemplary: false,
                ..
            }
        ) {
            found = Some((id, staff, before));
            break;
        }
    }
    let (id, staff, before) = found.expect("a registered household, not exemplary");
    let (draft, version, _) = before.clone();
    assert_eq!(
        draft.profile,
        Profile::Household {
            cultural_family_years: vec![2023, 2024, 2025],
            exemplary: false,
        },
        "three consecutive years, as 2026 asks (the plan's number)"
    );

    // Two consecutive years where the year asks for three: refused, nothing saved.
    let mut lowered = draft.clone();
    lowered.profile = Profile::Household {
        cultural_family_years: vec![2024, 2025],
        exemplary: false,
    };
    let edit = SaveNomination {
        id: Some(id),
        version,
        year: 2026,
        draft: lowered.clone(),
    };
    let (status, body) = app.call_fn(&staff, edit.clone()).await;
    assert_eq!(status, 400, "{body}");
    refused_by(
        &body,
        ViolationKind::CulturalFamilyYears {
            consecutive: 2,
            needed: 3,
        },
    );
    assert_eq!(stored(&app, &staff, id).await, before, "nothing saved");

    // The number is the year's: where 2026 asks for two, the same edit is saved.
    let admin = app.login("admin").await;
    let campaign_id = campaign_of(&app, &admin, 2026).await;
    let (_, body) = app.call_fn(&admin, GetCampaignYears { campaign_id }).await;
    let plan: CampaignYears = serde_json::from_value(body).unwrap();
    let row = plan.years.iter().find(|y| y.calendar.year == 2026).unwrap();
    assert_eq!(row.calendar.cultural_family_years, 3);
    let mut calendar = row.calendar.clone();
    calendar.cultural_family_years = 2;
    let save_year = SaveCampaignYear {
        campaign_id,
        calendar,
        version: row.version,
    };
    let (status, body) = app.call_fn(&admin, save_year).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = app.call_fn(&staff, edit).await;
    assert_eq!(status, 200, "{body}");
    let (after, _, _) = stored(&app, &staff, id).await;
    assert_eq!(after.profile, lowered.profile);
    app.stop().await;
}

#[tokio::test]
async fn a_registered_unit_head_edited_away_from_the_unit_s_registered_collective_is_refused_by_c_c4(
) {
    let app = spawn_app_at(NaiveDate::from_ymd_opt(2026, 10, 15).unwrap()).await;
    let pool = app.pool().await;
    // A registered collective of CCPTNT (head1's unit), and one of another unit.
    let registered: Vec<(i64, i64, String)> = sqlx::query_as(
        "SELECT n.id, u.id, u.code FROM nominations n JOIN units u ON u.id = n.unit_id
         WHERE n.kind = 'collective' AND n.year = 2026
           AND n.stage IN ('registered', 'fostering', 'evaluating', 'replicated')
         ORDER BY n.id",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let (registered_collective, unit_id, _) = registered
        .iter()
        .find(|(_, _, code)| code == "CCPTNT")
        .cloned()
        .expect("a registered collective of CCPTNT");
    let (foreign, _, _) = registered
        .iter()
        .find(|(_, _, code)| code != "CCPTNT")
        .cloned()
        .expect("a registered collective of another unit");
    pool.close().await;

    // The unit's collective still at "discovered", and its head, with the registered one.
    let staff = app.login("staff1").await;
    let (status, body) = app
        .call_fn(
            &staff,
            SaveNomination {
                id: None,
                version: 0,
                year: 2026,
                draft: collective(unit_id, &[]),
            },
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let unregistered = body["card"]["id"].as_i64().unwrap();
    let head = app.login("head1").await;
    let linked_to = |collective: Option<i64>| unit_head_draft(unit_id, collective).profile;
    let draft = unit_head_draft(unit_id, Some(registered_collective));
    let create = SaveNomination {
        id: None,
        version: 0,
        year: 2026,
        draft,
    };
    let (status, body) = app.call_fn(&head, create).await;
    assert_eq!(status, 200, "{body}");
    let id = body["card"]["id"].as_i64().unwrap();
    let version = body["card"]["version"].as_i64().unwrap();
    let (status, body) = move_card(&app, &head, id, version, Stage::Registered, None).await;
    assert_eq!(status, 200, "{body}");
    let before = stored(&app, &staff, id).await;
    let (draft, version, _) = before.clone();
    assert_eq!(draft.profile, linked_to(Some(registered_collective)));

    // The link taken away, moved to the unit's unregistered collective, or to another
    // unit's registered one: each refused by C-C4, and nothing saved.
    for (link, kind) in [
        (None, ViolationKind::UnitHeadWithoutCollective),
        (
            Some(unregistered),
            ViolationKind::UnitHeadCollectiveNotRegistered,
        ),
        (Some(foreign), ViolationKind::UnitHeadWithoutCollective),
    ] {
        let mut edited = draft.clone();
        edited.profile = linked_to(link);
        let edit = SaveNomination {
            id: Some(id),
            version,
            year: 2026,
            draft: edited,
        };
        let (status, body) = app.call_fn(&staff, edit).await;
        assert_eq!(status, 400, "linked to {link:?}: {body}");
        refused_by(&body, kind);
        assert_eq!(
            stored(&app, &staff, id).await,
            before,
            "nothing saved (linked to {link:?})"
        );
    }

    // The same edit with the link kept is saved.
    let mut edited = draft.clone();
    edited.description.push_str(" (bổ sung)");
    let edit = SaveNomination {
        id: Some(id),
        version,
        year: 2026,
        draft: edited,
    };
    let (status, body) = app.call_fn(&staff, edit).await;
    assert_eq!(status, 200, "{body}");
    app.stop().await;
}
