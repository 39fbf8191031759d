//! Read models the server sends to the client.

use serde::{Deserialize, Serialize};
use shared::domain::{NomineeKind, Position, Stage};

/// One card on the board.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoardCard {
    pub id: i64,
    pub nominee_name: String,
    pub kind: NomineeKind,
    pub unit_id: i64,
    pub unit_name: String,
    pub bloc_id: i64,
    pub bloc_name: String,
    pub stage: Stage,
    pub position: Position,
    pub version: i64,
    pub city_registered: bool,
    /// Where a dropped nomination was dropped from (the only stage it can be restored to).
    pub dropped_from: Option<Stage>,
    /// E-1: the periodic evaluations recorded (for the "overdue" badge).
    #[serde(default)]
    pub evaluations: Vec<shared::domain::EvaluationPeriod>,
    /// How many units or localities adopted the model.
    #[serde(default)]
    pub replications: u32,
    /// The council's weighted total in thousandths, once the year's decision for the City
    /// has made the scores final (blind scoring keeps it off the board before).
    #[serde(default)]
    pub council_score_milli: Option<i64>,
    /// The campaign year the nomination belongs to.
    #[serde(default)]
    pub year: i32,
    /// N-2: the kind of exemplar, once classified.
    #[serde(default)]
    pub exemplar_type: Option<shared::domain::ExemplarType>,
    /// The emulation movement it came from, if named.
    #[serde(default)]
    pub movement_id: Option<i64>,
}

/// The board of one campaign year, cards in column order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Board {
    pub campaign_name: String,
    pub year: i32,
    /// The years of the campaign, for the year filter.
    pub years: Vec<i32>,
    /// The event log's sequence number this board is current to: live updates resume
    /// after it.
    pub seq: i64,
    pub cards: Vec<BoardCard>,
    /// The year's deadlines, and today by the server's clock (for the cards' badges).
    pub calendar: shared::domain::CampaignYear,
    pub today: chrono::NaiveDate,
}

impl Board {
    /// The cards of one column, in their kept order.
    pub fn column(&self, stage: Stage) -> impl Iterator<Item = &BoardCard> {
        self.cards.iter().filter(move |c| c.stage == stage)
    }
}

/// Which board to show. `year: None` means the current year of the current campaign.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct BoardQuery {
    pub year: Option<i32>,
}

/// How many cards a column shows before "show more": a province's board has thousands.
pub const COLUMN_WINDOW: usize = 50;

/// The board's filters, as they stand in the URL (`/board?year=2026&bloc=2&q=an`).
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
#[serde(default)]
pub struct BoardFilters {
    pub year: Option<i32>,
    pub bloc: Option<i64>,
    pub unit: Option<i64>,
    pub kind: Option<NomineeKind>,
    /// Only cards registered with the City (`Some(true)`) or only those not (`Some(false)`).
    pub city: Option<bool>,
    /// Search in the nominee's and unit's names, ignoring Vietnamese accents and case.
    pub q: Option<String>,
    /// Group the board into swimlanes by bloc.
    pub lanes: bool,
}

impl BoardFilters {
    /// Reads the filters from URL query parameters (unknown or malformed values are
    /// ignored rather than refused: a shared link should open something).
    pub fn from_query(get: impl Fn(&str) -> Option<String>) -> BoardFilters {
        let num = |k: &str| get(k).and_then(|v| v.trim().parse().ok());
        BoardFilters {
            year: num("year").map(|y: i64| y as i32),
            bloc: num("bloc"),
            unit: num("unit"),
            kind: get("kind").and_then(|k| NomineeKind::from_code(&k)),
            city: match get("city").as_deref() {
                Some("yes") => Some(true),
                Some("no") => Some(false),
                _ => None,
            },
            q: get("q").filter(|q| !q.trim().is_empty()),
            lanes: get("lanes").as_deref() == Some("bloc"),
        }
    }

    /// The URL query string for these filters (without the `?`), `year` included only when
    /// chosen.
    pub fn to_query(&self) -> String {
        let mut parts: Vec<(String, String)> = Vec::new();
        if let Some(y) = self.year {
            parts.push(("year".into(), y.to_string()));
        }
        if let Some(b) = self.bloc {
            parts.push(("bloc".into(), b.to_string()));
        }
        if let Some(u) = self.unit {
            parts.push(("unit".into(), u.to_string()));
        }
        if let Some(k) = self.kind {
            parts.push(("kind".into(), k.code().into()));
        }
        if let Some(c) = self.city {
            parts.push(("city".into(), if c { "yes" } else { "no" }.into()));
        }
        if let Some(q) = &self.q {
            parts.push(("q".into(), q.clone()));
        }
        if self.lanes {
            parts.push(("lanes".into(), "bloc".into()));
        }
        parts
            .into_iter()
            .map(|(k, v)| format!("{k}={}", encode_query_value(&v)))
            .collect::<Vec<_>>()
            .join("&")
    }

