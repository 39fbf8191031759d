//! D-3 over HTTP: the City's answer on each model the Department sent (accepted, commended
//! with what, returned with a reason), recorded by the office only, once per sending; a
//! returned model sent again awaits a new answer. Each step is a card event. Run on SQLite
//! and PostgreSQL.

use crate::common;

use app::api::council::{
    DecideForCity, GetCouncil, RecordCityAnswer, RecordDispatch, ResendToCity,
};
use app::api::nominations::GetNomination;
use chrono::NaiveDate;
use common::{count, spawn_app_at};
use serde_json::Value;
use shared::rules::city_answer::{CityAnswerDraft, CityOutcome};

fn day(m: u32, d: u32) -> NaiveDate {
    NaiveDate::from_ymd_opt(2026, m, d).unwrap()
}

fn answer(outcome: CityOutcome, on: NaiveDate, detail: &str) -> CityAnswerDraft {
    CityAnswerDraft {
        outcome: Some(outcome),
        answered_on: Some(on),
        detail: detail.into(),
    }
}

#[tokio::test]
async fn the_office_records_the_city_s_answers_and_sends_a_returned_model_again() {
    let app = spawn_app_at(day(10, 20)).await;
    let office = app.login("office").await;
    let pool = app.pool().await;
    let ids: Vec<i64> = sqlx::query_scalar(
        "SELECT id FROM nominations WHERE year = 2026
         AND stage IN ('registered', 'fostering', 'evaluating', 'replicated') ORDER BY id LIMIT 4",
    )
    .fetch_all(&pool)
    .await
    .unwrap();
    pool.close().await;
    let (sent, left_out) = (ids[..3].to_vec(), ids[3]);
    let decide = DecideForCity {
        decided_on: day(10, 14),
        ids: sent.clone(),
    };
    let (status, body) = app.call_fn(&office, decide).await;
    assert_eq!(status, 200, "{body}");
    // Nothing sent yet: there is nothing to answer.
    let (status, _) = app
        .call_fn(
            &office,
            RecordCityAnswer {
                id: sent[0],
                draft: answer(CityOutcome::Accepted, day(10, 16), ""),
            },
        )
        .await;
    assert_eq!(status, 404);
    let dispatch = RecordDispatch {
        number: "125/SNN-VP".into(),
        sent_on: day(10, 15),
    };
    let (status, body) = app.call_fn(&office, dispatch).await;
    assert_eq!(status, 200, "{body}");

    // Only the office records the City's answers (a refusal is recorded).
    let staff = app.login("staff1").await;
    let (status, _) = app
        .call_fn(
            &staff,
            RecordCityAnswer {
                id: sent[0],
                draft: answer(CityOutcome::Accepted, day(10, 16), ""),
            },
        )
        .await;
    assert_eq!(status, 403);
    assert_eq!(
        count(&app, "SELECT COUNT(*) FROM audit_log WHERE action = 'forbidden' AND object_type = 'city_answer'").await,
        1
    );
    // A model the dispatch did not carry: not found.
    let (status, _) = app
        .call_fn(
            &office,
            RecordCityAnswer {
                id: left_out,
                draft: answer(CityOutcome::Accepted, day(10, 16), ""),
            },
        )
        .await;
    assert_eq!(status, 404);

    // Accepted once; a second answer is refused; an answer dated before the dispatch too.
    let (status, body) = app
        .call_fn(
            &office,
            RecordCityAnswer {
                id: sent[0],
                draft: answer(CityOutcome::Accepted, day(10, 14), ""),
            },
        )
        .await;
    assert_eq!(status, 400, "{body}");
    let (status, event) = app
        .call_fn(
            &office,
            RecordCityAnswer {
                id: sent[0],
                draft: answer(CityOutcome::Accepted, day(10, 16), ""),
            },
        )
        .await;
    assert_eq!(status, 200, "{event}");
    assert_eq!(event["action"], "city_answer");
    let (status, body) = app
        .call_fn(
            &office,
            RecordCityAnswer {
                id: sent[0],
                draft: answer(CityOutcome::Commended, day(10, 17), "Bằng khen"),
            },
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(body.to_string().contains("Thành phố đã trả lời"), "{body}");

    // Returned: the reason is required; then sent again (not before the return), then
    // commended.
    let (status, body) = app
        .call_fn(
            &office,
            RecordCityAnswer {
                id: sent[1],
                draft: answer(CityOutcome::Returned, day(10, 16), " "),
            },
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(body.to_string().contains("lý do trả lại"), "{body}");
    let (status, _) = app
        .call_fn(
            &office,
            RecordCityAnswer {
                id: sent[1],
                draft: answer(CityOutcome::Returned, day(10, 16), "Thiếu biên bản họp xét"),
            },
        )
        .await;
    assert_eq!(status, 200);
    let (status, _) = app
        .call_fn(
            &office,
            ResendToCity {
                id: sent[1],
                sent_on: Some(day(10, 15)),
            },
        )
        .await;
    assert_eq!(status, 400, "not before the return");
    let (status, event) = app
        .call_fn(
            &office,
            ResendToCity {
                id: sent[1],
                sent_on: Some(day(10, 18)),
            },
        )
        .await;
    assert_eq!(status, 200, "{event}");
    assert_eq!(event["action"], "city_resend");
    let (status, body) = app
        .call_fn(
            &office,
            RecordCityAnswer {
                id: sent[1],
                draft: answer(CityOutcome::Commended, day(10, 17), "Bằng khen"),
            },
        )
        .await;
    assert_eq!(status, 400, "before it was sent again: {body}");
    let (status, _) = app
        .call_fn(
            &office,
            RecordCityAnswer {
                id: sent[1],
                draft: answer(
                    CityOutcome::Commended,
                    day(10, 19),
                    "Bằng khen của UBND Thành phố",
                ),
            },
        )
        .await;
    assert_eq!(status, 200);
    // One not returned is not sent again.
    let (status, body) = app
        .call_fn(
            &office,
            ResendToCity {
                id: sent[2],
                sent_on: Some(day(10, 18)),
            },
        )
        .await;
    assert_eq!(status, 400, "{body}");
    assert!(body.to_string().contains("Chỉ gửi lại"), "{body}");

    // The council's page shows each model's steps; the card's history has them.
    let (status, council) = app.call_fn(&office, GetCouncil {}).await;
    assert_eq!(status, 200, "{council}");
    let models = council["decision"]["dispatch"]["sent"].as_array().unwrap();
    let steps = |id: i64| -> Vec<Value> {
        models.iter().find(|m| m["id"] == id).unwrap()["steps"]
            .as_array()
            .unwrap()
            .clone()
    };
    assert_eq!(steps(sent[0]).len(), 1);
    assert_eq!(steps(sent[1]).len(), 3);
    assert_eq!(steps(sent[2]).len(), 0);
    let (_, view) = app.call_fn(&office, GetNomination { id: sent[1] }).await;
    let actions: Vec<&str> = view["record"]["history"]
        .as_array()
        .unwrap()
        .iter()
        .map(|h| h["action"].as_str().unwrap())
        .collect();
    assert_eq!(
        actions
            .iter()
            .filter(|a| matches!(**a, "city_answer" | "city_resend"))
            .count(),
        3,
        "{actions:?}"
    );
    assert_eq!(count(&app, "SELECT COUNT(*) FROM city_answers").await, 4);
    app.stop().await;
}
