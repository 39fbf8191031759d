//! The audit history as the auditor reads it, and entries the app appends itself (a
//! refusal checked before any write).

use super::kernel::audit::{append_audit, audit_page};
use super::Backend;
use app::types::model::{AuditEntry, AuditFilter, AuditPage};
use app::ports::{AuditPort, RepoResult};
use async_trait::async_trait;

#[async_trait]
impl AuditPort for Backend {
    async fn record_audit(&self, entry: &AuditEntry) -> RepoResult<()> {
        append_audit(&self.pool, entry)
            .await
            .map(|_| ())
            .map_err(Into::into)
    }

    #[tracing::instrument(skip(self))]
    async fn audit_page(&self, filter: &AuditFilter) -> RepoResult<AuditPage> {
        audit_page(&self.pool, filter).await.map_err(Into::into)
    }
}
