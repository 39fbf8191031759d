//! The exemplar's year over HTTP (issue 6): fostering plans (F-1) and periodic evaluations
//! (E-1) saved through the server functions, checked with the shared rules on the stored
//! data, all-or-nothing, versioned, recorded — and the board's stage guards that depend on
//! them. The clock is fixed (never the wall clock).

use crate::common;

use app::api::board::MoveNomination;
use app::api::nominations::{ApprovePlan, GetNomination, RecordEvaluation, SavePlan};
use app::types::model::{MoveRequest, Place};
use chrono::NaiveDate;
use common::{spawn_app_at, TestApp};
use serde_json::Value;
use shared::domain::{
    ActivityDraft, ActivityKind, ActivityStatus, EvaluationDraft, EvaluationPeriod, LeaderDraft,
    PlanDraft, Rating, Stage,
};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

async fn scalar(app: &TestApp, sql: &'static str, id: i64) -> i64 {
    let pool = app.pool().await;
    let n: i64 = sqlx::query_scalar(sql)
        .bind(id)
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    n
}

/// A nomination of `stage` (and, with `plan`, with or without a fostering plan), its
/// version, and the staff and head accounts of its unit.
async fn pick(app: &TestApp, stage: &str, plan: Option<bool>) -> (i64, i64, String, String) {
    let pool = app.pool().await;
    let (id, version, code): (i64, i64, String) = sqlx::query_as(
        "SELECT n.id, n.version, u.code FROM nominations n JOIN units u ON u.id = n.unit_id
         WHERE n.stage = $1
           AND ($2 IS NULL OR $3 = EXISTS (SELECT 1 FROM fostering_plans p WHERE p.nomination_id = n.id))
         ORDER BY n.id LIMIT 1",
    )
    .bind(stage)
    .bind(plan)
    .bind(plan)
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    let (staff, head) = if code == "CCPTNT" {
        ("staff1".to_string(), "head1".to_string())
    } else {
        let code = code.to_lowercase();
        (format!("staff.{code}"), format!("head.{code}"))
    };
    (id, version, staff, head)
}

async fn move_to(app: &TestApp, cookie: &str, id: i64, version: i64, to: Stage) -> (u16, Value) {
    let request = MoveRequest {
        id,
        version,
        to,
        place: Place::Top,
        reason: None,
        undo_of: None,
    };
    app.call_fn(cookie, MoveNomination { request }).await
}

fn leader(name: &str, position: &str) -> LeaderDraft {
    LeaderDraft {
        name: name.into(),
        position: position.into(),
    }
}

fn plan(activity_date: NaiveDate) -> PlanDraft {
    PlanDraft {
        fostering_leader: leader("Nguyễn Văn Bình", "Phó Giám đốc Sở"),
        publicity_leader: leader("Trần Thị Hoa", "Chánh Văn phòng"),
        replication_leader: leader("Lê Minh Tuấn", "Trưởng phòng"),
        activities: vec![
            ActivityDraft {
                kind: ActivityKind::Fostering,
                title: "Tập huấn quy trình VietGAP".into(),
                date: Some(activity_date),
                status: ActivityStatus::Done,
                outcome: "30 hộ tham dự".into(),
            },
            ActivityDraft {
                kind: ActivityKind::Replication,
                title: "Tham quan mô hình tại xã bạn".into(),
                date: None,
                status: ActivityStatus::Planned,
                outcome: "".into(),
            },
        ],
    }
}

fn evaluation(
    period: EvaluationPeriod,
    rating: Rating,
    date: Option<NaiveDate>,
) -> EvaluationDraft {
    EvaluationDraft {
        period,
        rating,
        achievements: "Năng suất tăng 15% so với cùng kỳ".into(),
        evaluator: "Hội đồng TĐKT đơn vị".into(),
        date,
        commendation: "".into(),
    }
}

fn messages(body: &Value) -> String {
    body.to_string()
}

