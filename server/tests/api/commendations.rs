//! S-3 over HTTP: a unit proposes a commendation for its exemplar (the form, the
//! achievements, the dossier's achievement report, its own council's meeting), the office
//! decides it (granted with a number used once, not dated before the proposal; or declined
//! with a reason); every refusal leaves nothing stored; both show on the card's history and
//! in the summary. Run on SQLite and PostgreSQL.

use crate::common;
use crate::dossier::{nomination_of_head1, pdf, upload};

use app::api::nominations::{DecideCommendation, GetNomination, ProposeCommendation};
use app::api::summary::GetSummary;
use chrono::NaiveDate;
use common::{count, spawn_app_at, TestApp};
use serde_json::Value;
use shared::domain::commendation::{CommendationForm, DecisionDraft, ProposalDraft};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

/// Attaches a document of `kind` to nomination `id` as `cookie`; returns its id.
async fn attach(app: &TestApp, cookie: &str, id: i64, kind: &str, title: &str) -> i64 {
    let fields = [("kind", kind), ("title", title)];
    let (status, body) = upload(app, cookie, id, &fields, "bao-cao.pdf", pdf(title)).await;
    assert_eq!(status, 200, "{body}");
    count(app, "SELECT MAX(id) FROM nomination_documents").await
}

fn proposal(report: i64) -> ProposalDraft {
    ProposalDraft {
        form: Some(CommendationForm::CityMerit),
        title: String::new(),
        achievements: "Ba năm liền hoàn thành xuất sắc nhiệm vụ; mô hình được 12 xã áp dụng".into(),
        report_document_id: Some(report),
        council_date: Some(day(10, 2)),
        council_present: 9,
        council_result: "Nhất trí 9/9 đề nghị Bằng khen của UBND Thành phố".into(),
    }
}

fn grant(number: &str, date: NaiveDate) -> DecisionDraft {
    DecisionDraft::Granted {
        number: number.into(),
        date: Some(date),
        signer: "Phó Chủ tịch UBND Thành phố".into(),
        form: Some(CommendationForm::CityMerit),
    }
}

/// The office's (or anyone's) decision on a proposal, over HTTP.
async fn decide(
    app: &TestApp,
    cookie: &str,
    proposal_id: i64,
    version: i64,
    draft: DecisionDraft,
) -> (u16, Value) {
    let args = DecideCommendation {
        proposal_id,
        version,
        draft,
    };
    app.call_fn(cookie, args).await
}

async fn proposals(app: &TestApp) -> i64 {
    count(app, "SELECT COUNT(*) FROM commendation_proposals").await
}

fn text(body: &Value) -> String {
    body.to_string()
}

