//! Every server function × every role, over HTTP: who gets past authorisation (anything
//! but 401/403) and who is refused. Payloads are deliberately invalid where the function
//! writes, so an allowed role gets 400 (validated after authorisation) and nothing
//! changes. Add a row for every new server function.

use crate::common;

use app::api::account::ChangePassword;
use app::api::admin::{
    CreateAccount, CreateCampaign, GetCampaignCriteria, GetCampaignMovements, GetCampaignYears,
    GetOrganisation, GetSetup, ListAccounts, ListCampaigns, ResetPassword, SaveBloc,
    SaveCampaignYear, SaveCriteria, SaveMovement, SaveUnit, SetCouncilSeat, UpdateAccount,
    UpdateCampaign,
};
use app::api::audit::ListAudit;
use app::api::auth::GetCurrentUser;
use app::api::board::{GetBoard, GetCard, MoreCards, MoveNomination};
use app::api::conferences::{GetConferences, SaveConference};
use app::api::council::{
    CastBallot, ChangeSheet, CloseBallot, DecideForCity, GetCouncil, GetSheet, OpenBallot,
    RecordCityAnswer, RecordDispatch, ResendToCity,
};
use app::api::nominations::{
    ApprovePlan, DecideCommendation, GetNomination, NominationForm, ProposeCommendation,
    RecordEvaluation, RecordReplication, RemoveDocument, SaveNomination, SavePlan,
};
use app::api::reports::{GetReports, SaveDepartmentReport, SaveUnitReport};
use app::api::summary::{GetBlocReview, GetDocument, GetSummary, SaveBlocReview};
use app::api::year::{
    CarryOver, GetCalendar, GetCarryOver, GetSelection, MyDeadlines, SaveSelection,
};
use app::types::council::{BallotChoice, SheetChange};
use app::types::model::{AccountFields, BoardFilters, MoveRequest, Place};
use common::{encode, spawn_app, Encoding};
use leptos::server_fn::ServerFn;
use reqwest::RequestBuilder;
use serde::Serialize;
use shared::domain::commendation::DecisionDraft;
use shared::domain::{
    CampaignDraft, CampaignYear, EvaluationDraft, EvaluationPeriod, NominationDraft, PlanDraft,
    Profile, Rating, ReplicationDraft, SelectionPeriod, Stage,
};
use shared::rules::conference::ConferenceScope;
use shared::rules::review::ReviewDraft;

const ROLES: [&str; 8] = [
    "(none)", "staff1", "head1", "bloc1", "council1", "office", "leader", "admin",
];

/// A server function's path, a call of it (its arguments as the body, encoded as the
/// function declares), and per role in ROLES order: 'A' passes authorisation, 'D' is
/// refused with 403, 'U' is 401.
pub(crate) struct Row {
    pub(crate) path: &'static str,
    pub(crate) body: Box<dyn Fn(RequestBuilder) -> RequestBuilder>,
    pub(crate) expected: [char; 8],
}

fn row<F>(args: F, expected: [char; 8]) -> Row
where
    F: ServerFn + Serialize + 'static,
    F::Protocol: Encoding,
{
    Row {
        path: F::PATH,
        body: Box::new(move |request| encode(request, &args)),
        expected,
    }
}