    /// Whether a card passes every filter but the year (the board is one year already).
    pub fn admits(&self, card: &BoardCard) -> bool {
        self.bloc.is_none_or(|b| card.bloc_id == b)
            && self.unit.is_none_or(|u| card.unit_id == u)
            && self.kind.is_none_or(|k| card.kind == k)
            && self.city.is_none_or(|c| card.city_registered == c)
            && self.q.as_deref().is_none_or(|q| {
                shared::text::matches_search(&card.nominee_name, q)
                    || shared::text::matches_search(&card.unit_name, q)
            })
    }
}

fn encode_query_value(v: &str) -> String {
    let mut out = String::with_capacity(v.len());
    for b in v.bytes() {
        match b {
            b'A'..=b'Z' | b'a'..=b'z' | b'0'..=b'9' | b'-' | b'_' | b'.' | b'~' => {
                out.push(b as char)
            }
            _ => out.push_str(&format!("%{b:02X}")),
        }
    }
    out
}

/// A name to choose in a filter.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Choice {
    pub id: i64,
    pub name: String,
}

/// One column of a lane: how many cards pass the filters, and the first of them.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct ColumnView {
    pub stage: Stage,
    pub total: usize,
    pub cards: Vec<BoardCard>,
}

/// A row of columns: the whole board, or one bloc's swimlane.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct Lane {
    pub bloc: Option<Choice>,
    pub columns: Vec<ColumnView>,
}

/// The board as the page shows it: filtered, windowed, for one user.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct BoardView {
    pub campaign_name: String,
    pub year: i32,
    pub years: Vec<i32>,
    pub seq: i64,
    pub filters: BoardFilters,
    pub lanes: Vec<Lane>,
    /// The blocs and units of the cards the user may see, for the filters.
    pub blocs: Vec<Choice>,
    pub units: Vec<Choice>,
    /// Who is looking (the browser's pre-check of moves uses it).
    pub user: crate::types::auth::CurrentUser,
    pub calendar: shared::domain::CampaignYear,
    pub today: chrono::NaiveDate,
}

impl BoardView {
    /// Arranges the cards of a year's board that `visible` lets the user see (in column
    /// order) into lanes and windowed columns, copying only the cards it shows: the board
    /// itself is shared by every request (see `BoardPort::board`).
    pub fn arrange(
        board: &Board,
        visible: impl Fn(&BoardCard) -> bool,
        filters: BoardFilters,
        user: crate::types::auth::CurrentUser,
    ) -> BoardView {
        let mut blocs: Vec<Choice> = Vec::new();
        let mut units: Vec<Choice> = Vec::new();
        let mut seen_blocs = std::collections::HashSet::new();
        let mut seen_units = std::collections::HashSet::new();
        let cards: Vec<&BoardCard> = board.cards.iter().filter(|c| visible(c)).collect();
        for card in &cards {
            if seen_blocs.insert(card.bloc_id) {
                blocs.push(Choice {
                    id: card.bloc_id,
                    name: card.bloc_name.clone(),
                });
            }
            if seen_units.insert(card.unit_id) {
                units.push(Choice {
                    id: card.unit_id,
                    name: card.unit_name.clone(),
                });
            }
        }
        blocs.sort_by(|a, b| shared::text::compare_vi(&a.name, &b.name));
        units.sort_by(|a, b| shared::text::compare_vi(&a.name, &b.name));
        let empty_columns = || {
            Stage::ALL
                .into_iter()
                .map(|stage| ColumnView {
                    stage,
                    total: 0,
                    cards: Vec::new(),
                })
                .collect::<Vec<_>>()
        };
        let mut lanes: Vec<Lane> = if filters.lanes {
            blocs
                .iter()
                .filter(|b| filters.bloc.is_none_or(|f| f == b.id))
                .map(|b| Lane {
                    bloc: Some(b.clone()),
                    columns: empty_columns(),
                })
                .collect()
        } else {
            vec![Lane {
                bloc: None,
                columns: empty_columns(),
            }]
        };
        for card in cards {
            if !filters.admits(card) {
                continue;
            }
            let lane = if filters.lanes {
                lanes
                    .iter_mut()
                    .find(|l| l.bloc.as_ref().is_some_and(|b| b.id == card.bloc_id))
            } else {
                lanes.first_mut()
            };
            let Some(lane) = lane else { continue };
            let Some(column) = lane.columns.iter_mut().find(|c| c.stage == card.stage) else {
                continue;
            };
            column.total += 1;
            if column.cards.len() < COLUMN_WINDOW {
                column.cards.push(card.clone());
            }
        }
        BoardView {
            campaign_name: board.campaign_name.clone(),
            year: board.year,
            years: board.years.clone(),
            seq: board.seq,
            filters,
            lanes,
            blocs,
            units,
            user,
            calendar: board.calendar.clone(),
            today: board.today,
        }
    }
}

