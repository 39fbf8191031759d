//! The data-access port the app needs. The server implements it for each database backend
//! (SQLite, PostgreSQL), so nothing in `app` knows which database is behind it.

use crate::auth::CurrentUser;
use crate::model::{
    AccountFields, AccountView, AuditEntry, AuditFilter, AuditPage, Board, BoardCard, BoardQuery,
    CardEvent, MoveRequest, Organisation, UnitOption,
};
use async_trait::async_trait;
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RepoError {
    #[error("not found")]
    NotFound,
    #[error("database unavailable: {0}")]
    Unavailable(String),
    /// The object changed since the version the writer saw.
    #[error("stale version: changed by {by:?} at {at:?}")]
    Conflict {
        by: Option<String>,
        at: Option<String>,
    },
    /// A unique value (such as a username) is taken.
    #[error("already exists")]
    Duplicate,
    /// Refused by a rule checked against stored data.
    #[error("invalid: {0:?}")]
    Invalid(shared::domain::InputError),
    /// Refused by the permission rules, checked against stored data inside the transaction.
    #[error("denied: {0:?}")]
    Denied(shared::auth::Denied),
    /// Refused by the domain rules (a move's guards), checked inside the transaction.
    #[error("refused by rules: {0:?}")]
    Rules(Vec<shared::rules::Violation>),
}

impl From<crate::moves::Refusal> for RepoError {
    fn from(r: crate::moves::Refusal) -> Self {
        match r {
            crate::moves::Refusal::Denied(d) => RepoError::Denied(d),
            crate::moves::Refusal::Rules(v) => RepoError::Rules(v),
        }
    }
}

pub type RepoResult<T> = Result<T, RepoError>;

