//! E-1's periodic reports over HTTP: a unit's report is drafted from its records, saved as
//! a draft, refused when incomplete, stale, outside the unit or sent twice, then sent once;
//! the calendar and the summary flag it (late here); the office sees who has reported,
//! compiles the Department's report from the units' reports and downloads it as DOCX. Every
//! refusal leaves nothing stored. Run on SQLite and PostgreSQL.

use crate::common;
use crate::docx::{rendered_text, squeezed};

use app::api::reports::{GetReports, SaveDepartmentReport, SaveUnitReport};
use app::api::summary::GetSummary;
use app::api::year::GetCalendar;
use chrono::NaiveDate;
use common::{count, spawn_app_at, unit_of, TestApp};
use serde_json::Value;
use shared::domain::EvaluationPeriod;
use shared::rules::periodic_report::{ReportEntry, UnitReportDraft};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn get(unit: Option<i64>, period: EvaluationPeriod) -> GetReports {
    GetReports {
        unit,
        year: None,
        period: Some(period),
    }
}

fn save(unit_id: i64, version: i64, draft: UnitReportDraft, send: bool) -> SaveUnitReport {
    SaveUnitReport {
        unit_id,
        year: 2026,
        period: EvaluationPeriod::SixMonth,
        version,
        draft,
        send,
    }
}

/// The report as the page received it (`{"Unit": …}`).
fn unit_view(body: &Value) -> &Value {
    body.get("Unit")
        .unwrap_or_else(|| panic!("a unit's report: {body}"))
}

fn draft_of(view: &Value) -> UnitReportDraft {
    serde_json::from_value(view["report"].clone()).unwrap()
}

async fn stored_reports(app: &TestApp) -> i64 {
    count(app, "SELECT COUNT(*) FROM unit_reports").await
}

