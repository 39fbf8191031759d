//! The tamper-evident audit history.

use super::RepoResult;
use crate::types::model::{AuditEntry, AuditFilter, AuditPage};
use async_trait::async_trait;

#[async_trait]
pub trait AuditPort: Send + Sync {
    /// Appends to the tamper-evident audit history.
    async fn record_audit(&self, entry: &AuditEntry) -> RepoResult<()>;

    /// A page of the audit history, newest first, with the state of its hash chain.
    async fn audit_page(&self, filter: &AuditFilter) -> RepoResult<AuditPage>;
}
