//! The council's scoring (S-2): what each member sees of the nominations to score, their
//! own scoresheet, and — once they have submitted theirs, or always for the office — the
//! others' scores, the totals and the ranking.

use serde::{Deserialize, Serialize};
use shared::domain::{NomineeKind, Stage};
use shared::rules::council::Aggregate;
use std::collections::BTreeMap;

/// Where the user's own scoresheet for one nomination stands.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "state", rename_all = "snake_case")]
pub enum SheetState {
    /// A member of the nominee's unit does not score it.
    Recused,
    /// The member declared a conflict of interest.
    Conflict {
        reason: String,
    },
    /// Scores given so far, of the criteria to score.
    Open {
        scored: u32,
        total: u32,
    },
    Submitted,
    /// The office does not score; it watches.
    Office,
}

/// One nomination on the council's list.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilRow {
    pub id: i64,
    pub name: String,
    pub kind: NomineeKind,
    pub unit_name: String,
    pub bloc_id: i64,
    pub bloc_name: String,
    pub stage: Stage,
    pub mine: SheetState,
    /// The totals: for the office always, for a member once their own sheet is submitted.
    pub aggregate: Option<Aggregate>,
    /// Rank by the shared tie-break (1 = first), where the aggregate is shown.
    pub rank: Option<usize>,
}

/// A council member's progress (shown to the office).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct MemberProgress {
    pub name: String,
    pub submitted: u32,
    /// Nominations the member may score (not recused, no conflict).
    pub total: u32,
}

/// `/council`.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CouncilList {
    /// The event log's sequence number this list is current to (live updates follow it).
    pub seq: i64,
    pub year: i32,
    pub campaign_name: String,
    pub rows: Vec<CouncilRow>,
    pub is_office: bool,
    pub members: Vec<MemberProgress>,
    /// S-2: how many models the year sends the City, and the decision once taken.
    pub quota: shared::domain::Quota,
    /// S-2: the year's default share of the council a ballot item needs to pass (%).
    pub pass_share_pct: u8,
    pub decision: Option<CityDecision>,
    /// D-3: the last day the list reaches the City on time (the year's calendar).
    pub city_deadline: chrono::NaiveDate,
    /// The council's ballot on a shortlist, once the office opens one.
    pub ballot: Option<BallotView>,
    /// Today by the server's clock (the decision's default date).
    pub today: chrono::NaiveDate,
}

/// The council's secret ballot on a shortlist (★): who took part is known, how anyone
/// voted never is; results show only once it is closed, with the quorum, all together.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BallotView {
    pub open: bool,
    /// A nomination passes with at least this share of the whole council agreeing.
    pub share_pct: u8,
    /// The share of the council that must take part before it closes.
    pub quorum_pct: u8,
    /// The whole council (as it was at closing, once closed).
    pub council: usize,
    /// Members who have cast their paper.
    pub took_part: usize,
    /// Whether the viewer (a member) has cast theirs.
    pub voted: bool,
    /// Whether the viewer may cast a paper now: a seated member, open, not yet cast.
    pub can_cast: bool,
    pub items: Vec<BallotItem>,
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct BallotItem {
    pub id: i64,
    pub name: String,
    /// Whether the viewer may vote on it: a seated member, not their unit's, no declared
    /// conflict, the ballot open and their paper not yet cast.
    pub can_vote: bool,
    /// The tally, once the ballot is closed.
    pub result: Option<shared::rules::council::BallotResult>,
}

/// One choice on a ballot paper.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
pub struct BallotChoice {
    pub id: i64,
    pub agree: bool,
}

/// S-2: the year's models for the City, as decided.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CityDecision {
    pub decided_on: chrono::NaiveDate,
    pub recorded_by: String,
    /// UTC, RFC 3339.
    pub recorded_at: String,
    pub nominations: Vec<i64>,
    /// D-3: the list's dispatch to the City, once the office has recorded it.
    pub dispatch: Option<CityDispatch>,
}

/// D-3: the Department's dispatch of the year's list to the City.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CityDispatch {
    pub number: String,
    pub sent_on: chrono::NaiveDate,
    pub recorded_by: String,
    /// UTC, RFC 3339.
    pub recorded_at: String,
    /// What it carried: the decision's models as they were named on the day.
    pub sent: Vec<SentModel>,
}

/// One model of the list sent to the City.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SentModel {
    pub id: i64,
    pub name: String,
    pub unit: String,
    /// What happened to it since, oldest first: the City's answers and its sendings again.
    #[serde(default)]
    pub steps: Vec<CityStep>,
}

impl SentModel {
    /// Where it stands: awaiting an answer since the dispatch (`sent_on`) or its last
    /// sending again, or answered.
    pub fn state(&self, sent_on: chrono::NaiveDate) -> shared::rules::city_answer::CityItemState {
        use shared::rules::city_answer::CityItemState;
        match self.steps.last().map(|s| &s.step) {
            None => CityItemState::Awaiting { since: sent_on },
            Some(CityStepKind::Resend { on }) => CityItemState::Awaiting { since: *on },
            Some(CityStepKind::Answer(a)) => CityItemState::Answered {
                outcome: a.outcome,
                on: a.answered_on,
            },
        }
    }
}

/// A step of a sent model (D-3).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub enum CityStepKind {
    Answer(shared::rules::city_answer::CityAnswer),
    Resend { on: chrono::NaiveDate },
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct CityStep {
    pub step: CityStepKind,
    pub recorded_by: String,
    /// UTC, RFC 3339.
    pub recorded_at: String,
}

/// One criterion of the user's sheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetCriterion {
    pub code: String,
    pub weight: u8,
    pub score: Option<u8>,
    pub comment: String,
}

/// Another member's sheet, shown after one's own is submitted (or to the office).
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct OtherSheet {
    pub member: String,
    pub submitted: bool,
    pub conflict: bool,
    pub total_milli: Option<i64>,
    pub scores: BTreeMap<String, u8>,
}

/// `/council/{id}`: the user's scoresheet for one nomination.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
pub struct SheetView {
    pub seq: i64,
    pub id: i64,
    pub name: String,
    pub kind: NomineeKind,
    pub unit_name: String,
    pub stage: Stage,
    pub state: SheetState,
    /// The member's own scores and comments (empty for the office).
    pub criteria: Vec<SheetCriterion>,
    /// The criteria of the nominee's kind that its year is judged on (labels, weights,
    /// floors), for everyone who sees the sheet.
    pub kind_criteria: Vec<shared::domain::Criterion>,
    /// When the dossier was last edited after the council began scoring it (UTC, RFC 3339):
    /// the sheet says so, so that no member scores on what they read before.
    pub dossier_changed_at: Option<String>,
    /// None while the user may not see them (blind until submitted).
    pub others: Option<Vec<OtherSheet>>,
    pub aggregate: Option<Aggregate>,
}

/// What a member changes on their own scoresheet.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, Deserialize)]
#[serde(tag = "change", rename_all = "snake_case")]
pub enum SheetChange {
    /// A score (None: cleared) and comment on one criterion, saved as the member types.
    Score {
        criterion: String,
        score: Option<i64>,
        comment: String,
    },
    /// The sheet is final; the others' scores become visible.
    Submit,
    /// The member does not score this nomination, for the reason given.
    Conflict { reason: String },
}