/// Where a moved card goes inside its target column.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Place {
    /// At the top of the column.
    Top,
    /// Right below this card (ignored, and the card goes to the top, if that card is no
    /// longer in the column).
    After(i64),
}

/// A move of one card, made against the version the user saw.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MoveRequest {
    pub id: i64,
    pub version: i64,
    pub to: Stage,
    pub place: Place,
    /// Required for backward moves and drops (II.3).
    pub reason: Option<String>,
    /// Reverses the user's own move with this event number, if nothing changed since.
    pub undo_of: Option<i64>,
}

/// What kind of change a move made.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum MoveAction {
    Move,
    Reorder,
    Undo,
    Create,
    Edit,
    SavePlan,
    ApprovePlan,
    Evaluate,
    Replicate,
    Score,
    SubmitSheet,
    DeclareConflict,
    CitySelect,
    Vote,
    /// A card of the next year, carried over from this one's.
    CarryOver,
    /// A document attached to the dossier.
    AttachDocument,
    /// A document of the dossier removed (kept in the history).
    RemoveDocument,
    /// S-3: a unit proposed a commendation.
    ProposeCommendation,
    /// S-3: the office decided a proposal.
    DecideCommendation,
    /// D-3: the City's answer on a model sent to it.
    CityAnswer,
    /// D-3: a model the City returned, sent again.
    CityResend,
}

impl MoveAction {
    pub const ALL: [MoveAction; 21] = [
        MoveAction::Move,
        MoveAction::Reorder,
        MoveAction::Undo,
        MoveAction::Create,
        MoveAction::Edit,
        MoveAction::SavePlan,
        MoveAction::ApprovePlan,
        MoveAction::Evaluate,
        MoveAction::Replicate,
        MoveAction::Score,
        MoveAction::SubmitSheet,
        MoveAction::DeclareConflict,
        MoveAction::CitySelect,
        MoveAction::Vote,
        MoveAction::CarryOver,
        MoveAction::AttachDocument,
        MoveAction::RemoveDocument,
        MoveAction::ProposeCommendation,
        MoveAction::DecideCommendation,
        MoveAction::CityAnswer,
        MoveAction::CityResend,
    ];

    /// The council's scoring changes (they reach the council's pages live, and stay out of
    /// the card's history).
    pub fn is_council(self) -> bool {
        matches!(
            self,
            MoveAction::Score
                | MoveAction::SubmitSheet
                | MoveAction::DeclareConflict
                | MoveAction::Vote
        )
    }

    pub fn code(self) -> &'static str {
        match self {
            MoveAction::Move => "move_nomination",
            MoveAction::Reorder => "reorder_nomination",
            MoveAction::Undo => "undo_move",
            MoveAction::Create => "create_nomination",
            MoveAction::Edit => "edit_nomination",
            MoveAction::SavePlan => "save_fostering_plan",
            MoveAction::ApprovePlan => "approve_fostering_plan",
            MoveAction::Evaluate => "record_evaluation",
            MoveAction::Replicate => "record_replication",
            MoveAction::Score => "save_score",
            MoveAction::SubmitSheet => "submit_scoresheet",
            MoveAction::DeclareConflict => "declare_conflict",
            MoveAction::CitySelect => "city_decision",
            MoveAction::Vote => "cast_vote",
            MoveAction::CarryOver => "carry_over",
            MoveAction::AttachDocument => "attach_document",
            MoveAction::RemoveDocument => "remove_document",
            MoveAction::ProposeCommendation => "propose_commendation",
            MoveAction::DecideCommendation => "decide_commendation",
            MoveAction::CityAnswer => "city_answer",
            MoveAction::CityResend => "city_resend",
        }
    }
}

