//! The data-access port the app needs. The server implements it once per database backend
//! (SQLite now, PostgreSQL later), so nothing in `app` knows which database is behind it.

use crate::model::{AuditEntry, AuditFilter, AuditPage, Board, BoardQuery};
use async_trait::async_trait;
use std::sync::Arc;

#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum RepoError {
    #[error("not found")]
    NotFound,
    #[error("database unavailable: {0}")]
    Unavailable(String),
}

pub type RepoResult<T> = Result<T, RepoError>;

#[async_trait]
pub trait Repository: Send + Sync + 'static {
    /// Answers when the database does (used by `/healthz`).
    async fn ping(&self) -> RepoResult<()>;

    /// The board for a campaign year; `NotFound` when there is no such year.
    async fn board(&self, query: &BoardQuery) -> RepoResult<Board>;

    /// Appends to the tamper-evident audit history.
    async fn record_audit(&self, entry: &AuditEntry) -> RepoResult<()>;

    /// A page of the audit history, newest first, with the state of its hash chain.
    async fn audit_page(&self, filter: &AuditFilter) -> RepoResult<AuditPage>;
}

/// What the server hands to every server function and page render through Leptos context.
#[derive(Clone)]
pub struct AppContext {
    pub repo: Arc<dyn Repository>,
}