/// Every server function with a call of it (also the fuzz tests' starting points).
pub(crate) fn table() -> Vec<Row> {
    let bad_fields = || AccountFields {
        display_name: "".into(),
        position: "".into(),
        unit_id: None,
        roles: Default::default(),
        active: true,
    };
    vec![
        row(GetCurrentUser {}, ['A', 'A', 'A', 'A', 'A', 'A', 'A', 'A']),
        row(
            GetBoard {
                filters: BoardFilters::default(),
            },
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
        row(
            MoreCards {
                filters: BoardFilters::default(),
                stage: Stage::Discovered,
                bloc: None,
                offset: 0,
            },
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
        // Every signed-in user may ask; who may see or move which card is decided on the
        // card itself (tests in board.rs): an unknown card is 404 for everyone.
        row(GetCard { id: -1 }, ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A']),
        row(
            GetNomination { id: -1 },
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
        // Creating: unit staff and heads (for their own unit) and the office.
        row(
            NominationForm { id: None },
            ['U', 'A', 'A', 'D', 'D', 'A', 'D', 'D'],
        ),
        row(
            SaveNomination {
                id: None,
                version: 0,
                year: 2026,
                draft: NominationDraft {
                    unit_id: 1,
                    nominee_name: "".into(),
                    profile: Profile::Collective { size: 0 },
                    description: "".into(),
                    replication_potential: "".into(),
                    evidence: Default::default(),
                    exemplar_type: None,
                    movement_id: None,
                },
            },
            ['U', 'D', 'D', 'D', 'D', 'A', 'D', 'D'],
        ),
        // The plan and the evaluations: who may is decided on the nomination (tests in
        // fostering.rs); an unknown one is 404 for everyone.
        row(
            SavePlan {
                id: -1,
                version: 0,
                draft: PlanDraft::default(),
            },
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
        row(
            ApprovePlan { id: -1, version: 1 },
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
        row(
            RecordEvaluation {
                id: -1,
                draft: EvaluationDraft {
                    period: EvaluationPeriod::SixMonth,
                    rating: Rating::Good,
                    achievements: "".into(),
                    evaluator: "".into(),
                    date: None,
                    commendation: "".into(),
                },
            },
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
        row(
            RecordReplication {
                id: -1,
                draft: ReplicationDraft::default(),
            },
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
        // A document that does not exist: who may remove it is decided on its nomination.
        row(
            RemoveDocument { document_id: -1 },
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
        // A nomination that does not exist: who may propose is decided on its nomination.
        row(
            ProposeCommendation {
                id: -1,
                draft: Default::default(),
            },
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
        // Only the office decides; a proposal that does not exist is then not found.
        row(
            DecideCommendation {
                proposal_id: -1,
                version: 1,
                draft: DecisionDraft::Declined {
                    reason: String::new(),
                },
            },
            ['U', 'D', 'D', 'D', 'D', 'A', 'D', 'D'],
        ),
        // The calendar is everyone's; what one owes is one's own.
        row(
            GetCalendar { year: None },
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
        row(MyDeadlines {}, ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A']),
        // Selections for the City: the office edits, leadership reads.
        row(
            GetSelection {
                year: None,
                period: Some(SelectionPeriod::Q1),
            },
            ['U', 'D', 'D', 'D', 'D', 'A', 'A', 'D'],
        ),
        row(
            SaveSelection {
                year: 2026,
                period: SelectionPeriod::Q1,
                version: 0,
                ids: vec![],
            },
            ['U', 'D', 'D', 'D', 'D', 'A', 'D', 'D'],
        ),
        // Closing a year: the office carries over, leadership reads; an empty batch is a
        // 400 for the office.
        row(
            GetCarryOver { year: None },
            ['U', 'D', 'D', 'D', 'D', 'A', 'A', 'D'],
        ),
        row(
            CarryOver {
                year: 2026,
                items: vec![],
            },
            ['U', 'D', 'D', 'D', 'D', 'A', 'D', 'D'],
        ),
        // The council: its members and the office; a sheet's rules are decided on the
        // nomination (tests in council.rs), so an unknown one is 404 for everyone.
        row(GetCouncil {}, ['U', 'D', 'D', 'D', 'A', 'A', 'D', 'D']),
        row(
            GetSheet { id: -1 },
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
        row(
            DecideForCity {
                decided_on: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
                ids: vec![],
            },
            ['U', 'D', 'D', 'D', 'D', 'A', 'D', 'D'],
        ),
        // No number: refused as input after authorisation.
        row(
            RecordDispatch {
                number: String::new(),
                sent_on: chrono::NaiveDate::from_ymd_opt(2026, 1, 1).unwrap(),
            },
            ['U', 'D', 'D', 'D', 'D', 'A', 'D', 'D'],
        ),
        // A nomination that does not exist: only the office gets past authorisation.
        row(
            RecordCityAnswer {
                id: -1,
                draft: Default::default(),
            },
            ['U', 'D', 'D', 'D', 'D', 'A', 'D', 'D'],
        ),
        row(
            ResendToCity {
                id: -1,
                sent_on: None,
            },
            ['U', 'D', 'D', 'D', 'D', 'A', 'D', 'D'],
        ),
        row(
            OpenBallot {
                ids: vec![],
                share_pct: 70,
            },
            ['U', 'D', 'D', 'D', 'D', 'A', 'D', 'D'],
        ),
        row(CloseBallot {}, ['U', 'D', 'D', 'D', 'D', 'A', 'D', 'D']),
        // Membership is checked against an open ballot: without one, a 400 for everyone.
        row(
            CastBallot {
                choices: vec![BallotChoice {
                    id: -1,
                    agree: true,
                }],
            },
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
        row(
            ChangeSheet {
                id: -1,
                change: SheetChange::Submit,
            },
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
        row(
            MoveNomination {
                request: MoveRequest {
                    id: -1,
                    version: 1,
                    to: Stage::Registered,
                    place: Place::Top,
                    reason: None,
                    undo_of: None,
                },
            },
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
        // The summaries: the office and leadership see every bloc, a bloc head their own
        // (tests in summary.rs); a bloc nobody heads (-1) is the office's and leadership's.
        row(
            GetSummary { year: None },
            ['U', 'D', 'D', 'A', 'D', 'A', 'A', 'D'],
        ),
        row(
            GetBlocReview {
                bloc_id: -1,
                year: None,
            },
            ['U', 'D', 'D', 'D', 'D', 'A', 'A', 'D'],
        ),
        row(
            SaveBlocReview {
                bloc_id: -1,
                year: 2026,
                version: 0,
                draft: ReviewDraft::default(),
                submit: false,
            },
            ['U', 'D', 'D', 'D', 'D', 'A', 'D', 'D'],
        ),
        // Periodic reports: a unit's people open their unit's, a bloc head, the office and
        // leadership who has reported; council members and administrators have none.
        row(
            GetReports {
                unit: None,
                year: None,
                period: None,
            },
            ['U', 'A', 'A', 'A', 'D', 'A', 'A', 'D'],
        ),
        // A unit that does not exist is no one's to write.
        row(
            SaveUnitReport {
                unit_id: -1,
                year: 2026,
                period: EvaluationPeriod::SixMonth,
                version: 0,
                draft: Default::default(),
                send: false,
            },
            ['U', 'D', 'D', 'D', 'D', 'D', 'D', 'D'],
        ),
        // Only the office compiles the Department's (too long: refused after).
        row(
            SaveDepartmentReport {
                year: 2026,
                period: EvaluationPeriod::SixMonth,
                version: 0,
                assessment: "x".repeat(9000),
            },
            ['U', 'D', 'D', 'D', 'D', 'A', 'D', 'D'],
        ),
        // Conferences are public honours: every signed-in user reads them.
        row(
            GetConferences { year: None },
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
        // The sector's is the office's to record (an empty one: refused after).
        row(
            SaveConference {
                scope: ConferenceScope::Sector,
                year: 2026,
                version: 0,
                draft: Default::default(),
            },
            ['U', 'D', 'D', 'D', 'D', 'A', 'D', 'D'],
        ),
        // The documents for the City: the office and leadership.
        row(
            GetDocument {
                doc: "city".into(),
                year: None,
            },
            ['U', 'D', 'D', 'D', 'D', 'A', 'A', 'D'],
        ),
        row(
            GetDocument {
                doc: "q1".into(),
                year: None,
            },
            ['U', 'D', 'D', 'D', 'D', 'A', 'A', 'D'],
        ),
        row(
            ListAudit {
                action: None,
                actor: None,
                before_id: None,
            },
            ['U', 'D', 'D', 'D', 'D', 'A', 'D', 'A'],
        ),
        row(ListAccounts {}, ['U', 'D', 'D', 'D', 'D', 'D', 'D', 'A']),
        row(GetOrganisation {}, ['U', 'D', 'D', 'D', 'D', 'D', 'D', 'A']),
        row(ListCampaigns {}, ['U', 'D', 'D', 'D', 'D', 'D', 'D', 'A']),
        row(
            GetCampaignYears { campaign_id: -1 },
            ['U', 'D', 'D', 'D', 'D', 'D', 'D', 'A'],
        ),
        row(
            SaveCampaignYear {
                campaign_id: -1,
                calendar: bad_year(),
                version: 0,
            },
            ['U', 'D', 'D', 'D', 'D', 'D', 'D', 'A'],
        ),
        row(
            CreateCampaign {
                draft: CampaignDraft::default(),
            },
            ['U', 'D', 'D', 'D', 'D', 'D', 'D', 'A'],
        ),
        row(
            UpdateCampaign {
                id: -1,
                version: 1,
                draft: CampaignDraft::default(),
            },
            ['U', 'D', 'D', 'D', 'D', 'D', 'D', 'A'],
        ),
        row(
            GetCampaignCriteria { campaign_id: -1 },
            ['U', 'D', 'D', 'D', 'D', 'D', 'D', 'A'],
        ),
        // An empty set (no scored criterion): refused as input after authorisation.
        row(
            SaveCriteria {
                campaign_id: -1,
                from_year: 2026,
                criteria: Default::default(),
                version: 0,
            },
            ['U', 'D', 'D', 'D', 'D', 'D', 'D', 'A'],
        ),
        row(
            GetCampaignMovements { campaign_id: -1 },
            ['U', 'D', 'D', 'D', 'D', 'D', 'D', 'A'],
        ),
        // A blank name: refused as input after authorisation.
        row(
            SaveMovement {
                campaign_id: -1,
                id: None,
                version: 0,
                name: " ".into(),
                retired: false,
            },
            ['U', 'D', 'D', 'D', 'D', 'D', 'D', 'A'],
        ),
        row(GetSetup {}, ['U', 'D', 'D', 'D', 'D', 'D', 'D', 'A']),
        row(
            CreateAccount {
                username: "x".into(),
                fields: bad_fields(),
                password: "".into(),
            },
            ['U', 'D', 'D', 'D', 'D', 'D', 'D', 'A'],
        ),
        row(
            UpdateAccount {
                id: 1,
                version: 1,
                fields: bad_fields(),
            },
            ['U', 'D', 'D', 'D', 'D', 'D', 'D', 'A'],
        ),
        row(
            ResetPassword {
                id: 1,
                version: 1,
                password: "".into(),
            },
            ['U', 'D', 'D', 'D', 'D', 'D', 'D', 'A'],
        ),
        row(
            SaveBloc {
                id: None,
                version: 0,
                code: "".into(),
                name: "".into(),
                head_unit_id: None,
            },
            ['U', 'D', 'D', 'D', 'D', 'D', 'D', 'A'],
        ),
        row(
            SaveUnit {
                id: None,
                version: 0,
                code: "".into(),
                name: "".into(),
                bloc_id: 1,
            },
            ['U', 'D', 'D', 'D', 'D', 'D', 'D', 'A'],
        ),
        row(
            SetCouncilSeat {
                user_id: -1,
                member: true,
            },
            ['U', 'D', 'D', 'D', 'D', 'D', 'D', 'A'],
        ),
        row(
            ChangePassword {
                current: "".into(),
                new: "".into(),
            },
            ['U', 'A', 'A', 'A', 'A', 'A', 'A', 'A'],
        ),
    ]
}

/// A year's calendar the shared rule refuses (a pass share under a majority).
fn bad_year() -> CampaignYear {
    let mut year = CampaignYear::with_plan_defaults(2026);
    year.pass_share_pct = 10;
    year
}

#[tokio::test]
async fn every_server_function_for_every_role() {
    let app = spawn_app().await;
    let mut cookies = vec![String::new()];
    for role in &ROLES[1..] {
        cookies.push(app.login(role).await);
    }
    let mut failures = Vec::new();
    for Row {
        path,
        body,
        expected,
    } in table()
    {
        for (i, want) in expected.iter().enumerate() {
            let mut req = app
                .client
                .post(app.url(path))
                .header("origin", app.origin());
            if !cookies[i].is_empty() {
                req = req.header("cookie", &cookies[i]);
            }
            let status = body(req).send().await.unwrap().status().as_u16();
            let got = match status {
                401 => 'U',
                403 => 'D',
                _ => 'A',
            };
            if got != *want {
                failures.push(format!(
                    "{path} as {}: expected {want}, got {got} ({status})",
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