/// What an audit entry records: its code is what the history stores (and hashes into its
/// chain), so every entry is written from here and the audit page's filter offers them all.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub enum AuditAction {
    Login,
    LoginFailed,
    LoginThrottled,
    LoginDisabled,
    Logout,
    CsrfRefused,
    /// A permission refused (it concerns security).
    Forbidden,
    AccountCreated,
    AccountUpdated,
    PasswordReset,
    BlocCreated,
    BlocUpdated,
    UnitCreated,
    UnitUpdated,
    CouncilSeated,
    CouncilUnseated,
    CampaignCreated,
    CampaignUpdated,
    CampaignYearUpdated,
    CriteriaUpdated,
    MovementCreated,
    MovementUpdated,
    CityDispatched,
    SaveSelection,
    OpenBallot,
    /// A member cast their ballot paper (what they chose is kept nowhere with them).
    TookPartInBallot,
    CloseBallot,
    SaveBlocReview,
    SubmitBlocReview,
    /// E-1: a unit's periodic report saved as a draft, or sent.
    SaveUnitReport,
    SendUnitReport,
    /// E-1: the Department's assessment in its compiled periodic report.
    SaveDepartmentReport,
    /// E-1, E-2: a conference recorded or changed.
    SaveConference,
    Export,
    /// From this row on, the history is chained with the audit key (HMAC).
    AuditKeyed,
    /// A change of a card, recorded with its event.
    Card(MoveAction),
}

impl AuditAction {
    /// Each action but a card's, with its code.
    const CODES: [(AuditAction, &'static str); 35] = [
        (AuditAction::Login, "login"),
        (AuditAction::LoginFailed, "login_failed"),
        (AuditAction::LoginThrottled, "login_throttled"),
        (AuditAction::LoginDisabled, "login_disabled"),
        (AuditAction::Logout, "logout"),
        (AuditAction::CsrfRefused, "csrf_refused"),
        (AuditAction::Forbidden, "forbidden"),
        (AuditAction::AccountCreated, "account_created"),
        (AuditAction::AccountUpdated, "account_updated"),
        (AuditAction::PasswordReset, "password_reset"),
        (AuditAction::BlocCreated, "bloc_created"),
        (AuditAction::BlocUpdated, "bloc_updated"),
        (AuditAction::UnitCreated, "unit_created"),
        (AuditAction::UnitUpdated, "unit_updated"),
        (AuditAction::CouncilSeated, "council_seated"),
        (AuditAction::CouncilUnseated, "council_unseated"),
        (AuditAction::CampaignCreated, "campaign_created"),
        (AuditAction::CampaignUpdated, "campaign_updated"),
        (AuditAction::CampaignYearUpdated, "campaign_year_updated"),
        (AuditAction::CriteriaUpdated, "criteria_updated"),
        (AuditAction::MovementCreated, "movement_created"),
        (AuditAction::MovementUpdated, "movement_updated"),
        (AuditAction::CityDispatched, "city_dispatched"),
        (AuditAction::SaveSelection, "save_selection"),
        (AuditAction::OpenBallot, "open_ballot"),
        (AuditAction::TookPartInBallot, "took_part_in_ballot"),
        (AuditAction::CloseBallot, "close_ballot"),
        (AuditAction::SaveBlocReview, "save_bloc_review"),
        (AuditAction::SubmitBlocReview, "submit_bloc_review"),
        (AuditAction::SaveUnitReport, "save_unit_report"),
        (AuditAction::SendUnitReport, "send_unit_report"),
        (AuditAction::SaveDepartmentReport, "save_department_report"),
        (AuditAction::SaveConference, "save_conference"),
        (AuditAction::Export, "export"),
        (AuditAction::AuditKeyed, "audit_keyed"),
    ];

    /// Every action, in the order the audit page offers them.
    pub fn all() -> Vec<AuditAction> {
        Self::CODES
            .iter()
            .map(|(action, _)| *action)
            .chain(MoveAction::ALL.into_iter().map(AuditAction::Card))
            .collect()
    }

    pub fn code(self) -> &'static str {
        match self {
            AuditAction::Card(action) => action.code(),
            other => Self::CODES
                .iter()
                .find(|(action, _)| *action == other)
                .map_or("unknown", |(_, code)| code),
        }
    }
}