#[tokio::test]
async fn f_1_a_registered_card_needs_a_full_plan_before_fostering_and_plans_are_versioned() {
    let app = spawn_app_at(day(2026, 10, 15)).await;
    let (id, version, staff, head_name) = pick(&app, "registered", Some(false)).await;
    let save_plan = |version: i64, draft: PlanDraft| SavePlan { id, version, draft };
    let staff = app.login(&staff).await;
    let head = app.login(&head_name).await;

    // The guard: no plan, no fostering.
    let (status, body) = move_to(&app, &head, id, version, Stage::Fostering).await;
    assert_eq!(status, 400, "{body}");
    assert!(
        messages(&body).contains("Cần có kế hoạch bồi dưỡng"),
        "{body}"
    );

    // A plan without a responsible leader is refused with the rule's message; nothing saved.
    let mut no_leader = plan(day(2026, 4, 2));
    no_leader.publicity_leader = leader("", "");
    let (status, body) = app.call_fn(&staff, save_plan(0, no_leader)).await;
    assert_eq!(status, 400, "{body}");
    assert!(
        messages(&body).contains("chưa nêu lãnh đạo phụ trách tuyên truyền"),
        "{body}"
    );
    // A date outside the campaign year: refused, nothing half-saved.
    let (status, body) = app
        .call_fn(&staff, save_plan(0, plan(day(2025, 12, 31))))
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(messages(&body).contains("phải thuộc năm 2026"), "{body}");
    let sql = "SELECT COUNT(*) FROM fostering_plans WHERE nomination_id = $1";
    assert_eq!(scalar(&app, sql, id).await, 0);
    let sql_activities = "SELECT COUNT(*) FROM fostering_activities WHERE nomination_id = $1";
    assert_eq!(scalar(&app, sql_activities, id).await, 0);

    // Another unit's staff cannot see it; leadership may look but not write.
    let outsider = app.login("staff.ttkn").await;
    let (status, _) = app
        .call_fn(&outsider, save_plan(0, plan(day(2026, 4, 2))))
        .await;
    assert!(status == 404 || status == 403, "{status}");
    let leader_cookie = app.login("leader").await;
    let (status, _) = app
        .call_fn(&leader_cookie, save_plan(0, plan(day(2026, 4, 2))))
        .await;
    assert_eq!(status, 403);
    // The refusal concerns security: recorded once, against the nomination (the write
    // kernel records it; nothing else of the plan was written).
    let refusals = scalar(
        &app,
        "SELECT COUNT(*) FROM audit_log WHERE action = 'forbidden' AND object_id = CAST($1 AS TEXT)",
        id,
    )
    .await;
    assert_eq!(refusals, 1);
    assert_eq!(scalar(&app, sql, id).await, 0);

    // The full plan is saved, as version 1, with its activities, and recorded.
    let (status, body) = app
        .call_fn(&staff, save_plan(0, plan(day(2026, 4, 2))))
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["version"], 1);
    assert_eq!(body["event"]["action"], "save_plan");
    assert_eq!(scalar(&app, sql_activities, id).await, 2);
    let audited = scalar(
        &app,
        "SELECT COUNT(*) FROM audit_log WHERE action = 'save_fostering_plan' AND object_id = CAST($1 AS TEXT)",
        id,
    )
    .await;
    assert_eq!(audited, 1);

    // A save made against the old version is stale: refused with who changed it.
    let (status, body) = app
        .call_fn(&staff, save_plan(0, plan(day(2026, 5, 2))))
        .await;
    assert_eq!(status, 409, "{body}");

    // The unit head approves it; staff may not.
    let (status, _) = app.call_fn(&staff, ApprovePlan { id, version: 1 }).await;
    assert_eq!(status, 403);
    let (status, body) = app.call_fn(&head, ApprovePlan { id, version: 1 }).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["version"], 2);
    let (_, view) = app.call_fn(&staff, GetNomination { id }).await;
    let plan_view = &view["record"]["plan"];
    let pool = app.pool().await;
    let head_display: String =
        sqlx::query_scalar("SELECT display_name FROM users WHERE username = $1")
            .bind(&head_name)
            .fetch_one(&pool)
            .await
            .unwrap();
    pool.close().await;
    assert_eq!(plan_view["approved_by"], head_display.as_str());
    assert!(plan_view["approved_at"].is_string());
    assert_eq!(
        plan_view["plan"]["activities"][0]["title"],
        "Tập huấn quy trình VietGAP"
    );
    assert_eq!(view["can_plan"], true);
    assert_eq!(view["can_approve"], false, "already approved");

    // An edit clears the approval: the changed plan is approved again.
    let (status, body) = app
        .call_fn(&staff, save_plan(2, plan(day(2026, 5, 2))))
        .await;
    assert_eq!(status, 200, "{body}");
    let (_, view) = app.call_fn(&head, GetNomination { id }).await;
    assert!(view["record"]["plan"]["approved_at"].is_null());
    assert_eq!(view["can_approve"], true);

    // Fostering starts only from the plan as the unit head approved it: refused until the
    // changed plan is approved again.
    let (status, body) = move_to(&app, &head, id, version, Stage::Fostering).await;
    assert_eq!(status, 400, "{body}");
    assert!(
        messages(&body).contains("chưa được thủ trưởng đơn vị phê duyệt"),
        "{body}"
    );
    let (status, body) = app.call_fn(&head, ApprovePlan { id, version: 3 }).await;
    assert_eq!(status, 200, "{body}");

    // With the approved plan, the guard lets the head start the fostering.
    let (status, body) = move_to(&app, &head, id, version, Stage::Fostering).await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["card"]["stage"], "fostering");
    app.stop().await;
}