/// The units that sent their 6-month report, and when (the demo's, and the tests').
async fn sent_on_six_month(app: &TestApp) -> Vec<(i64, NaiveDate)> {
    let pool = app.pool().await;
    let rows: Vec<(i64, String)> = sqlx::query_as(
        "SELECT unit_id, CAST(sent_on AS TEXT) FROM unit_reports
         WHERE period = 'six_month' AND sent_on IS NOT NULL",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    pool.close().await;
    rows.into_iter()
        .map(|(unit, on)| (unit, on.parse().unwrap()))
        .collect()
}

async fn audited(app: &TestApp, action: &str) -> i64 {
    let pool = app.pool().await;
    let n: i64 = sqlx::query_scalar("SELECT COUNT(*) FROM audit_log WHERE action = $1")
        .bind(action)
        .fetch_one(&pool)
        .await
        .unwrap();
    pool.close().await;
    n
}

#[tokio::test]
async fn a_unit_s_report_is_drafted_from_its_records_and_sent_once() {
    let app = spawn_app_at(day(10, 15)).await;
    let staff = app.login("staff1").await;
    let unit = unit_of(&app, "staff1").await;

    // The unit's own people open their unit's report: drafted from the records.
    let (status, body) = app
        .call_fn(&staff, get(None, EvaluationPeriod::SixMonth))
        .await;
    assert_eq!(status, 200, "{body}");
    let view = unit_view(&body).clone();
    assert_eq!(view["unit_id"], unit);
    assert_eq!(view["can_write"], true);
    assert_eq!(view["version"], 0);
    assert_eq!(view["deadline"], "2026-06-30");
    let exemplars: Vec<(i64, String)> = view["exemplars"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| {
            (
                e["id"].as_i64().unwrap(),
                e["name"].as_str().unwrap().into(),
            )
        })
        .collect();
    let expected = count(
        &app,
        &format!(
            "SELECT COUNT(*) FROM nominations WHERE unit_id = {unit} AND year = 2026
             AND stage IN ('registered', 'fostering', 'evaluating', 'replicated')"
        ),
    )
    .await;
    assert_eq!(exemplars.len() as i64, expected, "{view}");
    assert!(exemplars.len() >= 2, "the demo unit has exemplars: {view}");
    let drafted = draft_of(&view);
    assert_eq!(drafted.entries.len(), exemplars.len());
    // An exemplar evaluated at six months reads its evaluation's evaluator and achievements.
    let pool = app.pool().await;
    let evaluated: Option<(i64, String, String)> = sqlx::query_as(
        "SELECT e.nomination_id, e.evaluator, e.achievements FROM evaluations e
         JOIN nominations n ON n.id = e.nomination_id
         WHERE n.unit_id = $1 AND n.year = 2026 AND e.period = 'six_month'
           AND n.stage IN ('registered', 'fostering', 'evaluating', 'replicated')
         ORDER BY e.nomination_id LIMIT 1",
    )
    .bind(unit)
    .fetch_optional(&pool)
    .await
    .unwrap();
    pool.close().await;
    let (id, evaluator, achievements) = evaluated.expect("a 6-month evaluation in the demo");
    let entry = &drafted.entries[&id];
    assert!(entry.evaluation.contains(&evaluator), "{entry:?}");
    assert_eq!(entry.achievements, achievements.trim());
    assert!(!drafted.assessment.is_empty());

    // A draft may be incomplete; the unit had stored nothing before.
    let demo_reports = stored_reports(&app).await;
    assert_eq!(
        count(
            &app,
            &format!("SELECT COUNT(*) FROM unit_reports WHERE unit_id = {unit}")
        )
        .await,
        0
    );
    let partial = UnitReportDraft {
        assessment: String::new(),
        entries: drafted
            .entries
            .iter()
            .take(1)
            .map(|(k, v)| (*k, v.clone()))
            .collect(),
    };
    let (status, v1) = app
        .call_fn(&staff, save(unit, 0, partial.clone(), false))
        .await;
    assert_eq!(status, 200, "{v1}");
    assert_eq!(v1, 1);
    // A stale version is a conflict naming who saved.
    let (status, body) = app
        .call_fn(&staff, save(unit, 0, partial.clone(), false))
        .await;
    assert_eq!(status, 409, "{body}");
    assert!(body.to_string().contains("Trịnh Thị Hoa"), "{body}");
    // Sending needs the unit's assessment and each exemplar's evaluation and achievements.
    let (status, body) = app.call_fn(&staff, save(unit, 1, partial, true)).await;
    assert_eq!(status, 400, "{body}");
    let text = body.to_string();
    assert!(
        text.contains("Chưa có kết quả đánh giá hoặc tóm tắt thành tích cho"),
        "{text}"
    );
    assert!(text.contains(&exemplars[1].1), "{text}");
    // An entry on another unit's nomination.
    let other: i64 = count(
        &app,
        &format!("SELECT MIN(id) FROM nominations WHERE unit_id <> {unit}"),
    )
    .await;
    let mut stray = drafted.clone();
    stray.entries.insert(other, ReportEntry::default());
    stray.entries.get_mut(&other).unwrap().evaluation = "Tốt".into();
    let (status, body) = app.call_fn(&staff, save(unit, 1, stray, false)).await;
    assert_eq!(status, 400, "{body}");
    assert!(
        body.to_string()
            .contains("chỉ gồm các điển hình của đơn vị"),
        "{body}"
    );
    // Only the unit's own people write it: another unit, the office, leadership refused.
    for who in ["staff.bqlrph", "office", "leader", "bloc1"] {
        let cookie = app.login(who).await;
        let (status, body) = app
            .call_fn(&cookie, save(unit, 1, drafted.clone(), false))
            .await;
        assert_eq!(status, 403, "{who}: {body}");
    }
    // Another unit's staff may not read it either; the refusal is in the audit history.
    let refusals = audited(&app, "forbidden").await;
    let outsider = app.login("staff.bqlrph").await;
    let (status, _) = app
        .call_fn(&outsider, get(Some(unit), EvaluationPeriod::SixMonth))
        .await;
    assert_eq!(status, 403);
    assert_eq!(audited(&app, "forbidden").await, refusals + 1);
    // Its bloc's head, the office and leadership read it.
    for who in ["bloc1", "office", "leader"] {
        let cookie = app.login(who).await;
        let (status, body) = app
            .call_fn(&cookie, get(Some(unit), EvaluationPeriod::SixMonth))
            .await;
        assert_eq!(status, 200, "{who}: {body}");
        assert_eq!(unit_view(&body)["can_write"], false, "{who}");
    }
    // Nothing of the refusals was stored.
    let (_, body) = app
        .call_fn(&staff, get(None, EvaluationPeriod::SixMonth))
        .await;
    assert_eq!(unit_view(&body)["version"], 1);
    assert_eq!(draft_of(unit_view(&body)).entries.len(), 1);

    // Edited and sent.
    let mut full = drafted.clone();
    full.assessment =
        "Đơn vị đã chủ động phát hiện, bồi dưỡng các điển hình; cần đẩy mạnh nhân rộng.".into();
    let (status, v2) = app.call_fn(&staff, save(unit, 1, full.clone(), true)).await;
    assert_eq!(status, 200, "{v2}");
    assert_eq!(v2, 2);
    // Sent twice, or changed after: refused, nothing written.
    let (status, body) = app.call_fn(&staff, save(unit, 2, full.clone(), true)).await;
    assert_eq!(status, 400, "{body}");
    assert!(body.to_string().contains("đã gửi Sở"), "{body}");
    let (status, _) = app
        .call_fn(&staff, save(unit, 2, full.clone(), false))
        .await;
    assert_eq!(status, 400);
    assert_eq!(stored_reports(&app).await, demo_reports + 1);
    assert_eq!(audited(&app, "save_unit_report").await, 1);
    assert_eq!(audited(&app, "send_unit_report").await, 1);
    let (_, body) = app
        .call_fn(&staff, get(None, EvaluationPeriod::SixMonth))
        .await;
    let view = unit_view(&body);
    assert_eq!(view["can_write"], false);
    assert_eq!(view["sent_on"], "2026-10-15");
    assert_eq!(view["sent_by"], "Trịnh Thị Hoa");
    // Sent after the checkpoint (30/06): late, by the days in between.
    assert_eq!(view["status"]["status"], "late", "{view}");
    assert_eq!(view["status"]["days_late"], 107);
    assert_eq!(draft_of(view), full.normalised());

    // The calendar: met late by this unit, overdue for the others.
    let leader = app.login("leader").await;
    let (_, calendar) = app.call_fn(&leader, GetCalendar { year: None }).await;
    let row = calendar["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| {
            r["deadline"]["kind"]["kind"] == "unit_report"
                && r["deadline"]["kind"]["period"] == "six_month"
        })
        .unwrap_or_else(|| panic!("the 6-month report's deadline: {calendar}"))
        .clone();
    let owners = row["owners"].as_array().unwrap();
    let units = count(&app, "SELECT COUNT(*) FROM units").await;
    assert_eq!(owners.len() as i64, units);
    // The demo's other units: those that sent on time, late, or not at all.
    let sent = sent_on_six_month(&app).await;
    for o in owners {
        let id = o["unit_id"].as_i64().unwrap();
        let want = match sent.iter().find(|(u, _)| *u == id) {
            _ if id == unit => "late",
            Some((_, on)) if *on <= day(6, 30) => "done",
            Some(_) => "late",
            None => "overdue",
        };
        assert_eq!(o["status"]["status"], want, "{o}");
    }
    assert!(sent.len() >= 3, "the demo's units sent reports: {sent:?}");
    // The summary: the unit's row flags it.
    let (_, summary) = app.call_fn(&leader, GetSummary { year: None }).await;
    let row = summary["blocs"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|b| b["units"].as_array().unwrap().clone())
        .find(|u| u["id"] == unit)
        .unwrap();
    let reports = row["reports"].as_array().unwrap();
    assert_eq!(reports[0][0], "six_month");
    assert_eq!(reports[0][1]["status"], "late", "{row}");
    assert_eq!(reports[1][1]["status"], "overdue", "{row}");
    app.stop().await;
}

