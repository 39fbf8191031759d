//! Accounts, sessions, login attempts and the audit history on SQLite.

use super::{Conn, Pool};
use crate::audit::{chain_hash, verify_chain, AuditEntry, AuditRow, ChainReport, GENESIS};
use crate::db::{DbError, LoginCandidate, SessionRecord};
use app::auth::CurrentUser;
use app::model::{AuditFilter, AuditPage, AuditRowView, ChainStatus, AUDIT_PAGE_SIZE};
use shared::auth::Role;

pub fn now_text() -> String {
    timestamp(chrono::Utc::now())
}

/// UTC, fixed width, so that stored times compare correctly as text.
pub fn timestamp(t: chrono::DateTime<chrono::Utc>) -> String {
    t.format("%Y-%m-%dT%H:%M:%S%.6fZ").to_string()
}

pub async fn login_candidate(
    pool: &Pool,
    username: &str,
) -> Result<Option<LoginCandidate>, DbError> {
    let row: Option<(i64, String, bool)> =
        sqlx::query_as("SELECT id, password_hash, active FROM users WHERE username = $1")
            .bind(username)
            .fetch_optional(pool)
            .await?;
    Ok(row.map(|(user_id, password_hash, active)| LoginCandidate {
        user_id,
        password_hash,
        active,
    }))
}

pub async fn failed_attempts_since(
    pool: &Pool,
    username: &str,
    address: &str,
    since: &str,
) -> Result<(i64, i64), DbError> {
    let counts: (i64, i64) = sqlx::query_as(
        "SELECT
            (SELECT COUNT(*) FROM login_attempts WHERE username = $1 AND at >= $2 AND NOT success),
            (SELECT COUNT(*) FROM login_attempts WHERE address = $3 AND at >= $4 AND NOT success)",
    )
    .bind(username)
    .bind(since)
    .bind(address)
    .bind(since)
    .fetch_one(pool)
    .await?;
    Ok(counts)
}

pub async fn record_attempt(
    pool: &Pool,
    username: &str,
    address: &str,
    success: bool,
) -> Result<(), DbError> {
    sqlx::query(
        "INSERT INTO login_attempts (at, username, address, success) VALUES ($1, $2, $3, $4)",
    )
    .bind(now_text())
    .bind(username)
    .bind(address)
    .bind(success)
    .execute(pool)
    .await?;
    Ok(())
}

/// Starts a session, ending `replaces` (the one the browser had) in the same transaction.
pub async fn create_session(
    pool: &Pool,
    token_hash: &str,
    user_id: i64,
    expires_at: &str,
    replaces: Option<&str>,
) -> Result<(), DbError> {
    let now = now_text();
    let mut tx = super::begin_write(pool).await?;
    if let Some(old) = replaces {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(old)
            .execute(&mut *tx)
            .await?;
    }
    sqlx::query(
        "INSERT INTO sessions (token_hash, user_id, created_at, last_seen_at, expires_at) VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(token_hash)
    .bind(user_id)
    .bind(&now)
    .bind(&now)
    .bind(expires_at)
    .execute(&mut *tx)
    .await?;
    tx.commit().await?;
    Ok(())
}

#[derive(sqlx::FromRow)]
struct SessionRow {
    user_id: i64,
    username: String,
    display_name: String,
    active: bool,
    unit_id: Option<i64>,
    unit_name: Option<String>,
    bloc_id: Option<i64>,
    last_seen_at: String,
    expires_at: String,
}

pub async fn load_session(pool: &Pool, token_hash: &str) -> Result<Option<SessionRecord>, DbError> {
    let row: Option<SessionRow> = sqlx::query_as(
        "SELECT u.id AS user_id, u.username, u.display_name, u.active, u.unit_id,
                un.name AS unit_name, un.bloc_id, s.last_seen_at, s.expires_at
         FROM sessions s
         JOIN users u ON u.id = s.user_id
         LEFT JOIN units un ON un.id = u.unit_id
         WHERE s.token_hash = $1",
    )
    .bind(token_hash)
    .fetch_optional(pool)
    .await?;
    let Some(row) = row else { return Ok(None) };
    let roles: Vec<(String,)> = sqlx::query_as("SELECT role FROM user_roles WHERE user_id = $1")
        .bind(row.user_id)
        .fetch_all(pool)
        .await?;
    Ok(Some(SessionRecord {
        user: CurrentUser {
            user_id: row.user_id,
            username: row.username,
            display_name: row.display_name,
            roles: roles.iter().filter_map(|(r,)| Role::from_code(r)).collect(),
            unit_id: row.unit_id,
            unit_name: row.unit_name,
            bloc_id: row.bloc_id,
        },
        active: row.active,
        last_seen_at: row.last_seen_at,
        expires_at: row.expires_at,
    }))
}

pub async fn touch_session(pool: &Pool, token_hash: &str) -> Result<(), DbError> {
    sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
        .bind(now_text())
        .bind(token_hash)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn delete_session(pool: &Pool, token_hash: &str) -> Result<(), DbError> {
    sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
        .bind(token_hash)
        .execute(pool)
        .await?;
    Ok(())
}

pub async fn create_user(
    pool: &Pool,
    username: &str,
    display_name: &str,
    password_hash: &str,
    roles: &[Role],
) -> Result<i64, DbError> {
    let mut tx = super::begin_write(pool).await?;
    let taken: Option<(i64,)> = sqlx::query_as("SELECT id FROM users WHERE username = $1")
        .bind(username)
        .fetch_optional(&mut *tx)
        .await?;
    if taken.is_some() {
        return Err(DbError::Refused(format!(
            "the account {username:?} already exists"
        )));
    }
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO users (username, display_name, password_hash, created_at) VALUES ($1, $2, $3, $4) RETURNING id",
    )
    .bind(username)
    .bind(display_name)
    .bind(password_hash)
    .bind(now_text())
    .fetch_one(&mut *tx)
    .await?;
    for role in roles {
        sqlx::query("INSERT INTO user_roles (user_id, role) VALUES ($1, $2)")
            .bind(id)
            .bind(role.code())
            .execute(&mut *tx)
            .await?;
    }
    tx.commit().await?;
    Ok(id)
}

/// Appends to the audit history. `BEGIN IMMEDIATE` takes the write lock before reading
/// the last hash, so two writers cannot chain to the same row.
pub async fn append_audit(pool: &Pool, entry: &AuditEntry) -> Result<i64, DbError> {
    let mut tx = super::begin_write(pool).await?;
    let id = append_audit_in(&mut tx, entry).await?;
    tx.commit().await?;
    Ok(id)
}

/// Appends inside the caller's transaction (which must have begun `IMMEDIATE`), so that a
/// change and its audit entry are written together or not at all.
pub async fn append_audit_in(conn: &mut Conn, entry: &AuditEntry) -> Result<i64, DbError> {
    append_audit_after(conn, entry, &mut None).await
}

/// [`append_audit_in`] after `tail`, the last entry (id, hash) when the caller knows it
/// (it holds the write lock and wrote it, or read it, itself); updated to the new entry.
pub async fn append_audit_after(
    conn: &mut Conn,
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
    let hash = chain_hash(&prev, id, &at, entry);
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

/// A page of the history, newest first. The chain is verified over the whole table: it is
/// what makes the page trustworthy, and it costs one sequential scan.
pub async fn audit_page(pool: &Pool, filter: &AuditFilter) -> Result<AuditPage, DbError> {
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
