//! The council's scoring over HTTP (issue 7, first slice): scores saved per criterion and
//! checked on the server (range, criterion, recusal, conflict, submitted sheet), blind
//! until one's own sheet is submitted, totals by the shared aggregation.

use crate::common;

use app::api::board::GetCard;
use app::api::council::{
    CastVote, ChangeSheet, CloseBallot, DecideForCity, GetCouncil, GetSheet, OpenBallot,
    RecordDispatch,
};
use app::api::nominations::GetNomination;
use app::api::year::GetCalendar;
use app::types::council::SheetChange;
use chrono::NaiveDate;
use common::{spawn_app_at, TestApp};
use serde_json::{json, Value};

fn day(y: i32, m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(y, m, d).unwrap()
}

async fn one(app: &TestApp, sql: &'static str) -> (i64, String, String) {
    let pool = app.pool().await;
    let row = sqlx::query_as(sql).fetch_one(&pool).await.unwrap();
    pool.close().await;
    row
}

/// A nomination to score: registered, of a unit no council member belongs to (id, kind,
/// unit code).
async fn nominee(app: &TestApp) -> (i64, String, String) {
    one(
        app,
        "SELECT n.id, n.kind, u.code FROM nominations n JOIN units u ON u.id = n.unit_id
         WHERE n.stage = 'evaluating'
           AND u.code NOT IN ('VP', 'TCCB', 'KHTC', 'CCKL', 'CTTL', 'TTKN')
         ORDER BY n.id LIMIT 1",
    )
    .await
}

/// The scored criteria of `kind` in the demo campaign (its first version: the plan's).
fn codes(kind: &str) -> Vec<&'static str> {
    let kind = shared::domain::NomineeKind::from_code(kind).unwrap();
    shared::domain::CriteriaSet::plan()
        .scored(kind)
        .map(|c| &*c.code.clone().leak())
        .collect()
}

async fn score(
    app: &TestApp,
    cookie: &str,
    id: i64,
    criterion: &str,
    value: Option<i64>,
) -> (u16, Value) {
    let change = SheetChange::Score {
        criterion: criterion.into(),
        score: value,
        comment: "Có số liệu minh chứng".into(),
    };
    app.call_fn(cookie, ChangeSheet { id, change }).await
}

async fn submit(app: &TestApp, cookie: &str, id: i64) -> (u16, Value) {
    app.call_fn(
        cookie,
        ChangeSheet {
            id,
            change: SheetChange::Submit,
        },
    )
    .await
}