impl From<AuditAction> for String {
    fn from(action: AuditAction) -> String {
        action.code().to_string()
    }
}

/// One change in a nomination's history.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct HistoryEntry {
    pub seq: i64,
    /// UTC, RFC 3339.
    pub at: String,
    pub by: String,
    pub action: MoveAction,
    pub from: Stage,
    pub to: Stage,
    pub reason: Option<String>,
}

/// A nomination as stored: its card, what was filled in, and its history.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NominationRecord {
    pub card: BoardCard,
    pub year: i32,
    pub draft: shared::domain::NominationDraft,
    /// UTC, RFC 3339.
    pub created_at: String,
    pub history: Vec<HistoryEntry>,
    /// F-1: the fostering plan, once one is made.
    pub plan: Option<PlanRecord>,
    /// E-1: the periodic evaluations recorded, in period order.
    pub evaluations: Vec<EvaluationRecord>,
    /// The nomination's campaign year: its deadlines and evaluation checkpoints.
    pub calendar: shared::domain::CampaignYear,
    /// The criteria the nomination's year is judged on.
    pub criteria: shared::domain::CriteriaSet,
    /// Where the model was replicated, oldest first.
    pub replications: Vec<crate::types::calendar::ReplicationRecord>,
    /// The exemplar's cards over the campaign's years (this one among them), oldest first:
    /// each carried over from the one before.
    #[serde(default)]
    pub years: Vec<crate::types::carry::YearRecord>,
    /// The campaign's emulation movements (the one named among them, if any).
    #[serde(default)]
    pub movements: Vec<shared::domain::Movement>,
    /// The dossier's documents, removed ones too (kept, marked so), oldest first.
    #[serde(default)]
    pub documents: Vec<DocumentRecord>,
    /// The commendations proposed for it (S-3), oldest first, with their decisions.
    #[serde(default)]
    pub commendations: Vec<CommendationRecord>,
}

/// Where a commendation proposal stands.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ProposalStatus {
    Proposed,
    Granted,
    Declined,
}

impl ProposalStatus {
    pub const ALL: [ProposalStatus; 3] = [
        ProposalStatus::Proposed,
        ProposalStatus::Granted,
        ProposalStatus::Declined,
    ];

    pub fn code(self) -> &'static str {
        match self {
            ProposalStatus::Proposed => "proposed",
            ProposalStatus::Granted => "granted",
            ProposalStatus::Declined => "declined",
        }
    }

    pub fn from_code(code: &str) -> Option<ProposalStatus> {
        Self::ALL.into_iter().find(|s| s.code() == code)
    }
}

/// A unit's proposal of a commendation (S-3) as stored, with the office's decision once
/// made.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CommendationRecord {
    pub id: i64,
    pub nomination_id: i64,
    pub proposal: shared::domain::commendation::Proposal,
    /// The achievement report's title, as the dossier lists it.
    pub report_title: String,
    pub proposed_on: chrono::NaiveDate,
    pub proposed_by: String,
    pub status: ProposalStatus,
    pub decision: Option<shared::domain::commendation::Decision>,
    /// Who recorded the decision, and when (UTC, RFC 3339).
    pub decided: Option<(String, String)>,
    pub version: i64,
}

/// A document of the dossier as stored: its file is content-addressed on the server's disk
/// and downloaded from `/documents/{id}` by those who may read the nomination.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct DocumentRecord {
    pub id: i64,
    pub nomination_id: i64,
    pub document: shared::domain::dossier::Document,
    pub file_type: shared::domain::dossier::FileType,
    pub size: u64,
    /// The content's SHA-256 (lowercase hex): where the server keeps the file.
    pub sha256: String,
    pub uploaded_by: String,
    /// UTC, RFC 3339.
    pub uploaded_at: String,
    /// Who removed it and when (UTC, RFC 3339): removed documents stay in the history.
    pub removed: Option<(String, String)>,
}

impl NominationRecord {
    /// The next year's card this one was carried over into, if it was: this year's record
    /// is then closed (the server refuses changes to it; its evaluations may still be filed).
    pub fn carried_on(&self) -> Option<&crate::types::carry::YearRecord> {
        self.years.iter().find(|y| y.year > self.card.year)
    }

    /// What the dossier's documents not removed hold together, in bytes.
    pub fn dossier_bytes(&self) -> u64 {
        self.documents
            .iter()
            .filter(|d| d.removed.is_none())
            .map(|d| d.size)
            .sum()
    }
}

