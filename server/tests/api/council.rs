//! The council's scoring over HTTP (issue 7, first slice): scores saved per criterion and
//! checked on the server (range, criterion, recusal, conflict, submitted sheet), blind
//! until one's own sheet is submitted, totals by the shared aggregation.

use crate::common;

use app::api::admin::SetCouncilSeat;
use app::api::board::GetCard;
use app::api::council::{
    CastBallot, ChangeSheet, CloseBallot, DecideForCity, GetCouncil, GetSheet, OpenBallot,
    RecordDispatch,
};
use app::api::nominations::GetNomination;
use app::api::year::GetCalendar;
use app::types::council::{BallotChoice, SheetChange};
use chrono::NaiveDate;
use common::{spawn_app_at, TestApp};
use serde_json::{json, Value};
use shared::domain::Stage;

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

    // Final totals are kept at the decision: unseating two of the five who submitted
    // would leave three of five (no quorum) if counted again; the total stays.
    let admin = app.login("admin").await;
    for who in ["council1", "council2"] {
        let pool = app.pool().await;
        let user_id: i64 = sqlx::query_scalar("SELECT id FROM users WHERE username = $1")
            .bind(who)
            .fetch_one(&pool)
            .await
            .unwrap();
        pool.close().await;
        let (status, body) = app
            .call_fn(
                &admin,
                SetCouncilSeat {
                    user_id,
                    member: false,
                },
            )
            .await;
        assert_eq!(status, 200, "{body}");
    }
    let (_, card) = app.call_fn(&office, GetCard { id: scored_id }).await;
    assert_eq!(card["council_score_milli"], 9000, "{card}");
    app.stop().await;
}