#[tokio::test]
async fn council_members_score_blind_until_they_submit_and_every_rule_holds_on_the_server() {
    let app = spawn_app_at(NaiveDate::from_ymd_opt(2026, 10, 15).unwrap()).await;
    let (id, kind, _) = nominee(&app).await;
    let criteria = codes(&kind);
    let c1 = app.login("council1").await;
    let c2 = app.login("council2").await;

    // Bad input: out of range, not a criterion of this kind; nothing is stored.
    let (status, body) = score(&app, &c1, id, criteria[0], Some(11)).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.to_string().contains("từ 0 đến 10"), "{body}");
    let (status, body) = score(&app, &c1, id, "C-X9", Some(5)).await;
    assert_eq!(status, 400, "{body}");
    let pool = app.pool().await;
    let stored: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM scores WHERE score IS NOT NULL")
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    assert_eq!(stored, 0);

    // council2 scores everything and submits first.
    for c in &criteria {
        let (status, body) = score(&app, &c2, id, c, Some(8)).await;
        assert_eq!(status, 200, "{body}");
    }
    // council1 has scored one criterion: an incomplete sheet is not submitted, and the
    // others' scores stay hidden.
    let (status, state) = score(&app, &c1, id, criteria[0], Some(6)).await;
    assert_eq!(status, 200, "{state}");
    assert_eq!(
        state,
        json!({ "state": "open", "scored": 1, "total": criteria.len() })
    );
    let (status, body) = submit(&app, &c1, id).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.to_string().contains("Chưa chấm đủ"), "{body}");
    let (_, sheet) = app.call_fn(&c1, GetSheet { id }).await;
    assert!(
        sheet["others"].is_null(),
        "blind before submitting: {sheet}"
    );
    assert!(sheet["aggregate"].is_null());
    let (status, sheet2) = submit(&app, &c2, id).await;
    assert_eq!(status, 200, "{sheet2}");
    let (_, sheet) = app.call_fn(&c1, GetSheet { id }).await;
    assert!(
        sheet["others"].is_null(),
        "still blind after another submits: {sheet}"
    );
    let (_, list) = app.call_fn(&c1, GetCouncil {}).await;
    let row = list["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .unwrap();
    assert!(row["aggregate"].is_null(), "{row}");

    // After submitting, council1 sees the others and the totals.
    for c in &criteria[1..] {
        let (status, _) = score(&app, &c1, id, c, Some(6)).await;
        assert_eq!(status, 200);
    }
    let (status, _) = submit(&app, &c1, id).await;
    assert_eq!(status, 200);
    let (_, sheet) = app.call_fn(&c1, GetSheet { id }).await;
    let others = sheet["others"].as_array().unwrap();
    let mate = others.iter().find(|o| o["submitted"] == true).unwrap();
    assert_eq!(mate["total_milli"], 8000);
    // The mean of 6 and 8 across every criterion: 7.
    assert_eq!(sheet["aggregate"]["total_milli"], 7000);
    assert_eq!(sheet["aggregate"]["scored"], 2);
    // A submitted sheet is final.
    let (status, body) = score(&app, &c1, id, criteria[0], Some(9)).await;
    assert_eq!(status, 400);
    assert!(body.to_string().contains("đã nộp"), "{body}");

    // The office sees everything, and each member's progress.
    let office = app.login("office").await;
    let (status, list) = app.call_fn(&office, GetCouncil {}).await;
    assert_eq!(status, 200, "{list}");
    assert_eq!(list["is_office"], true);
    let row = list["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["id"] == id)
        .unwrap();
    assert_eq!(row["aggregate"]["total_milli"], 7000);
    assert_eq!(row["rank"], 1, "the only scored nomination ranks first");
    assert_eq!(list["members"].as_array().unwrap().len(), 7);

    // Scores go through the event log (the council's pages follow it live) but stay out of
    // the card's history, which the unit's staff read.
    let (_, view) = app.call_fn(&office, GetNomination { id }).await;
    assert!(
        view["record"]["history"]
            .as_array()
            .unwrap()
            .iter()
            .all(|h| h["action"] != "score" && h["action"] != "submit_sheet"),
        "{}",
        view["record"]["history"]
    );
    let pool = app.pool().await;
    let logged: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM events WHERE action = 'save_score' AND nomination_id = $1",
    )
    .bind(id)
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    assert_eq!(logged, (2 * criteria.len()) as i64, "every saved score");

    // Scores are in the audit history.
    let pool = app.pool().await;
    let audited: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action IN ('save_score', 'submit_scoresheet')",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    pool.close().await;
    assert!(audited >= (2 * criteria.len() + 2) as i64, "{audited}");
    app.stop().await;
}