/// A nomination's fostering plan (F-1) with its version and approval.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct PlanRecord {
    pub plan: shared::domain::FosteringPlan,
    pub version: i64,
    /// UTC, RFC 3339.
    pub updated_at: String,
    pub updated_by: String,
    pub approved_at: Option<String>,
    pub approved_by: Option<String>,
}

/// A periodic evaluation (E-1) and who recorded it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct EvaluationRecord {
    pub evaluation: shared::domain::Evaluation,
    /// UTC, RFC 3339.
    pub recorded_at: String,
    pub recorded_by: String,
}

/// The card detail page's data.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NominationView {
    pub record: NominationRecord,
    pub can_edit: bool,
    /// May make or change the fostering plan (F-1).
    pub can_plan: bool,
    /// May approve the plan (the unit head).
    pub can_approve: bool,
    /// May record a periodic evaluation (E-1).
    pub can_evaluate: bool,
    /// May record where the model was replicated.
    pub can_replicate: bool,
    /// Today, by the server's clock (for the evaluation form's instant check).
    pub today: chrono::NaiveDate,
    /// May attach documents to the dossier and remove them.
    #[serde(default)]
    pub can_attach: bool,
    /// How much a file and the dossier may hold (the installation's settings).
    #[serde(default)]
    pub document_limits: shared::domain::dossier::DocumentLimits,
    /// May propose a commendation (the unit's staff and head, the office).
    #[serde(default)]
    pub can_propose: bool,
    /// May decide a proposal (the office).
    #[serde(default)]
    pub can_decide: bool,
}

/// A stretch of time a nomination spent in one stage.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct StageSpan {
    pub stage: Stage,
    pub from: String,
    /// None while it is still there.
    pub to: Option<String>,
    pub days: i64,
}

/// The stages a nomination went through, with the time spent in each (whole days),
/// from its creation and its history of accepted moves; `now` closes the last span.
pub fn stage_spans(
    record: &NominationRecord,
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<StageSpan> {
    spans_of(&record.created_at, record.card.stage, &record.history, now)
}

fn spans_of(
    created_at: &str,
    current: Stage,
    history: &[HistoryEntry],
    now: chrono::DateTime<chrono::Utc>,
) -> Vec<StageSpan> {
    let parse = |t: &str| {
        chrono::DateTime::parse_from_rfc3339(t)
            .map(|d| d.with_timezone(&chrono::Utc))
            .ok()
    };
    // A card carried over from the year before starts in the stage it was carried into;
    // where it stood then is the earlier year's record.
    let carried_into = history
        .iter()
        .find(|h| h.action == MoveAction::CarryOver)
        .map(|h| h.to);
    let moves: Vec<&HistoryEntry> = history
        .iter()
        .filter(|h| h.from != h.to && h.action != MoveAction::CarryOver)
        .collect();
    let mut spans = Vec::new();
    let mut stage = carried_into
        .or_else(|| moves.first().map(|h| h.from))
        .unwrap_or(current);
    let mut since = created_at.to_string();
    for h in moves {
        let days = match (parse(&since), parse(&h.at)) {
            (Some(a), Some(b)) => (b - a).num_days(),
            _ => 0,
        };
        spans.push(StageSpan {
            stage,
            from: since.clone(),
            to: Some(h.at.clone()),
            days,
        });
        stage = h.to;
        since = h.at.clone();
    }
    let days = parse(&since).map(|a| (now - a).num_days()).unwrap_or(0);
    spans.push(StageSpan {
        stage,
        from: since,
        to: None,
        days,
    });
    spans
}

/// A collective nomination a unit head's nomination can go with (C-C4).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CollectiveOption {
    pub id: i64,
    pub name: String,
    pub unit_id: i64,
}

/// What the create and edit form needs.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct NominationFormData {
    /// None for a new nomination.
    pub id: Option<i64>,
    pub version: i64,
    pub year: i32,
    pub draft: shared::domain::NominationDraft,
    /// The units the user may create nominations for (the stored unit when editing).
    pub units: Vec<Choice>,
    pub collectives: Vec<CollectiveOption>,
    /// The criteria of the year (the evidence asked for, per kind).
    pub criteria: shared::domain::CriteriaSet,
    /// The campaign's emulation movements: the live ones are offered, a retired one only
    /// when the nomination names it already.
    #[serde(default)]
    pub movements: Vec<shared::domain::Movement>,
}

