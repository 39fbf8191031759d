//! The audit history as the auditor reads it (a page, filtered, with the chain verified),
//! and entries the app appends itself (a refusal checked before any write). The chain is
//! written and read by the kernel (`kernel/audit.rs`): every write appends to it.

use super::kernel::audit::append_audit;
use super::{Backend, Pool};
use crate::audit::{
    verify_chain_after, AuditRow, ChainKey, ChainReport, StoredAuditRow, GENESIS, SELECT_COLUMNS,
};
use crate::db::DbResult;
use app::ports::{AuditPort, RepoResult};
use app::types::model::{
    AuditEntry, AuditFilter, AuditPage, AuditRowView, ChainStatus, AUDIT_PAGE_SIZE,
};
use async_trait::async_trait;

#[async_trait]
impl AuditPort for Backend {
    async fn record_audit(&self, entry: &AuditEntry) -> RepoResult<()> {
        append_audit(&self.pool, self.audit_key.get(), entry).await?;
        Ok(())
    }

    #[tracing::instrument(skip(self))]
    async fn audit_page(&self, filter: &AuditFilter) -> RepoResult<AuditPage> {
        Ok(page(&self.pool, self.audit_key.get(), filter).await?)
    }
}

/// A page of the history, newest first, read in SQL (one page, filtered). The chain is
/// verified from the last checkpoint on: the rows after it are checked against it, and a
/// new checkpoint is kept at the end when they hold, so a view costs what was written since
/// the last one, not the whole table. (`exemplar verify-audit` checks the whole chain.)
async fn page(pool: &Pool, key: Option<&ChainKey>, filter: &AuditFilter) -> DbResult<AuditPage> {
    let chain = verify_since_checkpoint(pool, key).await?;
    let actor = filter
        .actor
        .as_deref()
        .map(str::trim)
        .filter(|a| !a.is_empty())
        .map(|a| format!("%{}%", escape_like(&a.to_lowercase())));
    let action = filter.action.as_deref().filter(|a| !a.is_empty());
    let sql = format!(
        "{SELECT_COLUMNS} FROM audit_log
         WHERE ($1 IS NULL OR id < $2) AND ($3 IS NULL OR action = $4)
           AND ($5 IS NULL OR LOWER(actor_name) LIKE $6 ESCAPE '\\')
         ORDER BY id DESC LIMIT $7"
    );
    let found: Vec<StoredAuditRow> = sqlx::query_as(sqlx::AssertSqlSafe(sql))
        .bind(filter.before_id)
        .bind(filter.before_id)
        .bind(action)
        .bind(action)
        .bind(actor.as_deref())
        .bind(actor.as_deref())
        .bind(AUDIT_PAGE_SIZE as i64 + 1)
        .fetch_all(pool)
        .await?;
    let mut rows: Vec<AuditRowView> = found
        .into_iter()
        .map(AuditRow::from)
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

/// `%`, `_` and `\` taken literally in a LIKE pattern.
fn escape_like(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        if matches!(c, '%' | '_' | '\\') {
            out.push('\\');
        }
        out.push(c);
    }
    out
}

/// Verifies the rows written since the last checkpoint (the checkpoint's own row still
/// carrying the hash it was verified with), and keeps a new checkpoint when they hold.
async fn verify_since_checkpoint(pool: &Pool, key: Option<&ChainKey>) -> DbResult<ChainStatus> {
    let last: Option<(i64, String, i64)> = sqlx::query_as(
        "SELECT row_id, hash, row_count FROM audit_checkpoints ORDER BY row_id DESC LIMIT 1",
    )
    .fetch_optional(pool)
    .await?;
    let (from, start, counted) = match last {
        Some((row_id, hash, count)) => {
            let still: Option<String> =
                sqlx::query_scalar("SELECT hash FROM audit_log WHERE id = $1")
                    .bind(row_id)
                    .fetch_optional(pool)
                    .await?;
            if still.as_deref() != Some(hash.as_str()) {
                return Ok(ChainStatus::Broken { row_id });
            }
            (row_id, hash, count)
        }
        None => (0, GENESIS.to_string(), 0),
    };
    let sql = format!("{SELECT_COLUMNS} FROM audit_log WHERE id > $1 ORDER BY id");
    let fresh: Vec<AuditRow> = sqlx::query_as::<_, StoredAuditRow>(sqlx::AssertSqlSafe(sql))
        .bind(from)
        .fetch_all(pool)
        .await?
        .into_iter()
        .map(AuditRow::from)
        .collect();
    match verify_chain_after(&start, &fresh, key) {
        ChainReport::Broken { row_id, .. } => Ok(ChainStatus::Broken { row_id }),
        ChainReport::Intact { rows } => {
            let total = counted + rows as i64;
            if let Some(end) = fresh.last() {
                // Two views at once may both keep one: the same row, the same hash.
                let kept = sqlx::query(
                    "INSERT INTO audit_checkpoints (row_id, hash, row_count, at)
                     VALUES ($1, $2, $3, $4) ON CONFLICT (row_id) DO NOTHING",
                )
                .bind(end.id)
                .bind(&end.hash)
                .bind(total)
                .bind(super::kernel::time::now_text())
                .execute(pool)
                .await;
                if let Err(e) = kept {
                    tracing::warn!(error = %e, "could not keep an audit checkpoint");
                }
            }
            Ok(ChainStatus::Intact {
                rows: usize::try_from(total).unwrap_or(0),
            })
        }
    }
}