#[tokio::test]
async fn members_of_the_nominees_unit_are_recused_and_a_conflict_stops_scoring() {
    let app = spawn_app_at(NaiveDate::from_ymd_opt(2026, 10, 15).unwrap()).await;
    // council4 belongs to Chi cục Kiểm lâm (CCKL).
    let (own, kind, _) = one(
        &app,
        "SELECT n.id, n.kind, u.code FROM nominations n JOIN units u ON u.id = n.unit_id
         WHERE u.code = 'CCKL' AND n.stage NOT IN ('discovered', 'dropped') ORDER BY n.id LIMIT 1",
    )
    .await;
    let c4 = app.login("council4").await;
    let (status, body) = score(&app, &c4, own, codes(&kind)[0], Some(7)).await;
    assert_eq!(status, 403, "{body}");
    assert_eq!(body, json!({ "Forbidden": "recused" }));
    // Refused inside the write: recorded once, against the nomination, and nothing written.
    let refusals = common::board::scalar(
        &app,
        "SELECT COUNT(*) FROM audit_log WHERE action = 'forbidden' AND object_id = CAST($1 AS TEXT)",
        own,
    )
    .await;
    assert_eq!(refusals, 1);
    let sheets = common::board::scalar(
        &app,
        "SELECT COUNT(*) FROM scoresheets s JOIN users u ON u.id = s.member_id
         WHERE s.nomination_id = $1 AND u.username = 'council4'",
        own,
    )
    .await;
    assert_eq!(sheets, 0);
    let (_, sheet) = app.call_fn(&c4, GetSheet { id: own }).await;
    assert_eq!(sheet["state"], json!({ "state": "recused" }));

    let (id, kind, _) = nominee(&app).await;
    let conflict = |reason: &str| ChangeSheet {
        id,
        change: SheetChange::Conflict {
            reason: reason.into(),
        },
    };
    let (status, body) = app.call_fn(&c4, conflict(" ")).await;
    assert_eq!(status, 400, "a conflict names its reason: {body}");
    let (status, state) = app
        .call_fn(&c4, conflict("Người thân làm việc tại đơn vị"))
        .await;
    assert_eq!(status, 200, "{state}");
    assert_eq!(state["state"], "conflict");
    let (status, body) = score(&app, &c4, id, codes(&kind)[0], Some(7)).await;
    assert_eq!(status, 400);
    assert!(body.to_string().contains("xung đột lợi ích"), "{body}");

    // Nobody outside the council and the office reaches the council.
    for who in ["staff1", "leader", "head1"] {
        let cookie = app.login(who).await;
        let (status, _) = app.call_fn(&cookie, GetCouncil {}).await;
        assert_eq!(status, 403, "{who}");
    }
    let office = app.login("office").await;
    let (status, _) = score(&app, &office, id, codes(&kind)[0], Some(7)).await;
    assert_eq!(status, 403, "the office does not score");
    app.stop().await;
}