/// An accepted change of a card, as stored in the event log and pushed to live boards.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct CardEvent {
    /// The event log's sequence number (the SSE `id`).
    pub seq: i64,
    pub action: MoveAction,
    pub by: String,
    /// The stage before the change.
    pub from: Stage,
    /// The card after the change.
    pub card: BoardCard,
}

/// One entry of the audit history, as written.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditEntry {
    pub actor_id: Option<i64>,
    pub actor_name: String,
    pub action: String,
    pub object_type: String,
    pub object_id: Option<String>,
    pub before: Option<String>,
    pub after: Option<String>,
    pub address: Option<String>,
}

impl AuditEntry {
    /// A change `by` a user of an object (type, id): what it was (`before`, None when it is
    /// new) and what it is now, as the audit history keeps them.
    pub fn change(
        by: &crate::types::auth::CurrentUser,
        action: AuditAction,
        object: (&str, String),
        before: Option<String>,
        after: String,
    ) -> AuditEntry {
        AuditEntry {
            actor_id: Some(by.user_id),
            actor_name: by.username.clone(),
            action: action.into(),
            object_type: object.0.into(),
            object_id: Some(object.1),
            before,
            after: Some(after),
            address: None,
        }
    }

    /// A refusal (it concerns security): who, on what, what they asked (`asked`: the
    /// action, or the request the action was judged from) and why not. Written the same
    /// whether the server function refuses before any write or the write refuses inside.
    pub fn refusal(
        by: &crate::types::auth::CurrentUser,
        object: (&str, Option<String>),
        asked: &impl Serialize,
        denied: shared::auth::Denied,
    ) -> AuditEntry {
        AuditEntry {
            actor_id: Some(by.user_id),
            actor_name: by.username.clone(),
            action: AuditAction::Forbidden.into(),
            object_type: object.0.into(),
            object_id: object.1,
            after: serde_json::to_string(&(asked, denied)).ok(),
            ..Default::default()
        }
    }
}

/// One stored entry, as the audit page shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditRowView {
    pub id: i64,
    /// UTC, RFC 3339.
    pub at: String,
    pub entry: AuditEntry,
}

/// Which entries to show: newest first, `limit` of them, older than `before_id`.
#[derive(Debug, Clone, Default, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditFilter {
    pub action: Option<String>,
    pub actor: Option<String>,
    pub before_id: Option<i64>,
}

/// Whether the hash chain of the whole history holds.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum ChainStatus {
    Intact { rows: usize },
    Broken { row_id: i64 },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AuditPage {
    pub rows: Vec<AuditRowView>,
    pub chain: ChainStatus,
    /// The id to pass as `before_id` for the next (older) page, if there is one.
    pub older: Option<i64>,
}

pub const AUDIT_PAGE_SIZE: usize = 100;

/// An account as the administration page shows it (never its password hash).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountView {
    pub id: i64,
    pub username: String,
    pub display_name: String,
    pub position: String,
    pub unit_id: Option<i64>,
    pub unit_name: Option<String>,
    pub roles: std::collections::BTreeSet<shared::auth::Role>,
    pub active: bool,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitOption {
    pub id: i64,
    pub name: String,
    pub bloc_name: String,
}