#[tokio::test]
async fn the_office_sees_who_has_reported_and_compiles_the_department_s_report() {
    let app = spawn_app_at(day(10, 15)).await;
    let staff = app.login("staff1").await;
    let unit = unit_of(&app, "staff1").await;
    let office = app.login("office").await;

    // Before the unit's report: every unit listed, the demo's sent reports compiled.
    let (status, body) = app
        .call_fn(&office, get(None, EvaluationPeriod::SixMonth))
        .await;
    assert_eq!(status, 200, "{body}");
    let overview = &body["Overview"];
    let units = count(&app, "SELECT COUNT(*) FROM units").await;
    assert_eq!(overview["rows"].as_array().unwrap().len() as i64, units);
    let before = sent_on_six_month(&app).await.len();
    assert_eq!(overview["compiled"].as_array().unwrap().len(), before);
    let not_started = overview["rows"]
        .as_array()
        .unwrap()
        .iter()
        .filter(|r| r["started"] == false)
        .count() as i64;
    assert_eq!(
        not_started,
        units
            - count(
                &app,
                "SELECT COUNT(*) FROM unit_reports WHERE period = 'six_month'"
            )
            .await
    );
    assert_eq!(overview["can_compile"], true);
    assert_eq!(overview["department"], true);

    // The unit sends its report.
    let (_, body) = app
        .call_fn(&staff, get(None, EvaluationPeriod::SixMonth))
        .await;
    let mut draft = draft_of(unit_view(&body));
    draft.assessment = "Đơn vị Chi cục tự đánh giá hoàn thành tốt".into();
    let names: Vec<String> = unit_view(&body)["exemplars"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e["name"].as_str().unwrap().to_string())
        .collect();
    let (status, body) = app.call_fn(&staff, save(unit, 0, draft, true)).await;
    assert_eq!(status, 200, "{body}");

    // The office sees it sent (late) and compiled with the exemplars' names.
    let (_, body) = app
        .call_fn(&office, get(None, EvaluationPeriod::SixMonth))
        .await;
    let overview = &body["Overview"];
    let row = overview["rows"]
        .as_array()
        .unwrap()
        .iter()
        .find(|r| r["unit_id"] == unit)
        .unwrap();
    assert_eq!(row["sent_on"], "2026-10-15");
    assert_eq!(row["status"]["status"], "late");
    let compiled = overview["compiled"].as_array().unwrap();
    assert_eq!(compiled.len(), before + 1);
    let mine = compiled
        .iter()
        .find(|c| c["assessment"] == "Đơn vị Chi cục tự đánh giá hoàn thành tốt")
        .unwrap_or_else(|| panic!("the unit's report compiled: {compiled:?}"));
    assert_eq!(mine["unit_name"], "Chi cục Phát triển nông thôn");
    let compiled_names: Vec<&str> = mine["entries"]
        .as_array()
        .unwrap()
        .iter()
        .map(|e| e[0].as_str().unwrap())
        .collect();
    assert_eq!(compiled_names.len(), names.len());
    for n in &names {
        assert!(
            compiled_names.contains(&n.as_str()),
            "{n} in {compiled_names:?}"
        );
    }
    // Another period compiles its own reports only.
    let (_, body) = app
        .call_fn(&office, get(None, EvaluationPeriod::NineMonth))
        .await;
    let nine = count(
        &app,
        "SELECT COUNT(*) FROM unit_reports WHERE period = 'nine_month' AND sent_on IS NOT NULL",
    )
    .await;
    assert_eq!(
        body["Overview"]["compiled"].as_array().unwrap().len() as i64,
        nine
    );
    assert!(!body
        .to_string()
        .contains("Đơn vị Chi cục tự đánh giá hoàn thành tốt"));

    // The Department's assessment: the office writes it, versioned; no one else does.
    let save_dept = |version: i64, assessment: &str| SaveDepartmentReport {
        year: 2026,
        period: EvaluationPeriod::SixMonth,
        version,
        assessment: assessment.into(),
    };
    let assessment = "Sáu tháng đầu năm, các đơn vị đã phát hiện và bồi dưỡng nhiều điển hình.";
    let (status, v1) = app.call_fn(&office, save_dept(0, assessment)).await;
    assert_eq!(status, 200, "{v1}");
    assert_eq!(v1, 1);
    let (status, body) = app.call_fn(&office, save_dept(0, "cũ")).await;
    assert_eq!(status, 409, "{body}");
    for who in ["staff1", "leader", "bloc1"] {
        let cookie = app.login(who).await;
        let (status, _) = app.call_fn(&cookie, save_dept(1, "x")).await;
        assert_eq!(status, 403, "{who}");
    }
    let (status, body) = app.call_fn(&office, save_dept(1, &"x".repeat(8001))).await;
    assert_eq!(status, 400, "{body}");
    assert_eq!(audited(&app, "save_department_report").await, 1);

    // Leadership reads it; a bloc head sees only the bloc's units, without the Department's.
    let leader = app.login("leader").await;
    let (_, body) = app
        .call_fn(&leader, get(None, EvaluationPeriod::SixMonth))
        .await;
    assert_eq!(body["Overview"]["department_assessment"], assessment);
    assert_eq!(body["Overview"]["can_compile"], false);
    let bloc_head = app.login("bloc1").await;
    let (_, body) = app
        .call_fn(&bloc_head, get(None, EvaluationPeriod::SixMonth))
        .await;
    let rows = body["Overview"]["rows"].as_array().unwrap();
    let bloc: i64 = count(
        &app,
        "SELECT u.bloc_id FROM users a JOIN units u ON u.id = a.unit_id WHERE a.username = 'bloc1'",
    )
    .await;
    assert!(!rows.is_empty());
    assert!(rows.iter().all(|r| r["bloc_id"] == bloc), "{rows:?}");
    assert_eq!(body["Overview"]["department"], false);
    // A council member has no periodic reports to read.
    let member = app.login("council1").await;
    let (status, _) = app
        .call_fn(&member, get(None, EvaluationPeriod::SixMonth))
        .await;
    assert_eq!(status, 403);

    // The Department's report in Word, as LibreOffice renders it: the assessment, the
    // unit and its exemplars.
    let response = app
        .get_as(&office, "/exports/report-six_month.docx?year=2026")
        .await;
    assert_eq!(response.status(), 200);
    let bytes = response.bytes().await.unwrap();
    let dir = tempfile::tempdir().unwrap();
    let text = squeezed(&rendered_text(&bytes, dir.path()));
    assert!(text.contains(&squeezed("BÁO CÁO")), "{text}");
    assert!(text.contains(&squeezed("Sáu tháng đầu năm")), "{text}");
    assert!(text.contains(&squeezed(&names[0])), "{text}");
    // The unit's own report, and who may have it.
    let path = format!("/exports/report-six_month-{unit}.docx?year=2026");
    assert_eq!(app.get_as(&staff, &path).await.status(), 200);
    let outsider = app.login("staff.bqlrph").await;
    assert_eq!(app.get_as(&outsider, &path).await.status(), 403);
    app.stop().await;
}