#[tokio::test]
async fn f_1_plans_belong_to_registered_nominations() {
    let app = spawn_app_at(day(2026, 10, 15)).await;
    let (id, _, staff, _) = pick(&app, "discovered", None).await;
    let save_plan = |version: i64, draft: PlanDraft| SavePlan { id, version, draft };
    let staff = app.login(&staff).await;
    let (status, body) = app
        .call_fn(&staff, save_plan(0, plan(day(2026, 4, 2))))
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(messages(&body).contains("đã đăng ký với Sở"), "{body}");
    app.stop().await;
}

#[tokio::test]
async fn e_1_evaluations_are_checked_then_unlock_evaluating_and_replicated() {
    let app = spawn_app_at(day(2026, 10, 15)).await;
    let (id, version, staff_name, head_name) = pick(&app, "fostering", None).await;
    let staff = app.login(&staff_name).await;
    let head = app.login(&head_name).await;
    let count = "SELECT COUNT(*) FROM evaluations WHERE nomination_id = $1";
    let eval = |draft: EvaluationDraft| RecordEvaluation { id, draft };

    // The guard: fostering → evaluating needs the 6-month evaluation.
    let (status, body) = move_to(&app, &staff, id, version, Stage::Evaluating).await;
    assert_eq!(status, 400, "{body}");
    assert!(
        messages(&body).contains("Chưa có đánh giá 6 tháng"),
        "{body}"
    );

    // Bad input: refused with the rule's message, nothing saved.
    for (bad, expected) in [
        (
            evaluation(
                EvaluationPeriod::SixMonth,
                Rating::Good,
                Some(day(2026, 10, 16)),
            ),
            "tương lai",
        ),
        (
            evaluation(
                EvaluationPeriod::SixMonth,
                Rating::Good,
                Some(day(2025, 12, 30)),
            ),
            "thuộc năm 2026",
        ),
        (
            evaluation(EvaluationPeriod::SixMonth, Rating::Good, None),
            "ngày đánh giá",
        ),
    ] {
        let (status, body) = app.call_fn(&staff, eval(bad)).await;
        assert_eq!(status, 400, "{body}");
        assert!(messages(&body).contains(expected), "{expected}: {body}");
    }
    let mut commended = evaluation(
        EvaluationPeriod::SixMonth,
        Rating::Good,
        Some(day(2026, 6, 30)),
    );
    commended.commendation = "Giấy khen".into();
    let (status, _) = app.call_fn(&staff, eval(commended)).await;
    assert_eq!(
        status, 400,
        "a commendation belongs to the annual evaluation"
    );
    assert_eq!(scalar(&app, count, id).await, 0);

    // Read-only and other units: refused.
    let leader = app.login("leader").await;
    let (status, _) = app
        .call_fn(
            &leader,
            eval(evaluation(
                EvaluationPeriod::SixMonth,
                Rating::Good,
                Some(day(2026, 6, 30)),
            )),
        )
        .await;
    assert_eq!(status, 403);

    // The 6-month evaluation is recorded once.
    let (status, body) = app
        .call_fn(
            &staff,
            eval(evaluation(
                EvaluationPeriod::SixMonth,
                Rating::Good,
                Some(day(2026, 6, 30)),
            )),
        )
        .await;
    assert_eq!(status, 200, "{body}");
    assert_eq!(body["action"], "evaluate");
    let (status, body) = app
        .call_fn(
            &staff,
            eval(evaluation(
                EvaluationPeriod::SixMonth,
                Rating::Excellent,
                Some(day(2026, 7, 1)),
            )),
        )
        .await;
    assert_eq!(status, 400);
    assert!(messages(&body).contains("Đã có đánh giá 6 tháng"), "{body}");
    assert_eq!(scalar(&app, count, id).await, 1);

    // Now the staff member may start the evaluation stage.
    let (status, body) = move_to(&app, &staff, id, version, Stage::Evaluating).await;
    assert_eq!(status, 200, "{body}");
    let version = body["card"]["version"].as_i64().unwrap();

    // evaluating → replicated needs the 9-month and a passing annual evaluation.
    let (status, body) = move_to(&app, &head, id, version, Stage::Replicated).await;
    assert!(status == 400 || status == 403, "{body}");
    let office = app.login("office").await;
    let (status, body) = move_to(&app, &office, id, version, Stage::Replicated).await;
    assert_eq!(status, 400, "{body}");
    assert!(
        messages(&body).contains("Chưa có đánh giá 9 tháng"),
        "{body}"
    );
    for (period, rating, date) in [
        (EvaluationPeriod::NineMonth, Rating::Good, day(2026, 9, 30)),
        (EvaluationPeriod::Annual, Rating::Fail, day(2026, 10, 14)),
    ] {
        let (status, body) = app
            .call_fn(&staff, eval(evaluation(period, rating, Some(date))))
            .await;
        assert_eq!(status, 200, "{period:?}: {body}");
    }
    let (status, body) = move_to(&app, &office, id, version, Stage::Replicated).await;
    assert_eq!(status, 400, "{body}");
    assert!(messages(&body).contains("từ mức “Đạt” trở lên"), "{body}");
    // A second annual evaluation is refused.
    let (status, body) = app
        .call_fn(
            &staff,
            eval(evaluation(
                EvaluationPeriod::Annual,
                Rating::Good,
                Some(day(2026, 10, 15)),
            )),
        )
        .await;
    assert_eq!(status, 400);
    assert!(messages(&body).contains("Đã có đánh giá cả năm"), "{body}");

    // The card's detail shows them in period order, and its history records them.
    let (_, view) = app.call_fn(&staff, GetNomination { id }).await;
    let periods: Vec<&str> = view["record"]["evaluations"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["evaluation"]["period"].as_str().unwrap())
        .collect();
    assert_eq!(periods, ["six_month", "nine_month", "annual"]);
    let evaluated = view["record"]["history"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|h| h["action"] == "evaluate")
        .count();
    assert_eq!(evaluated, 3);
    app.stop().await;
}

