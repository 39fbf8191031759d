//! The audit history: a hash chain, appended inside the write that it records, and read
//! whole for verification (the audit page in `audit/`, the server's chain check).

use super::time::now_text;
use super::{Conn, Pool};
use crate::audit::{row_hash, AuditEntry, AuditRow, ChainKey, GENESIS};
use crate::db::DbError;

/// Appends to the audit history. `BEGIN IMMEDIATE` takes the write lock before reading
/// the last hash, so two writers cannot chain to the same row.
pub async fn append_audit(
    pool: &Pool,
    key: Option<&ChainKey>,
    entry: &AuditEntry,
) -> Result<i64, DbError> {
    let mut tx = super::super::begin_write(pool).await?;
    let id = append_audit_after(&mut tx, key, entry, &mut None).await?;
    tx.commit().await?;
    Ok(id)
}

/// Appends inside the caller's transaction (which must have begun `IMMEDIATE`), so that a
/// change and its audit entry are written together or not at all; after `tail`, the last
/// entry (id, hash) when the caller knows it (it holds the write lock and wrote it, or read
/// it, itself), updated to the new entry. Keyed with `key` when there is one.
pub async fn append_audit_after(
    conn: &mut Conn,
    key: Option<&ChainKey>,
    entry: &AuditEntry,
    tail: &mut Option<(i64, String)>,
) -> Result<i64, DbError> {
    let last = match tail.take() {
        Some(known) => Some(known),
        None => {
            sqlx::query_as("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
                .fetch_optional(&mut *conn)
                .await?
        }
    };
    let (id, prev) = match last {
        Some((id, hash)) => (id + 1, hash),
        None => (1, GENESIS.to_string()),
    };
    let at = now_text();
    let hash = row_hash(key, &prev, id, &at, entry);
    sqlx::query(
        "INSERT INTO audit_log (id, at, actor_id, actor_name, action, object_type, object_id,
                                before, after, address, prev_hash, hash)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10, $11, $12)",
    )
    .bind(id)
    .bind(&at)
    .bind(entry.actor_id)
    .bind(&entry.actor_name)
    .bind(&entry.action)
    .bind(&entry.object_type)
    .bind(&entry.object_id)
    .bind(&entry.before)
    .bind(&entry.after)
    .bind(&entry.address)
    .bind(&prev)
    .bind(&hash)
    .execute(&mut *conn)
    .await?;
    *tail = Some((id, hash));
    Ok(id)
}

pub async fn audit_rows(pool: &Pool) -> Result<Vec<AuditRow>, DbError> {
    let rows: Vec<crate::audit::StoredAuditRow> = sqlx::query_as(crate::audit::SELECT_ROWS)
        .fetch_all(pool)
        .await?;
    Ok(rows.into_iter().map(AuditRow::from).collect())
}
