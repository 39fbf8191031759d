//! The data-access ports the app needs, one per feature; `Repository` is all of them. The
//! server implements each for each database backend (SQLite, PostgreSQL), so nothing in
//! `app` knows which database is behind it. A caller brings the feature's port into scope
//! (`use crate::ports::BoardPort;`) and calls `ctx.repo.board(…)`.

pub mod accounts;
pub mod audit;
pub mod ballot;
pub mod board;
pub mod calendar;
pub mod council;
pub mod fostering;
pub mod nominations;
pub mod org;
pub mod selections;
pub mod summary;

pub use accounts::AccountsPort;
pub use audit::AuditPort;
pub use ballot::BallotPort;
pub use board::BoardPort;
pub use calendar::CalendarPort;
pub use council::CouncilPort;
pub use fostering::FosteringPort;
pub use nominations::NominationsPort;
pub use org::OrgPort;
pub use selections::SelectionsPort;
pub use summary::SummaryPort;

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

/// Every feature's port: what the server implements for each backend.
pub trait Repository:
    AccountsPort
    + AuditPort
    + BallotPort
    + BoardPort
    + CalendarPort
    + CouncilPort
    + FosteringPort
    + NominationsPort
    + OrgPort
    + SelectionsPort
    + SummaryPort
    + Send
    + Sync
    + 'static
{
}

impl<T> Repository for T where
    T: AccountsPort
        + AuditPort
        + BallotPort
        + BoardPort
        + CalendarPort
        + CouncilPort
        + FosteringPort
        + NominationsPort
        + OrgPort
        + SelectionsPort
        + SummaryPort
        + Send
        + Sync
        + 'static
        + ?Sized
{
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
