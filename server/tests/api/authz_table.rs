//! Every server function × every role, over HTTP: who gets past authorisation (anything
//! but 401/403) and who is refused. Payloads are deliberately invalid where the function
//! writes, so an allowed role gets 400 (validated after authorisation) and nothing
//! changes. Add a row for every new server function.

use crate::common;

use common::spawn_app;
use serde_json::{json, Value};

const ROLES: [&str; 8] = [
    "(none)", "staff1", "head1", "bloc1", "council1", "office", "leader", "admin",
];

/// (endpoint, JSON body or None for a form post, and per role in ROLES order:
/// 'A' passes authorisation, 'D' is refused with 403, 'U' is 401).
fn table() -> Vec<(&'static str, Option<Value>, [char; 8])> {
    let bad_fields =
        json!({ "display_name": "", "position": "", "unit_id": null, "roles": [], "active": true });
    vec![
        ("me", None, ['A', 'A', 'A', 'A', 'A', 'A', 'A', 'A']),
        (
            "board",
            Some(json!({ "filters": {} })),
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
        (
            "board/more",
            Some(json!({ "filters": {}, "stage": "discovered", "bloc": null, "offset": 0 })),
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
        // Every signed-in user may ask; who may see or move which card is decided on the
        // card itself (tests in board.rs): an unknown card is 404 for everyone.
        (
            "board/card",
            Some(json!({ "id": -1 })),
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
        (
            "nominations/get",
            Some(json!({ "id": -1 })),
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
        // Creating: unit staff and heads (for their own unit) and the office.
        (
            "nominations/form",
            Some(json!({ "id": null })),
            ['U', 'A', 'A', 'D', 'D', 'A', 'D', 'D'],
        ),
        (
            "nominations/save",
            Some(json!({ "id": null, "version": 0, "year": 2026, "draft": {
                "unit_id": 1, "nominee_name": "", "profile": { "kind": "collective", "size": 0 },
                "description": "", "replication_potential": "", "evidence": {} } })),
            ['U', 'D', 'D', 'D', 'D', 'A', 'D', 'D'],
        ),
        // The plan and the evaluations: who may is decided on the nomination (tests in
        // fostering.rs); an unknown one is 404 for everyone.
        (
            "nominations/plan",
            Some(json!({ "id": -1, "version": 0, "draft": {} })),
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
        (
            "nominations/plan/approve",
            Some(json!({ "id": -1, "version": 1 })),
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
        (
            "nominations/evaluate",
            Some(
                json!({ "id": -1, "draft": { "period": "six_month", "rating": "good",
                "achievements": "", "evaluator": "", "date": null, "commendation": "" } }),
            ),
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
        (
            "nominations/replicate",
            Some(json!({ "id": -1, "draft": {} })),
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
        // The calendar is everyone's; what one owes is one's own.
        (
            "calendar",
            Some(json!({ "year": null })),
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
        (
            "calendar/mine",
            Some(json!({})),
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
        // Selections for the City: the office edits, leadership reads.
        (
            "selections",
            Some(json!({ "year": null, "period": "q1" })),
            ['U', 'D', 'D', 'D', 'D', 'A', 'A', 'D'],
        ),
        (
            "selections/save",
            Some(json!({ "year": 2026, "period": "q1", "version": 0, "ids": [] })),
            ['U', 'D', 'D', 'D', 'D', 'A', 'D', 'D'],
        ),
        // The council: its members and the office; a sheet's rules are decided on the
        // nomination (tests in council.rs), so an unknown one is 404 for everyone.
        (
            "council",
            Some(json!({})),
            ['U', 'D', 'D', 'D', 'A', 'A', 'D', 'D'],
        ),
        (
            "council/sheet",
            Some(json!({ "id": -1 })),
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
        (
            "council/decide",
            Some(json!({ "decided_on": "2026-01-01", "ids": [] })),
            ['U', 'D', 'D', 'D', 'D', 'A', 'D', 'D'],
        ),
        (
            "council/ballot/open",
            Some(json!({ "ids": [], "share_pct": 70 })),
            ['U', 'D', 'D', 'D', 'D', 'A', 'D', 'D'],
        ),
        (
            "council/ballot/close",
            Some(json!({})),
            ['U', 'D', 'D', 'D', 'D', 'A', 'D', 'D'],
        ),
        (
            "council/ballot/vote",
            Some(json!({ "id": -1, "agree": true })),
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
        (
            "council/change",
            Some(json!({ "id": -1, "change": { "change": "submit" } })),
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
        (
            "board/move",
            Some(
                json!({ "request": { "id": -1, "version": 1, "to": "registered",
                "place": "top", "reason": null, "undo_of": null } }),
            ),
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
        ("audit", None, ['U', 'D', 'D', 'D', 'D', 'A', 'D', 'A']),
        (
            "admin/accounts",
            None,
            ['U', 'D', 'D', 'D', 'D', 'D', 'D', 'A'],
        ),
        (
            "admin/organisation",
            None,
            ['U', 'D', 'D', 'D', 'D', 'D', 'D', 'A'],
        ),
        (
            "admin/create_account",
            Some(json!({ "username": "x", "fields": bad_fields, "password": "" })),
            ['U', 'D', 'D', 'D', 'D', 'D', 'D', 'A'],
        ),
        (
            "admin/update_account",
            Some(json!({ "id": 1, "version": 1, "fields": bad_fields })),
            ['U', 'D', 'D', 'D', 'D', 'D', 'D', 'A'],
        ),
        (
            "admin/reset_password",
            Some(json!({ "id": 1, "version": 1, "password": "" })),
            ['U', 'D', 'D', 'D', 'D', 'D', 'D', 'A'],
        ),
        (
            "admin/save_bloc",
            Some(json!({ "id": null, "version": 0, "code": "", "name": "", "head_unit_id": null })),
            ['U', 'D', 'D', 'D', 'D', 'D', 'D', 'A'],
        ),
        (
            "admin/save_unit",
            Some(json!({ "id": null, "version": 0, "code": "", "name": "", "bloc_id": 1 })),
            ['U', 'D', 'D', 'D', 'D', 'D', 'D', 'A'],
        ),
        (
            "admin/council_seat",
            Some(json!({ "user_id": -1, "member": true })),
            ['U', 'D', 'D', 'D', 'D', 'D', 'D', 'A'],
        ),
        (
            "account/password",
            Some(json!({ "current": "", "new": "" })),
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
    ]
}

#[tokio::test]
async fn every_server_function_for_every_role() {
    let app = spawn_app().await;
    let mut cookies = vec![String::new()];
    for role in &ROLES[1..] {
        cookies.push(app.login(role).await);
    }
    let mut failures = Vec::new();
    for (endpoint, body, expected) in table() {
        for (i, want) in expected.iter().enumerate() {
            let mut req = app
                .client
                .post(app.url(&format!("/api/{endpoint}")))
                .header("origin", app.origin());
            if !cookies[i].is_empty() {
                req = req.header("cookie", &cookies[i]);
            }
            req = match &body {
                Some(b) => req.json(b),
                None => req
                    .header("content-type", "application/x-www-form-urlencoded")
                    .body(""),
            };
            let status = req.send().await.unwrap().status().as_u16();
            let got = match status {
                401 => 'U',
                403 => 'D',
                _ => 'A',
            };
            if got != *want {
                failures.push(format!(
                    "{endpoint} as {}: expected {want}, got {got} ({status})",
                    ROLES[i]
                ));
            }
        }
    }
    assert!(failures.is_empty(), "\n{}", failures.join("\n"));

    // Nothing was changed by any of these calls: no account or unit was created or edited.
    let pool = app.pool().await;
    let changed: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM audit_log WHERE action NOT IN ('login', 'forbidden', 'dataset_loaded')",
    )
    .fetch_one(&pool)
    .await
    .unwrap();
    assert_eq!(changed, 0);
    pool.close().await;
    app.stop().await;
}
