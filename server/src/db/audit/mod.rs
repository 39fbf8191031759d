//! The audit history as the auditor reads it (a page, filtered, with the chain verified),
//! and entries the app appends itself (a refusal checked before any write). The chain is
//! written and read by the kernel (`kernel/audit.rs`): every write appends to it.

use super::kernel::audit::{append_audit, audit_rows};
use super::{Backend, Pool};
use crate::audit::{verify_chain, ChainReport};
use crate::db::DbResult;
use app::ports::{AuditPort, RepoResult};
use app::types::model::{
    AuditEntry, AuditFilter, AuditPage, AuditRowView, ChainStatus, AUDIT_PAGE_SIZE,
};
use async_trait::async_trait;

#[async_trait]
impl AuditPort for Backend {
    async fn record_audit(&self, entry: &AuditEntry) -> RepoResult<()> {
        append_audit(&self.pool, entry).await?;
        Ok(())
    }

    #[tracing::instrument(skip(self))]
    async fn audit_page(&self, filter: &AuditFilter) -> RepoResult<AuditPage> {
        Ok(page(&self.pool, filter).await?)
    }
}

/// A page of the history, newest first. The chain is verified over the whole table: it is
/// what makes the page trustworthy, and it costs one sequential scan.
async fn page(pool: &Pool, filter: &AuditFilter) -> DbResult<AuditPage> {
    let all = audit_rows(pool).await?;
    let chain = match verify_chain(&all) {
        ChainReport::Intact { rows } => ChainStatus::Intact { rows },
        ChainReport::Broken { row_id, .. } => ChainStatus::Broken { row_id },
    };
    let actor = filter
        .actor
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(str::to_lowercase);
    let action = filter.action.as_deref().filter(|a| !a.is_empty());
    let mut rows: Vec<AuditRowView> = all
        .into_iter()
        .rev()
        .filter(|r| filter.before_id.is_none_or(|b| r.id < b))
        .filter(|r| action.is_none_or(|a| r.entry.action == a))
        .filter(|r| {
            actor
                .as_deref()
                .is_none_or(|a| r.entry.actor_name.to_lowercase().contains(a))
        })
        .take(AUDIT_PAGE_SIZE + 1)
        .map(|r| AuditRowView {
            id: r.id,
            at: r.at,
            entry: r.entry,
        })
        .collect();
    let older = (rows.len() > AUDIT_PAGE_SIZE).then(|| {
        rows.truncate(AUDIT_PAGE_SIZE);
        rows.last().map(|r| r.id).unwrap_or_default()
    });
    Ok(AuditPage { rows, chain, older })
}