#[tokio::test]
async fn e_1_an_evaluation_for_a_period_that_has_not_started_is_refused() {
    // Early March: the 9-month period opens on 1 July.
    let app = spawn_app_at(day(2026, 3, 2)).await;
    let (id, _, staff, _) = pick(&app, "fostering", None).await;
    let staff = app.login(&staff).await;
    let (status, body) = app
        .call_fn(
            &staff,
            RecordEvaluation {
                id,
                draft: evaluation(
                    EvaluationPeriod::NineMonth,
                    Rating::Good,
                    Some(day(2026, 3, 1)),
                ),
            },
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(
        messages(&body).contains("Chưa đến kỳ đánh giá 9 tháng"),
        "{body}"
    );
    assert!(messages(&body).contains("01/07/2026"), "{body}");
    // The 6-month period is open from the year's start.
    let (status, body) = app
        .call_fn(
            &staff,
            RecordEvaluation {
                id,
                draft: evaluation(
                    EvaluationPeriod::SixMonth,
                    Rating::Excellent,
                    Some(day(2026, 3, 2)),
                ),
            },
        )
        .await;
    assert_eq!(status, 200, "{body}");
    // And a registered nomination is not evaluated yet.
    let (rid, _, rstaff, _) = pick(&app, "registered", None).await;
    let rstaff = app.login(&rstaff).await;
    let (status, body) = app
        .call_fn(
            &rstaff,
            RecordEvaluation {
                id: rid,
                draft: evaluation(
                    EvaluationPeriod::SixMonth,
                    Rating::Good,
                    Some(day(2026, 3, 1)),
                ),
            },
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(
        messages(&body).contains("đang bồi dưỡng hoặc đánh giá"),
        "{body}"
    );
    app.stop().await;
}