#[tokio::test]
async fn s_2_the_office_decides_three_to_five_models_for_the_city_and_scoring_closes() {
    let app = spawn_app_at(NaiveDate::from_ymd_opt(2026, 10, 15).unwrap()).await;
    let office = app.login("office").await;
    let pool = app.pool().await;
    let eligible: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM nominations WHERE stage IN ('evaluating', 'replicated') ORDER BY id LIMIT 6",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    let badged_before: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM nominations WHERE city_registered ORDER BY id")
            .fetch_all(&pool)
            .await
            .unwrap();
    pool.close().await;
    let decide = |ids: &[i64], decided_on: NaiveDate| DecideForCity {
        decided_on,
        ids: ids.to_vec(),
    };

    // Outside the quota, in the future, or by someone else: refused, nothing changed.
    let (status, body) = app
        .call_fn(&office, decide(&eligible[..2], day(2026, 10, 10)))
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(body.to_string().contains("ít nhất 3"), "{body}");
    let (status, body) = app
        .call_fn(&office, decide(&eligible[..6], day(2026, 10, 10)))
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(body.to_string().contains("tối đa 5"), "{body}");
    let (status, _) = app
        .call_fn(&office, decide(&eligible[..5], day(2026, 10, 16)))
        .await;
    assert_eq!(status, 400, "a date in the future");
    let c1 = app.login("council1").await;
    let (status, _) = app
        .call_fn(&c1, decide(&eligible[..5], day(2026, 10, 10)))
        .await;
    assert_eq!(status, 403);

    // A scored nomination: its total stays off the board until the decision, and then
    // counts only submitted sheets, once they make a quorum (5 of the 7 members): five
    // submit 9 on every criterion; a sixth's draft of 1s does not count.
    let (scored_id, kind, unit) = nominee(&app).await;
    let mut members = Vec::new();
    for i in 1..=7 {
        members.push(app.login(&format!("council{i}")).await);
    }
    for (i, member) in members.iter().enumerate().take(6) {
        let value = if i < 5 { 9 } else { 1 };
        for c in codes(&kind) {
            let (status, body) = score(&app, member, scored_id, c, Some(value)).await;
            assert_eq!(status, 200, "{body}");
        }
        if i < 5 {
            let (status, body) = submit(&app, member, scored_id).await;
            assert_eq!(status, 200, "{body}");
        }
    }
    // Another, with four submitted sheets: short of the quorum, it gets no final total.
    let (short_id, short_kind, _) = one(
        &app,
        "SELECT n.id, n.kind, u.code FROM nominations n JOIN units u ON u.id = n.unit_id
         WHERE n.stage = 'evaluating'
           AND u.code NOT IN ('VP', 'TCCB', 'KHTC', 'CCKL', 'CTTL', 'TTKN')
         ORDER BY n.id LIMIT 1 OFFSET 1",
    )
    .await;
    for member in members.iter().take(4) {
        for c in codes(&short_kind) {
            let (status, body) = score(&app, member, short_id, c, Some(8)).await;
            assert_eq!(status, 200, "{body}");
        }
        let (status, body) = submit(&app, member, short_id).await;
        assert_eq!(status, 200, "{body}");
    }
    let (_, card) = app.call_fn(&office, GetCard { id: scored_id }).await;
    assert!(card["council_score_milli"].is_null(), "{card}");

    let chosen = &eligible[..5];
    let (status, body) = app
        .call_fn(&office, decide(chosen, day(2026, 10, 14)))
        .await;
    assert_eq!(status, 200, "{body}");
    // The City badge is on exactly the chosen ones now.
    let pool = app.pool().await;
    let badged: Vec<i64> =
        sqlx::query_scalar("SELECT id FROM nominations WHERE city_registered ORDER BY id")
            .fetch_all(&pool)
            .await
            .unwrap();
    pool.close().await;
    assert_eq!(badged, chosen.to_vec());
    let changed = chosen
        .iter()
        .filter(|id| !badged_before.contains(id))
        .count()
        + badged_before
            .iter()
            .filter(|id| !chosen.contains(id))
            .count();
    assert_eq!(
        body,
        json!(changed),
        "one live card event per changed badge"
    );
    let (_, list) = app.call_fn(&office, GetCouncil {}).await;
    assert_eq!(list["decision"]["decided_on"], "2026-10-14");
    assert_eq!(list["decision"]["nominations"], json!(chosen));

    // Final now: the card carries the council's total for everyone who may see it — the
    // submitted sheets' (9), not the draft's; none without a quorum.
    let (_, card) = app.call_fn(&office, GetCard { id: scored_id }).await;
    assert_eq!(card["council_score_milli"], 9000, "{card}");
    let (_, card) = app.call_fn(&office, GetCard { id: short_id }).await;
    assert!(card["council_score_milli"].is_null(), "{card}");
    let staff_name = if unit == "CCPTNT" {
        "staff1".to_string()
    } else {
        format!("staff.{}", unit.to_lowercase())
    };
    let staff = app.login(&staff_name).await;
    let (status, card) = app.call_fn(&staff, GetCard { id: scored_id }).await;
    assert_eq!(status, 200, "{staff_name}: {card}");
    assert_eq!(card["council_score_milli"], 9000, "{card}");

    // Decided once; scoring is closed.
    let (status, body) = app
        .call_fn(&office, decide(chosen, day(2026, 10, 14)))
        .await;
    assert_eq!(status, 400, "{body}");
    let (id, kind, _) = nominee(&app).await;
    let (status, body) = score(&app, &c1, id, codes(&kind)[0], Some(7)).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.to_string().contains("đã khóa"), "{body}");
    app.stop().await;
}