/// The editable fields of an account (validated before they reach the repository).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountFields {
    pub display_name: String,
    pub position: String,
    pub unit_id: Option<i64>,
    pub roles: std::collections::BTreeSet<shared::auth::Role>,
    pub active: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct AccountsOverview {
    pub accounts: Vec<AccountView>,
    pub units: Vec<UnitOption>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BlocRow {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub head_unit_id: Option<i64>,
    pub version: i64,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct UnitRow {
    pub id: i64,
    pub code: String,
    pub name: String,
    pub bloc_id: i64,
    pub version: i64,
}

/// One account and whether it sits on the council of the current campaign.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilSeat {
    pub user_id: i64,
    pub username: String,
    pub display_name: String,
    pub unit_name: Option<String>,
    pub member: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct Organisation {
    pub blocs: Vec<BlocRow>,
    pub units: Vec<UnitRow>,
    pub campaign_name: String,
    pub council: Vec<CouncilSeat>,
}

#[cfg(test)]
mod tests {
    use super::*;
    use shared::i18n::{audit_action_label, Lang};

    fn entry(seq: i64, at: &str, action: MoveAction, from: Stage, to: Stage) -> HistoryEntry {
        HistoryEntry {
            seq,
            at: at.into(),
            by: "office".into(),
            action,
            from,
            to,
            reason: None,
        }
    }

    #[test]
    fn a_carried_card_starts_in_the_stage_it_was_carried_into() {
        let now = chrono::DateTime::parse_from_rfc3339("2027-03-11T00:00:00Z")
            .unwrap()
            .with_timezone(&chrono::Utc);
        let history = [
            entry(
                1,
                "2027-01-01T00:00:00Z",
                MoveAction::CarryOver,
                Stage::Evaluating,
                Stage::Fostering,
            ),
            entry(
                2,
                "2027-03-01T00:00:00Z",
                MoveAction::Move,
                Stage::Fostering,
                Stage::Evaluating,
            ),
        ];
        let spans = spans_of("2027-01-01T00:00:00Z", Stage::Evaluating, &history, now);
        let seen: Vec<_> = spans.iter().map(|s| (s.stage, s.days)).collect();
        assert_eq!(seen, [(Stage::Fostering, 59), (Stage::Evaluating, 10)]);
        // A card made this year starts where its first move left from.
        let made = spans_of(
            "2027-01-01T00:00:00Z",
            Stage::Evaluating,
            &history[1..],
            now,
        );
        assert_eq!(made[0].stage, Stage::Fostering);
        assert_eq!(made.len(), 2);
    }

    #[test]
    fn every_audit_action_has_its_own_code_and_a_label_in_both_languages() {
        let all = AuditAction::all();
        let mut codes: Vec<&str> = all.iter().map(|a| a.code()).collect();
        codes.sort_unstable();
        codes.dedup();
        assert_eq!(codes.len(), all.len(), "two actions share a code");
        for action in all {
            for lang in [Lang::Vi, Lang::En] {
                let label = audit_action_label(lang, action.code());
                assert_ne!(label, action.code(), "{action:?} has no {lang:?} label");
            }
        }
    }
}

/// A campaign as the administrator's list shows it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignRow {
    pub id: i64,
    pub name: String,
    pub decision: String,
    pub start_year: i32,
    pub end_year: i32,
    /// Grows with each edit of the name, decision or years.
    pub version: i64,
}

/// One year of a campaign as the administrator edits it: its calendar and numbers, and the
/// version the edit replaces (0: never stored, the plan's defaults).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignYearRow {
    pub calendar: shared::domain::CampaignYear,
    pub version: i64,
}

/// `/admin/setup`: how far a new install has come, step by step (the administrator's
/// guide: organisation → campaign → criteria → council → accounts).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SetupStatus {
    pub blocs: usize,
    pub units: usize,
    /// The campaign running today (or the latest), if any.
    pub campaign: Option<CampaignRow>,
    /// The criteria version today's year of that campaign is judged on.
    pub criteria_version: i64,
    /// Members seated on that campaign's council.
    pub council: usize,
    /// Active accounts working for a unit (staff, heads).
    pub unit_accounts: usize,
}

/// A campaign's criteria: the version each year is judged on, and every version in use.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignCriteria {
    pub campaign: CampaignRow,
    pub years: Vec<YearCriteria>,
    /// The versions the years use, oldest first.
    pub versions: Vec<CriteriaVersion>,
    /// The campaign's latest stored version: a save is made over it (0: none stored).
    pub latest_version: i64,
    /// The year the page opens on: the first the council has not begun, or the last.
    pub open_year: i32,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct YearCriteria {
    pub year: i32,
    /// 0: none stored (the plan's criteria).
    pub version: i64,
    /// The council has begun scoring the year: its criteria cannot change any more.
    pub frozen: bool,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CriteriaVersion {
    pub version: i64,
    /// Who stored it, when (UTC, RFC 3339), and the year it was made to apply from (none
    /// for version 0, the plan's).
    pub made: Option<(i32, String, String)>,
    pub set: shared::domain::CriteriaSet,
}

/// One of a campaign's emulation movements, with how many nominations name it.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MovementRow {
    pub movement: shared::domain::Movement,
    pub nominations: u32,
}

/// A campaign and its emulation movements, as the administrator keeps them.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignMovements {
    pub campaign: CampaignRow,
    pub movements: Vec<MovementRow>,
}

/// A campaign and each of its years.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CampaignYears {
    pub campaign: CampaignRow,
    pub years: Vec<CampaignYearRow>,
    /// The year the page opens on: today's, or the campaign's nearest.
    pub open_year: i32,
}
