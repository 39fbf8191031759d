//! The data-access ports the app needs, one per feature; `Repository` is all of them. The
//! server implements each for each database backend (SQLite, PostgreSQL), so nothing in
//! `app` knows which database is behind it. A caller brings the feature's port into scope
//! (`use crate::ports::BoardPort;`) and calls `ctx.repo.board(…)`.

pub mod accounts;
pub mod audit;
pub mod ballot;
pub mod board;
pub mod calendar;
pub mod campaigns;
pub mod carry;
pub mod commendations;
pub mod conferences;
pub mod council;
pub mod dossier;
pub mod fostering;
pub mod nominations;
pub mod org;
pub mod reports;
pub mod selections;
pub mod summary;

use crate::error::AppError;

pub use accounts::AccountsPort;
pub use audit::AuditPort;
pub use ballot::BallotPort;
pub use board::BoardPort;
pub use calendar::{CalendarPort, LiveStamps};
pub use campaigns::CampaignsPort;
pub use carry::CarryPort;
pub use commendations::CommendationsPort;
pub use conferences::ConferencesPort;
pub use council::CouncilPort;
pub use dossier::{DossierPort, StoredFile};
pub use fostering::FosteringPort;
pub use nominations::NominationsPort;
pub use org::OrgPort;
pub use reports::ReportsPort;
pub use selections::SelectionsPort;
pub use summary::SummaryPort;

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

/// A port's answer as the server function gives it: the HTTP status follows from the
/// error (`AppError::status`), never set by hand; rule violations in the user's language.
impl From<RepoError> for AppError {
    fn from(e: RepoError) -> Self {
        e.in_lang(crate::i18n::request_lang())
    }
}

impl RepoError {
    /// [`AppError`] of this refusal, its rule violations worded in `lang` (for the handlers
    /// outside Leptos, which read the language from the request themselves).
    pub fn in_lang(self, lang: shared::i18n::Lang) -> AppError {
        match self {
            RepoError::NotFound => AppError::NotFound,
            RepoError::Conflict { by, at } => AppError::Conflict { by, at },
            RepoError::Duplicate => AppError::Duplicate,
            RepoError::Denied(d) => AppError::Forbidden(d),
            RepoError::Rules(violations) => AppError::Invalid(
                violations
                    .iter()
                    .map(|v| shared::i18n::violation_message(lang, &v.kind))
                    .collect(),
            ),
            RepoError::Invalid(e) => AppError::Invalid(vec![shared::i18n::input_error(lang, &e)]),
            RepoError::Unavailable(detail) => {
                tracing::error!(%detail, "database unavailable");
                AppError::Internal
            }
        }
    }
}

/// Every feature's port: what the server implements for each backend (with one
/// `impl Repository for Backend {}` once it implements them all).
pub trait Repository:
    AccountsPort
    + AuditPort
    + BallotPort
    + BoardPort
    + CalendarPort
    + CarryPort
    + CommendationsPort
    + ConferencesPort
    + CampaignsPort
    + CouncilPort
    + DossierPort
    + FosteringPort
    + NominationsPort
    + OrgPort
    + ReportsPort
    + SelectionsPort
    + SummaryPort
    + Send
    + Sync
    + 'static
{
}