#[tokio::test]
async fn the_ballot_is_secret_counts_the_whole_council_and_closes_for_good() {
    let app = spawn_app_at(NaiveDate::from_ymd_opt(2026, 10, 15).unwrap()).await;
    let office = app.login("office").await;
    let pool = app.pool().await;
    // Two nominees no council member's unit recuses from.
    let shortlist: Vec<i64> = sqlx::query_scalar(
        "SELECT n.id FROM nominations n JOIN units u ON u.id = n.unit_id
         WHERE n.stage IN ('evaluating', 'replicated')
           AND u.code NOT IN ('VP', 'TCCB', 'KHTC', 'CCKL', 'CTTL', 'TTKN')
         ORDER BY n.id LIMIT 2",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    pool.close().await;
    let (a, b) = (shortlist[0], shortlist[1]);
    let (status, body) = app
        .call_fn(
            &office,
            OpenBallot {
                ids: vec![],
                share_pct: 70,
            },
        )
        .await;
    assert_eq!(status, 400, "an empty ballot: {body}");
    let (status, body) = app
        .call_fn(
            &office,
            OpenBallot {
                ids: shortlist.clone(),
                share_pct: 40,
            },
        )
        .await;

    assert_eq!(status, 400, "a threshold under a majority: {body}");

    assert!(body.to_string().contains("từ 50 đến 100"), "{body}");

    let (status, body) = app
        .call_fn(
            &office,
            OpenBallot {
                ids: shortlist.clone(),
                share_pct: 70,
            },
        )
        .await;
    assert_eq!(status, 200, "{body}");
    // The year has one ballot: opening another names who opened it and when.
    let (status, body) = app
        .call_fn(
            &office,
            OpenBallot {
                ids: shortlist,
                share_pct: 60,
            },
        )
        .await;
    assert_eq!(status, 409, "a second ballot: {body}");
    assert_eq!(body["Conflict"]["by"], "Phạm Hoàng Nam", "{body}");
    assert!(body["Conflict"]["at"].is_string(), "{body}");

    let mut members = Vec::new();
    for i in 1..=7 {
        members.push(app.login(&format!("council{i}")).await);
    }
    let vote = |id: i64, agree: bool| CastVote { id, agree };
    // a: five agree, one disagrees (6 of 7 voted); b: three agree, one disagrees (4 of 7).
    for (i, cookie) in members.iter().enumerate().take(6) {
        let (status, body) = app.call_fn(cookie, vote(a, i < 5)).await;
        assert_eq!(status, 200, "{body}");
    }
    for (i, cookie) in members.iter().enumerate().take(4) {
        let (status, _) = app.call_fn(cookie, vote(b, i < 3)).await;
        assert_eq!(status, 200);
    }
    // A second vote is refused.
    let (status, body) = app.call_fn(&members[0], vote(a, false)).await;
    assert_eq!(status, 400);
    assert!(body.to_string().contains("đã biểu quyết"), "{body}");
    // Secret while open: no tally for anyone; the office sees how many voted.
    let (_, list) = app.call_fn(&members[0], GetCouncil {}).await;
    let item = |list: &Value, id: i64| {
        list["ballot"]["items"]
            .as_array()
            .unwrap()
            .iter()
            .find(|i| i["id"] == id)
            .unwrap()
            .clone()
    };
    assert_eq!(item(&list, a)["voted"], true);
    assert!(item(&list, a)["result"].is_null());
    let (_, list) = app.call_fn(&office, GetCouncil {}).await;
    assert_eq!(item(&list, a)["cast"], 6);
    assert!(item(&list, a)["result"].is_null());

    // Only the office closes; then the results are final and votes are refused.
    let (status, _) = app.call_fn(&members[0], CloseBallot {}).await;
    assert_eq!(status, 403);
    let (status, body) = app.call_fn(&office, CloseBallot {}).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = app.call_fn(&members[6], vote(a, true)).await;
    assert_eq!(status, 400);
    assert!(body.to_string().contains("đã đóng"), "{body}");
    let (_, list) = app.call_fn(&members[6], GetCouncil {}).await;
    // 5 of the whole council of 7 is 71 % ≥ 70 %, with quorum: passed.
    assert_eq!(
        item(&list, a)["result"],
        json!({ "agree": 5, "disagree": 1, "quorum": true, "passed": true })
    );
    // 4 voters of 7 is under two thirds: no quorum, not passed.
    assert_eq!(
        item(&list, b)["result"],
        json!({ "agree": 3, "disagree": 1, "quorum": false, "passed": false })
    );
    // How anyone voted is in no audit entry.
    let pool = app.pool().await;
    let leaked: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action = 'cast_vote' AND after LIKE '%agree%'",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    let recorded: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'cast_vote'")
            .fetch_one(&pool)
            .await
            .unwrap();
    pool.close().await;
    assert_eq!(leaked, 0);
    assert_eq!(recorded, 10);
    app.stop().await;
}