#[tokio::test]
async fn a_unit_proposes_the_office_decides_and_every_refusal_stores_nothing() {
    let app = spawn_app_at(day(10, 15)).await;
    let staff = app.login("staff1").await;
    let head = app.login("head1").await;
    let office = app.login("office").await;
    let id = nomination_of_head1(&app, "registered").await;
    let report = attach(
        &app,
        &staff,
        id,
        "achievement_report",
        "Báo cáo thành tích 2026",
    )
    .await;
    let certificate = attach(&app, &staff, id, "certificate", "Giấy chứng nhận").await;

    // A certificate is not the achievement report; the form's own problems all at once.
    let (status, body) = app
        .call_fn(
            &staff,
            ProposeCommendation {
                id,
                draft: proposal(certificate),
            },
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(
        text(&body).contains("không phải báo cáo thành tích"),
        "{body}"
    );
    let mut bad = proposal(report);
    bad.form = None;
    bad.achievements = " ".into();
    bad.council_date = Some(day(10, 16));
    bad.council_present = 0;
    let (status, body) = app
        .call_fn(&staff, ProposeCommendation { id, draft: bad })
        .await;
    assert_eq!(status, 400, "{body}");
    for expected in [
        "Vui lòng nhập hình thức khen thưởng đề nghị",
        "Vui lòng nhập tóm tắt thành tích",
        "Ngày họp Hội đồng TĐKT đơn vị",
        "Số thành viên dự họp",
    ] {
        assert!(text(&body).contains(expected), "{expected}: {body}");
    }
    // Outside one's scope: another unit cannot see it; leadership changes nothing.
    let other = app.login("staff.cctt").await;
    let (status, _) = app
        .call_fn(
            &other,
            ProposeCommendation {
                id,
                draft: proposal(report),
            },
        )
        .await;
    assert_eq!(status, 404);
    let leader = app.login("leader").await;
    let (status, _) = app
        .call_fn(
            &leader,
            ProposeCommendation {
                id,
                draft: proposal(report),
            },
        )
        .await;
    assert_eq!(status, 403);
    // Only discovered: not yet an exemplar of the Department's.
    let discovered = nomination_of_head1(&app, "discovered").await;
    let (status, body) = app
        .call_fn(
            &staff,
            ProposeCommendation {
                id: discovered,
                draft: proposal(report),
            },
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(
        text(&body).contains("Chỉ đề nghị khen thưởng cho điển hình đã đăng ký"),
        "{body}"
    );
    assert_eq!(proposals(&app).await, 0, "nothing stored");

    // The head proposes; a second proposal while it awaits its decision is refused.
    let (status, event) = app
        .call_fn(
            &head,
            ProposeCommendation {
                id,
                draft: proposal(report),
            },
        )
        .await;
    assert_eq!(status, 200, "{event}");
    assert_eq!(event["action"], "propose_commendation");
    let (status, body) = app
        .call_fn(
            &staff,
            ProposeCommendation {
                id,
                draft: proposal(report),
            },
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(text(&body).contains("đang chờ quyết định"), "{body}");
    assert_eq!(proposals(&app).await, 1);
    let (_, view) = app.call_fn(&staff, GetNomination { id }).await;
    let record = &view["record"]["commendations"][0];
    assert_eq!(record["status"], "proposed");
    assert_eq!(record["report_title"], "Báo cáo thành tích 2026");
    assert_eq!(record["proposal"]["council_present"], 9);
    let proposal_id = record["id"].as_i64().unwrap();

    // Deciding: the unit may not (refused, recorded); a date before the proposal or in the
    // future is refused.
    let (status, _) = decide(
        &app,
        &staff,
        proposal_id,
        1,
        grant("125/QĐ-UBND", day(10, 15)),
    )
    .await;
    assert_eq!(status, 403);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM audit_log WHERE action = 'forbidden' AND object_type = 'commendation'").await,
        1
    );
    let (status, body) = decide(
        &app,
        &office,
        proposal_id,
        1,
        grant("125/QĐ-UBND", day(10, 14)),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    assert!(
        text(&body).contains("không thể trước ngày đề nghị (15/10/2026)"),
        "{body}"
    );
    let (status, _) = decide(
        &app,
        &office,
        proposal_id,
        1,
        grant("125/QĐ-UBND", day(10, 16)),
    )
    .await;
    assert_eq!(status, 400);
    let granted = "SELECT COUNT(*) FROM commendation_proposals WHERE status <> 'proposed'";
    assert_eq!(count(&app, granted).await, 0);

    // Granted; a second decision from a stale page is a conflict naming who decided.
    let (status, event) = decide(
        &app,
        &office,
        proposal_id,
        1,
        grant("125/QĐ-UBND", day(10, 15)),
    )
    .await;
    assert_eq!(status, 200, "{event}");
    assert_eq!(event["action"], "decide_commendation");
    let (status, body) = decide(
        &app,
        &office,
        proposal_id,
        1,
        DecisionDraft::Declined {
            reason: "Không đủ điều kiện".into(),
        },
    )
    .await;
    assert_eq!(status, 409, "{body}");
    assert!(text(&body).contains("Phạm Hoàng Nam"), "{body}");
    let (_, view) = app.call_fn(&head, GetNomination { id }).await;
    let record = &view["record"]["commendations"][0];
    assert_eq!(record["status"], "granted");
    assert_eq!(record["decision"]["number"], "125/QĐ-UBND");
    let actions: Vec<&str> = view["record"]["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["action"].as_str().unwrap())
        .collect();
    assert!(
        actions.contains(&"propose_commendation") && actions.contains(&"decide_commendation"),
        "{actions:?}"
    );
    assert_eq!(
        count(&app, &format!("SELECT COUNT(*) FROM audit_log WHERE action IN ('propose_commendation', 'decide_commendation') AND object_id = '{id}'")).await,
        2
    );

    // The unit's submission downloads as DOCX and opens in LibreOffice with the decision;
    // another unit may not have it.
    let path = format!("/exports/proposal-{proposal_id}.docx?year=2026");
    let resp = app.get_as(&head, &path).await;
    assert_eq!(resp.status(), 200);
    let bytes = resp.bytes().await.unwrap().to_vec();
    let dir = tempfile::tempdir().unwrap();
    let words = crate::docx::squeezed(&crate::docx::rendered_text(&bytes, dir.path()));
    for expected in [
        "TỜ TRÌNH",
        "Bằng khen của UBND Thành phố",
        "125/QĐ-UBND",
        "Nhất trí 9/9",
    ] {
        let expected = crate::docx::squeezed(expected);
        assert!(words.contains(&expected), "{expected} in {words}");
    }
    let nominee: String = {
        let pool = app.pool().await;
        let name = sqlx::query_scalar("SELECT nominee_name FROM nominations WHERE id = $1")
            .bind(id)
            .fetch_one(&pool)
            .await
            .unwrap();
        pool.close().await;
        name
    };
    assert!(
        words.contains(&crate::docx::squeezed(&nominee)),
        "{nominee} in {words}"
    );
    assert_eq!(app.get_as(&other, &path).await.status(), 403);

    // Another exemplar: the same number (other spacing and case) is refused; declined works.
    let second = nomination_of_head1(&app, "fostering").await;
    let report2 = attach(
        &app,
        &staff,
        second,
        "achievement_report",
        "Báo cáo thành tích",
    )
    .await;
    let (status, body) = app
        .call_fn(
            &staff,
            ProposeCommendation {
                id: second,
                draft: proposal(report2),
            },
        )
        .await;
    assert_eq!(status, 200, "{body}");
    let (_, view) = app.call_fn(&office, GetNomination { id: second }).await;
    let second_proposal = view["record"]["commendations"][0]["id"].as_i64().unwrap();
    let (status, body) = decide(
        &app,
        &office,
        second_proposal,
        1,
        grant(" 125 / qđ-ubnd ", day(10, 15)),
    )
    .await;
    assert_eq!(status, 400, "{body}");
    assert!(
        text(&body).contains("đã được dùng cho một quyết định khác"),
        "{body}"
    );
    let (status, body) = decide(
        &app,
        &office,
        second_proposal,
        1,
        DecisionDraft::Declined {
            reason: "Thành tích chưa đủ ba năm".into(),
        },
    )
    .await;
    assert_eq!(status, 200, "{body}");

    // The summary counts them by form, bloc and unit.
    let (status, summary) = app.call_fn(&leader, GetSummary { year: None }).await;
    assert_eq!(status, 200, "{summary}");
    let c = &summary["commendations"];
    assert_eq!(c["total"]["granted"], 1);
    assert_eq!(c["total"]["declined"], 1);
    assert_eq!(c["total"]["pending"], 0);
    let merit = c["by_form"]
        .as_array()
        .unwrap()
        .iter()
        .find(|f| f[0] == "city_merit")
        .unwrap();
    assert_eq!(merit[1]["granted"], 1);
    let places = c["by_place"].as_array().unwrap();
    assert_eq!(places.len(), 2, "the bloc and the unit: {places:?}");
    assert!(places[1]["name"]
        .as_str()
        .unwrap()
        .contains("Phát triển nông thôn"));
    app.stop().await;
}