/// Two nominees no council member's unit recuses from.
async fn shortlist(app: &TestApp) -> Vec<i64> {
    let pool = app.pool().await;
    let ids = sqlx::query_scalar(
        "SELECT n.id FROM nominations n JOIN units u ON u.id = n.unit_id
         WHERE n.stage IN ('evaluating', 'replicated')
           AND u.code NOT IN ('VP', 'TCCB', 'KHTC', 'CCKL', 'CTTL', 'TTKN')
         ORDER BY n.id LIMIT 2",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    pool.close().await;
    ids
}

#[tokio::test]
async fn the_ballot_is_secret_counts_the_whole_council_and_closes_for_good() {
    let app = spawn_app_at(NaiveDate::from_ymd_opt(2026, 10, 15).unwrap()).await;
    let office = app.login("office").await;
    let shortlist = shortlist(&app).await;
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
    let paper = |choices: &[(i64, bool)]| CastBallot {
        choices: choices
            .iter()
            .map(|&(id, agree)| BallotChoice { id, agree })
            .collect(),
    };
    let pool = app.pool().await;
    let events_before: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM events")
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    // A paper answers every nomination of the ballot, once: half a paper is refused.
    let (status, body) = app.call_fn(&members[0], paper(&[(a, true)])).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.to_string().contains("chưa chọn"), "{body}");
    let (status, body) = app
        .call_fn(&members[0], paper(&[(a, true), (a, false), (b, true)]))
        .await;
    assert_eq!(status, 400, "{body}");
    // The first paper: the office may not close on it and read how it voted.
    let (status, body) = app
        .call_fn(&members[0], paper(&[(a, true), (b, true)]))
        .await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = app.call_fn(&office, CloseBallot {}).await;
    assert_eq!(status, 400, "closing on one paper: {body}");
    assert!(
        body.to_string()
            .contains("mới có 1 thành viên tham gia, cần ít nhất 5"),
        "{body}"
    );
    let (_, list) = app.call_fn(&office, GetCouncil {}).await;
    assert!(list["ballot"]["open"].as_bool().unwrap(), "{list}");
    assert_eq!(list["ballot"]["took_part"], 1);
    // a: five agree, one disagrees; b: three agree, three disagree (6 of 7 took part).
    for (i, cookie) in members.iter().enumerate().take(6).skip(1) {
        let (status, body) = app.call_fn(cookie, paper(&[(b, i < 3), (a, i < 5)])).await;
        assert_eq!(status, 200, "{body}");
    }
    // A second paper is refused.
    let (status, body) = app
        .call_fn(&members[0], paper(&[(a, false), (b, false)]))
        .await;
    assert_eq!(status, 400);
    assert!(body.to_string().contains("đã gửi phiếu"), "{body}");
    // Secret while open: no tally for anyone; the office sees how many took part.
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
    assert_eq!(list["ballot"]["voted"], true);
    assert_eq!(item(&list, a)["can_vote"], false);
    assert!(item(&list, a)["result"].is_null());
    let (_, list) = app.call_fn(&office, GetCouncil {}).await;
    assert_eq!(list["ballot"]["took_part"], 6);
    assert!(item(&list, a)["result"].is_null());

    // Only the office closes; then the results are final and papers are refused.
    let (status, _) = app.call_fn(&members[0], CloseBallot {}).await;
    assert_eq!(status, 403);
    let (status, body) = app.call_fn(&office, CloseBallot {}).await;
    assert_eq!(status, 200, "{body}");
    let (status, body) = app
        .call_fn(&members[6], paper(&[(a, true), (b, true)]))
        .await;
    assert_eq!(status, 400);
    assert!(body.to_string().contains("đã đóng"), "{body}");
    let (_, list) = app.call_fn(&members[6], GetCouncil {}).await;
    // 5 of the whole council of 7 is 71 % ≥ 70 %, with quorum: passed.
    let passed = json!({ "agree": 5, "disagree": 1, "quorum": true, "passed": true });
    assert_eq!(item(&list, a)["result"], passed);
    let failed = json!({ "agree": 3, "disagree": 3, "quorum": true, "passed": false });
    assert_eq!(item(&list, b)["result"], failed);

    // Who took part is kept apart from the counts: no stored row links a member to a
    // choice, and no choice carries a time.
    let pool = app.pool().await;
    let participants: Vec<i64> =
        sqlx::query_scalar("SELECT member_id FROM ballot_participants ORDER BY member_id")
            .fetch_all(&pool)
            .await
            .unwrap();
    assert_eq!(participants.len(), 6);
    let columns = |table: &'static str| {
        let pool = pool.clone();
        async move {
            let sql = if common::Backend::under_test() == common::Backend::Postgres {
                format!(
                    "SELECT CAST(column_name AS TEXT) FROM information_schema.columns
                     WHERE table_name = '{table}' ORDER BY column_name"
                )
            } else {
                format!("SELECT name FROM pragma_table_info('{table}') ORDER BY name")
            };
            sqlx::query_scalar::<_, String>(sqlx::AssertSqlSafe(sql))
                .fetch_all(&pool)
                .await
                .unwrap()
        }
    };
    assert_eq!(
        columns("ballot_participants").await,
        ["campaign_id", "member_id", "year"]
    );
    assert_eq!(
        columns("ballot_items").await,
        ["agree", "campaign_id", "disagree", "nomination_id", "year"]
    );
    assert!(
        columns("votes").await.is_empty(),
        "the per-member votes are gone"
    );
    // The audit history says who took part in which year's ballot, nothing more; the event
    // log (the live channel's) got nothing of it.
    let took_part: Vec<(String, Option<String>, Option<String>)> = sqlx::query_as(
        "SELECT object_type, object_id, after FROM audit_log
         WHERE action = 'took_part_in_ballot'",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    assert_eq!(took_part.len(), 6);
    for (object, id, after) in &took_part {
        assert_eq!(object, "ballot");
        assert_eq!(id.as_deref(), Some("2026"));
        assert_eq!(after.as_deref(), Some(r#"{"year":2026}"#));
    }
    let votes_audited: i64 =
        sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = 'cast_vote'")
            .fetch_one(&pool)
            .await
            .unwrap();
    assert_eq!(votes_audited, 0);
    let events_after: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM events")
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    assert_eq!(events_after, events_before);

    // The results stay as closed when the council changes.
    let admin = app.login("admin").await;
    let (status, body) = app
        .call_fn(
            &admin,
            SetCouncilSeat {
                user_id: participants[0],
                member: false,
            },
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (_, list) = app.call_fn(&office, GetCouncil {}).await;
    assert_eq!(list["ballot"]["council"], 7);
    assert_eq!(item(&list, a)["result"], passed);
    app.stop().await;
}

/// A member who declared a conflict of interest on a nomination does not vote on it: the
/// paper leaves it out, and a paper that names it is refused.
#[tokio::test]
async fn a_member_who_declared_a_conflict_does_not_vote_on_that_nomination() {
    let app = spawn_app_at(NaiveDate::from_ymd_opt(2026, 10, 15).unwrap()).await;
    let office = app.login("office").await;
    let shortlist = shortlist(&app).await;
    let (a, b) = (shortlist[0], shortlist[1]);
    let c1 = app.login("council1").await;
    let (status, body) = app
        .call_fn(
            &c1,
            ChangeSheet {
                id: a,
                change: SheetChange::Conflict {
                    reason: "Người thân làm việc tại đơn vị".into(),
                },
            },
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let open = OpenBallot {
        ids: shortlist.clone(),
        share_pct: 70,
    };
    let (status, body) = app.call_fn(&office, open).await;
    assert_eq!(status, 200, "{body}");
    let (_, list) = app.call_fn(&c1, GetCouncil {}).await;
    let can_vote: Vec<(i64, bool)> = list["ballot"]["items"]
        .as_array()
        .unwrap()
        .iter()
        .map(|i| (i["id"].as_i64().unwrap(), i["can_vote"].as_bool().unwrap()))
        .collect();
    assert!(can_vote.contains(&(a, false)), "{list}");
    assert!(can_vote.contains(&(b, true)), "{list}");
    let paper = |choices: Vec<(i64, bool)>| CastBallot {
        choices: choices
            .into_iter()
            .map(|(id, agree)| BallotChoice { id, agree })
            .collect(),
    };
    let (status, body) = app.call_fn(&c1, paper(vec![(a, true), (b, true)])).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.to_string().contains("xung đột lợi ích"), "{body}");
    let (status, body) = app.call_fn(&c1, paper(vec![(b, true)])).await;
    assert_eq!(status, 200, "{body}");
    // Someone not seated on the council casts nothing.
    let head = app.login("head1").await;
    let (status, _) = app.call_fn(&head, paper(vec![(b, true)])).await;
    assert_eq!(status, 403);
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
    let eligible: Vec<(i64, String, String)> = sqlx::query_as(
        "SELECT n.id, n.nominee_name, u.name FROM nominations n JOIN units u ON u.id = n.unit_id
         WHERE n.stage IN ('evaluating', 'replicated') ORDER BY n.id LIMIT 3",
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
                ids: eligible.iter().map(|e| e.0).collect(),
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
    // What it carried: the decided models, named as they were on the day.
    let carried: Vec<(i64, String, String)> = sent["sent"]
        .as_array()
        .unwrap()
        .iter()
        .map(|m| {
            let text = |k: &str| m[k].as_str().unwrap().to_string();
            (m["id"].as_i64().unwrap(), text("name"), text("unit"))
        })
        .collect();
    assert_eq!(carried, eligible);
    assert_eq!(list["city_deadline"], "2026-11-29");
    let (_, calendar) = app.call_fn(&office, GetCalendar { year: None }).await;
    assert_eq!(
        d3(&calendar),
        json!({ "status": "late", "days_late": 3 }),
        "met, three days after the deadline"
    );
    let pool = app.pool().await;
    let audited: Vec<String> =
        sqlx::query_scalar("SELECT after FROM audit_log WHERE action = 'city_dispatched'")
            .fetch_all(&pool)
            .await
            .unwrap();
    pool.close().await;
    assert_eq!(audited.len(), 1);
    let after: Value = serde_json::from_str(&audited[0]).unwrap();
    let names: Vec<&str> = eligible.iter().map(|e| e.1.as_str()).collect();
    assert_eq!(after["sent"], json!(names), "{after}");
    app.stop().await;
}

/// The next event of a live stream, of any kind (`card`, `calendar`, `ballot`…) with its
/// data, or None when none comes within `wait`.
async fn next_of_any(
    resp: &mut reqwest::Response,
    buf: &mut String,
    wait: std::time::Duration,
) -> Option<(String, Value)> {
    let until = tokio::time::Instant::now() + wait;
    loop {
        if let Some(end) = buf.find("\n\n") {
            let block: String = buf.drain(..end + 2).collect();
            let mut kind = String::new();
            let mut data = String::new();
            for line in block.lines() {
                if let Some(v) = line.strip_prefix("event:") {
                    kind = v.trim().to_string();
                } else if let Some(v) = line.strip_prefix("data:") {
                    data.push_str(v.trim());
                }
            }
            if kind.is_empty() {
                continue; // a keep-alive comment
            }
            return Some((kind, serde_json::from_str(&data).unwrap_or(Value::Null)));
        }
        match tokio::time::timeout_at(until, resp.chunk()).await {
            Ok(Ok(Some(chunk))) => buf.push_str(std::str::from_utf8(&chunk).unwrap()),
            Ok(_) => panic!("the live stream ended"),
            Err(_) => return None,
        }
    }
}

/// Blind scoring over the live channel: the office is told who scored; the council's
/// other members only that a sheet changed; the nominee's unit nothing. A ballot's changes
/// reach the office and the council as a bare `ballot` event, and no one else.
#[tokio::test]
async fn council_activity_reaches_the_office_whole_the_council_without_names_and_no_one_else() {
    use crate::common::board::{cards, move_card, subscribe};
    let app = spawn_app_at(NaiveDate::from_ymd_opt(2026, 10, 15).unwrap()).await;
    let office = app.login("office").await;
    let c1 = app.login("council1").await;
    let c2 = app.login("council2").await;
    let unit_staff = app.login("staff1").await;
    // A nominee of staff1's unit (CCPTNT, where no council member works).
    let (id, kind, _) = one(
        &app,
        "SELECT n.id, n.kind, u.code FROM nominations n JOIN units u ON u.id = n.unit_id
         WHERE n.stage = 'evaluating' AND u.code = 'CCPTNT' ORDER BY n.id LIMIT 1",
    )
    .await;
    let mut to_office = subscribe(&app, &office, None).await;
    let mut to_member = subscribe(&app, &c2, None).await;
    let mut to_unit = subscribe(&app, &unit_staff, None).await;
    let (mut ob, mut mb, mut ub) = (String::new(), String::new(), String::new());
    let wait = std::time::Duration::from_secs(5);
    // The streams replay the log from the start: the office's and the unit's read up to
    // now through a first move (the council does not see discovered cards).
    let (marker, version) = cards(&app, "CCPTNT", "discovered").await[0];
    let (status, _) = move_card(&app, &office, marker, version, Stage::Dropped, Some("Một")).await;
    assert_eq!(status, 200);
    for (live, buf) in [(&mut to_office, &mut ob), (&mut to_unit, &mut ub)] {
        loop {
            let (kind, data) = next_of_any(live, buf, wait).await.expect("the marker");
            if kind == "card" && data["card"]["id"] == marker && data["card"]["stage"] == "dropped"
            {
                break;
            }
        }
    }

    let (status, body) = score(&app, &c1, id, codes(&kind)[0], Some(8)).await;
    assert_eq!(status, 200, "{body}");
    let (status, _) = move_card(&app, &office, marker, version + 1, Stage::Discovered, None).await;
    assert_eq!(status, 200);
    let (kind_o, office_saw) = next_of_any(&mut to_office, &mut ob, wait).await.unwrap();
    assert_eq!(kind_o, "card");
    assert_eq!(office_saw["action"], "score", "{office_saw}");
    assert_eq!(office_saw["by"], "Hoàng Thanh Nam", "{office_saw}");
    let (_, member_saw) = next_of_any(&mut to_member, &mut mb, wait).await.unwrap();
    assert_eq!(member_saw["action"], "score", "{member_saw}");
    assert_eq!(member_saw["card"]["id"], id);
    assert_eq!(
        member_saw["by"], "",
        "the council is not told who: {member_saw}"
    );
    // The unit's next event is the marker's move: nothing of the scoring.
    let (_, unit_saw) = next_of_any(&mut to_unit, &mut ub, wait).await.unwrap();
    assert_eq!(unit_saw["card"]["id"], marker, "{unit_saw}");
    assert_eq!(unit_saw["action"], "move", "{unit_saw}");

    // A ballot opened: the office and the council are told, bare; the unit is not.
    let (status, body) = app
        .call_fn(
            &office,
            OpenBallot {
                ids: vec![id],
                share_pct: 70,
            },
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let poll = server::live::calendar::POLL * 4;
    // The office first gets the move's event, then the ballot's.
    for (live, buf) in [(&mut to_office, &mut ob), (&mut to_member, &mut mb)] {
        let mut kinds = Vec::new();
        while let Some((kind, data)) = next_of_any(live, buf, poll).await {
            if kind == "ballot" {
                assert_eq!(data, json!({}));
                kinds.push(kind);
                break;
            }
            kinds.push(kind);
        }
        assert_eq!(
            kinds.last().map(String::as_str),
            Some("ballot"),
            "{kinds:?}"
        );
    }
    let unit_next = next_of_any(&mut to_unit, &mut ub, poll).await;
    assert!(unit_next.is_none(), "{unit_next:?}");
    drop((to_office, to_member, to_unit));
    app.stop().await;
}