/// D-3: after the decision, the office records that the list went to the City — the
/// dispatch's number and the day it was sent — once; the calendar counts D-3 met on that
/// day, and a list sent after the deadline shows as late.
#[tokio::test]
async fn the_office_records_the_list_s_dispatch_to_the_city_and_a_late_one_shows() {
    // After the year's D-3 deadline (29/11/2026).
    let app = spawn_app_at(day(2026, 12, 2)).await;
    let office = app.login("office").await;
    let dispatch = |number: &str, sent_on: NaiveDate| RecordDispatch {
        number: number.into(),
        sent_on,
    };
    let (status, body) = app
        .call_fn(&office, dispatch("125/SNN-VP", day(2026, 12, 2)))
        .await;
    assert_eq!(status, 400, "nothing decided to send yet: {body}");
    let pool = app.pool().await;
    let eligible: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM nominations WHERE stage IN ('evaluating', 'replicated') ORDER BY id LIMIT 3",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    pool.close().await;
    let (status, body) = app
        .call_fn(
            &office,
            DecideForCity {
                decided_on: day(2026, 12, 1),
                ids: eligible,
            },
        )
        .await;
    assert_eq!(status, 200, "{body}");

    // Bad input: no number, a day before the decision or in the future; someone else.
    let (status, body) = app.call_fn(&office, dispatch("  ", day(2026, 12, 2))).await;
    assert_eq!(status, 400, "{body}");
    assert!(
        body.to_string().contains("Vui lòng nhập số văn bản"),
        "{body}"
    );
    for sent_on in [day(2026, 11, 30), day(2026, 12, 3)] {
        let (status, body) = app.call_fn(&office, dispatch("125/SNN-VP", sent_on)).await;
        assert_eq!(status, 400, "{sent_on}: {body}");
        assert!(body.to_string().contains("01/12/2026"), "{body}");
    }
    let c1 = app.login("council1").await;
    let (status, _) = app
        .call_fn(&c1, dispatch("125/SNN-VP", day(2026, 12, 2)))
        .await;
    assert_eq!(status, 403);
    let (_, calendar) = app.call_fn(&office, GetCalendar { year: None }).await;
    let d3 = |calendar: &Value| {
        calendar["rows"]
            .as_array()
            .unwrap()
            .iter()
            .find(|r| r["deadline"]["kind"]["kind"] == "city_submission")
            .unwrap()["owners"][0]["status"]
            .clone()
    };
    assert_eq!(
        d3(&calendar),
        json!({ "status": "overdue", "days_late": 3 }),
        "decided, but not sent"
    );

    let (status, body) = app
        .call_fn(&office, dispatch(" 125/SNN-VP ", day(2026, 12, 2)))
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = app
        .call_fn(&office, dispatch("126/SNN-VP", day(2026, 12, 2)))
        .await;
    assert_eq!(status, 409, "once: {body}");
    assert!(
        body.to_string().contains("Phạm Hoàng Nam"),
        "names who: {body}"
    );

    let (_, list) = app.call_fn(&office, GetCouncil {}).await;
    let sent = &list["decision"]["dispatch"];
    assert_eq!(sent["number"], "125/SNN-VP");
    assert_eq!(sent["sent_on"], "2026-12-02");
    assert_eq!(list["city_deadline"], "2026-11-29");
    let (_, calendar) = app.call_fn(&office, GetCalendar { year: None }).await;
    assert_eq!(
        d3(&calendar),
        json!({ "status": "late", "days_late": 3 }),
        "met, three days after the deadline"
    );
    let pool = app.pool().await;
    let audited: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'city_dispatched'")
            .fetch_one(&pool)
            .await
            .unwrap();
    pool.close().await;
    assert_eq!(audited, 1);
    app.stop().await;
}