#[async_trait]
pub trait Repository: Send + Sync + 'static {
    /// Answers when the database does (used by `/healthz`).
    async fn ping(&self) -> RepoResult<()>;

    /// The board for a campaign year (every card of it; the caller filters by permission),
    /// read in one snapshot with the event sequence number it is current to.
    /// `NotFound` when there is no such year.
    async fn board(&self, query: &BoardQuery, today: chrono::NaiveDate) -> RepoResult<Board>;

    /// One card as it is now.
    async fn card(&self, id: i64) -> RepoResult<BoardCard>;

    /// Makes a move in one transaction: the version, the permission and the rules are
    /// checked on the stored data (see [`crate::moves`]), the card, the event log and the
    /// audit history are written together, and the change is published to live clients.
    /// A refused permission is recorded in the audit history.
    async fn move_nomination(
        &self,
        by: &CurrentUser,
        request: &MoveRequest,
        today: chrono::NaiveDate,
    ) -> RepoResult<CardEvent>;

    /// A nomination with what was filled in and its history.
    async fn nomination(&self, id: i64) -> RepoResult<crate::model::NominationRecord>;

    /// The collective nominations of a campaign year (for C-C4's link).
    async fn collectives(&self, year: i32) -> RepoResult<Vec<crate::model::CollectiveOption>>;

    /// Creates a nomination (`id` None) in campaign year `year`, at the top of the
    /// "discovered" column, or changes one still at `version` (its unit and kind stay;
    /// permission to edit is checked on the stored nomination inside the transaction).
    /// The draft must have passed `NominationDraft::validate`. Recorded and published
    /// like a move.
    async fn save_nomination(
        &self,
        id: Option<i64>,
        version: i64,
        year: i32,
        draft: &shared::domain::NominationDraft,
        by: &CurrentUser,
    ) -> RepoResult<CardEvent>;

    /// Makes a nomination's fostering plan (F-1) when `version` is 0, or replaces the one
    /// still at `version` (an edit clears the unit head's approval). Permission, stage and
    /// `rules::fostering::check_plan` are checked on the stored nomination inside one
    /// transaction; recorded and published like a move. Returns the plan's new version.
    async fn save_plan(
        &self,
        id: i64,
        version: i64,
        draft: &shared::domain::PlanDraft,
        by: &CurrentUser,
    ) -> RepoResult<(CardEvent, i64)>;

    /// The unit head approves the fostering plan still at `version`.
    async fn approve_plan(
        &self,
        id: i64,
        version: i64,
        by: &CurrentUser,
    ) -> RepoResult<(CardEvent, i64)>;

    /// Records a periodic evaluation (E-1), checked with
    /// `rules::evaluation::check_evaluation` on the stored data inside one transaction.
    async fn record_evaluation(
        &self,
        id: i64,
        draft: &shared::domain::EvaluationDraft,
        by: &CurrentUser,
        today: chrono::NaiveDate,
    ) -> RepoResult<CardEvent>;

    /// Records where a model was replicated, checked with
    /// `rules::evaluation::check_replication` on the stored data inside one transaction.
    async fn record_replication(
        &self,
        id: i64,
        draft: &shared::domain::ReplicationDraft,
        by: &CurrentUser,
        today: chrono::NaiveDate,
    ) -> RepoResult<CardEvent>;

    /// Every deadline of a campaign year (the current one when `year` is None) with where
    /// each unit, bloc and the office stands, counted from the records.
    async fn calendar(
        &self,
        year: Option<i32>,
        today: chrono::NaiveDate,
    ) -> RepoResult<crate::calendar::CalendarView>;

    /// One period's selection for the City, and what may go on it.
    async fn selection(
        &self,
        year: Option<i32>,
        period: shared::domain::SelectionPeriod,
        today: chrono::NaiveDate,
    ) -> RepoResult<crate::calendar::SelectionView>;

    /// Replaces a period's selection if still at `version` (0: never saved); the office
    /// only (checked inside). Returns the new version.
    async fn save_selection(
        &self,
        year: i32,
        period: shared::domain::SelectionPeriod,
        version: i64,
        ids: &[i64],
        by: &CurrentUser,
    ) -> RepoResult<i64>;

    /// The council's list for the current campaign year as `user` may see it (a member of
    /// this year's council, or the office; anyone else is refused).
    async fn council_list(
        &self,
        user: &CurrentUser,
        today: chrono::NaiveDate,
    ) -> RepoResult<crate::council::CouncilList>;

    /// The user's scoresheet for one nomination, and the others' once theirs is submitted.
    async fn council_sheet(
        &self,
        id: i64,
        user: &CurrentUser,
    ) -> RepoResult<crate::council::SheetView>;

    /// Changes the member's own scoresheet, checked on the stored data, and recorded.
    async fn council_change(
        &self,
        id: i64,
        change: &crate::council::SheetChange,
        user: &CurrentUser,
    ) -> RepoResult<crate::council::SheetState>;

    /// S-2: the office records the year's 3 to 5 models for the City (dated `decided_on`);
    /// their cards carry the City badge, the others of the year lose it, and the year's
    /// scores are locked. Returns the changed cards' events (published live).
    async fn decide_for_city(
        &self,
        decided_on: chrono::NaiveDate,
        ids: &[i64],
        by: &CurrentUser,
        today: chrono::NaiveDate,
    ) -> RepoResult<Vec<CardEvent>>;

    /// Opens the year's ballot on `ids` (the office; one ballot a year, before the decision).
    /// `share_pct`: the share of the whole council a nomination needs (50 to 100).
    async fn open_ballot(
        &self,
        ids: &[i64],
        share_pct: i64,
        by: &CurrentUser,
        today: chrono::NaiveDate,
    ) -> RepoResult<()>;

    /// A council member's secret vote on one nomination of the open ballot, once.
    async fn cast_vote(&self, id: i64, agree: bool, by: &CurrentUser) -> RepoResult<()>;

    /// Closes the year's ballot (the office); its results are then final and shown.
    async fn close_ballot(&self, by: &CurrentUser, today: chrono::NaiveDate) -> RepoResult<()>;

    /// What the summary shows besides the cards' counts: the campaign year (the current
    /// one when `year` is None), its calendar, the blocs and units, the blocs' reviews.
    async fn summary_frame(
        &self,
        year: Option<i32>,
        today: chrono::NaiveDate,
    ) -> RepoResult<crate::summary::SummaryFrame>;

    /// A bloc's review (D-2) of a campaign year with the bloc's exemplars, as `user` may
    /// see it (the bloc's head, the office, leadership; anyone else is refused).
    async fn bloc_review(
        &self,
        bloc_id: i64,
        year: Option<i32>,
        user: &CurrentUser,
        today: chrono::NaiveDate,
    ) -> RepoResult<crate::summary::BlocReviewView>;

    /// Saves the bloc's review if still at `version` (0: never saved), and with `submit`
    /// sends it to the Department, after which it is final. Permission and
    /// `rules::review::check_review` are checked on the stored data inside one
    /// transaction; recorded in the audit history. Returns the new version.
    #[allow(clippy::too_many_arguments)]
    async fn save_bloc_review(
        &self,
        bloc_id: i64,
        year: i32,
        version: i64,
        draft: &shared::rules::review::ReviewDraft,
        submit: bool,
        by: &CurrentUser,
        today: chrono::NaiveDate,
    ) -> RepoResult<i64>;

    /// The City list (D-3) of a campaign year: the models registered with the City.
    async fn city_list(
        &self,
        year: Option<i32>,
        today: chrono::NaiveDate,
    ) -> RepoResult<crate::exports::CityList>;

    /// The card events after sequence number `after`, oldest first, at most `limit`.
    async fn events_after(&self, after: i64, limit: i64) -> RepoResult<Vec<CardEvent>>;

    /// Live card events as they are committed (a lagging receiver recovers with
    /// [`Repository::events_after`]).
    fn subscribe(&self) -> tokio::sync::broadcast::Receiver<std::sync::Arc<CardEvent>>;

    /// Appends to the tamper-evident audit history.
    async fn record_audit(&self, entry: &AuditEntry) -> RepoResult<()>;

    /// A page of the audit history, newest first, with the state of its hash chain.
    async fn audit_page(&self, filter: &AuditFilter) -> RepoResult<AuditPage>;

    async fn list_accounts(&self) -> RepoResult<Vec<AccountView>>;
    async fn list_units(&self) -> RepoResult<Vec<UnitOption>>;

    /// Creates an account and records it in the audit history, in one transaction.
    async fn create_account(
        &self,
        username: &str,
        fields: &AccountFields,
        password_hash: &str,
        by: &CurrentUser,
    ) -> RepoResult<AccountView>;

    /// Changes an account if it is still at `version`; a disabled account's sessions end.
    async fn update_account(
        &self,
        id: i64,
        version: i64,
        fields: &AccountFields,
        by: &CurrentUser,
    ) -> RepoResult<AccountView>;

    /// Blocs, units and the council of the current campaign.
    async fn organisation(&self) -> RepoResult<Organisation>;

    /// Creates (`id` None) or changes a bloc at `version`. The head unit, if any, must be
    /// one of the bloc's units (checked inside the transaction).
    async fn save_bloc(
        &self,
        id: Option<i64>,
        version: i64,
        code: &str,
        name: &str,
        head_unit_id: Option<i64>,
        by: &CurrentUser,
    ) -> RepoResult<()>;

    /// Creates (`id` None) or changes a unit at `version`.
    async fn save_unit(
        &self,
        id: Option<i64>,
        version: i64,
        code: &str,
        name: &str,
        bloc_id: i64,
        by: &CurrentUser,
    ) -> RepoResult<()>;

    /// Seats or unseats an account on the council of the current campaign.
    async fn set_council_member(
        &self,
        user_id: i64,
        member: bool,
        by: &CurrentUser,
    ) -> RepoResult<()>;

    /// The stored password hash and version of an account (for changing one's own password).
    async fn password_of(&self, user_id: i64) -> RepoResult<(String, i64)>;

    /// Sets a new password if the account is still at `version`, ending its sessions.
    async fn set_password(
        &self,
        id: i64,
        version: i64,
        password_hash: &str,
        by: &CurrentUser,
    ) -> RepoResult<AccountView>;
}

/// What the server hands to every server function and page render through Leptos context.
#[derive(Clone)]
pub struct AppContext {
    pub repo: Arc<dyn Repository>,
    pub clock: Clock,
    /// The summary's running tallies (shared by every request).
    pub summary: Arc<crate::summary::SummaryHub>,
}

/// Today's date for the rules: the calendar in UTC+7, or a fixed date (tests and demos of
/// deadlines set `EXEMPLAR_TODAY`).
#[derive(Debug, Clone, Copy, Default)]
pub struct Clock {
    pub fixed: Option<chrono::NaiveDate>,
}

impl Clock {
    pub fn today(&self) -> chrono::NaiveDate {
        self.fixed
            .unwrap_or_else(|| (chrono::Utc::now() + chrono::Duration::hours(7)).date_naive())
    }
}
