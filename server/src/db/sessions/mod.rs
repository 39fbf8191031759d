//! Sign-in's storage: accounts' credentials, sessions and login attempts. Each use is one
//! statement (or one short transaction), written here once; the rules (throttling, expiry,
//! hashing) are the server's `auth` module's.

use super::kernel::time::{now_text, timestamp};
use super::{Backend, Conn};
use crate::auth::throttle::{counted_since, Failures};
use crate::db::{DbError, Lock, LoginCandidate, SessionRecord, SessionStore};
use app::types::auth::CurrentUser;
use async_trait::async_trait;
use shared::auth::Role;

#[async_trait]
impl SessionStore for Backend {
    async fn login_candidate(&self, username: &str) -> Result<Option<LoginCandidate>, DbError> {
        let row: Option<(i64, String, bool)> =
            sqlx::query_as("SELECT id, password_hash, active FROM users WHERE username = $1")
                .bind(username)
                .fetch_optional(&self.pool)
                .await?;
        Ok(row.map(|(user_id, password_hash, active)| LoginCandidate {
            user_id,
            password_hash,
            active,
        }))
    }

    async fn reserve_attempt(
        &self,
        username: &str,
        address: &str,
        now: chrono::DateTime<chrono::Utc>,
        locked: Lock,
    ) -> Result<Option<i64>, DbError> {
        let since = timestamp(counted_since(now));
        // The write lock serialises every reservation (on every instance): the count read
        // here includes each attempt reserved before, verified or not.
        let mut tx = super::begin_write(&self.pool).await?;
        let account = failures(&mut tx, "username", username, &since).await?;
        let from = failures(&mut tx, "address", address, &since).await?;
        if locked(&account, &from, now) {
            tx.rollback().await?;
            return Ok(None);
        }
        let id: i64 = sqlx::query_scalar(
            "INSERT INTO login_attempts (at, username, address, success)
             VALUES ($1, $2, $3, $4) RETURNING id",
        )
        .bind(timestamp(now))
        .bind(username)
        .bind(address)
        .bind(false)
        .fetch_one(&mut *tx)
        .await?;
        tx.commit().await?;
        Ok(Some(id))
    }

    async fn attempt_succeeded(&self, id: i64) -> Result<(), DbError> {
        sqlx::query("UPDATE login_attempts SET success = $1 WHERE id = $2")
            .bind(true)
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn forget_attempt(&self, id: i64) -> Result<(), DbError> {
        sqlx::query("DELETE FROM login_attempts WHERE id = $1")
            .bind(id)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn purge_expired(
        &self,
        now: &str,
        idle_before: &str,
        attempts_before: &str,
    ) -> Result<(u64, u64), DbError> {
        let mut tx = super::begin_write(&self.pool).await?;
        let sessions =
            sqlx::query("DELETE FROM sessions WHERE expires_at < $1 OR last_seen_at < $2")
                .bind(now)
                .bind(idle_before)
                .execute(&mut *tx)
                .await?
                .rows_affected();
        let attempts = sqlx::query("DELETE FROM login_attempts WHERE at < $1")
            .bind(attempts_before)
            .execute(&mut *tx)
            .await?
            .rows_affected();
        tx.commit().await?;
        Ok((sessions, attempts))
    }

    /// Starts a session, ending `replaces` (the one the browser had) in the same transaction.
    async fn create_session(
        &self,
        token_hash: &str,
        user_id: i64,
        expires_at: &str,
        replaces: Option<&str>,
    ) -> Result<(), DbError> {
        let now = now_text();
        let mut tx = super::begin_write(&self.pool).await?;
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

    async fn load_session(&self, token_hash: &str) -> Result<Option<SessionRecord>, DbError> {
        let row: Option<SessionRow> = sqlx::query_as(
            "SELECT u.id AS user_id, u.username, u.display_name, u.active, u.unit_id,
                    un.name AS unit_name, un.bloc_id, s.last_seen_at, s.expires_at,
                    (SELECT string_agg(r.role, ',') FROM user_roles r WHERE r.user_id = u.id)
                        AS roles
             FROM sessions s
             JOIN users u ON u.id = s.user_id
             LEFT JOIN units un ON un.id = u.unit_id
             WHERE s.token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        // Every request asks this: the roles come in the same statement.
        let Some(row) = row else { return Ok(None) };
        Ok(Some(SessionRecord {
            user: CurrentUser {
                user_id: row.user_id,
                username: row.username,
                display_name: row.display_name,
                roles: row
                    .roles
                    .as_deref()
                    .unwrap_or_default()
                    .split(',')
                    .filter_map(Role::from_code)
                    .collect(),
                unit_id: row.unit_id,
                unit_name: row.unit_name,
                bloc_id: row.bloc_id,
            },
            active: row.active,
            last_seen_at: row.last_seen_at,
            expires_at: row.expires_at,
        }))
    }

    async fn touch_session(&self, token_hash: &str) -> Result<(), DbError> {
        sqlx::query("UPDATE sessions SET last_seen_at = $1 WHERE token_hash = $2")
            .bind(now_text())
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn delete_session(&self, token_hash: &str) -> Result<(), DbError> {
        sqlx::query("DELETE FROM sessions WHERE token_hash = $1")
            .bind(token_hash)
            .execute(&self.pool)
            .await?;
        Ok(())
    }

    async fn create_user(
        &self,
        username: &str,
        display_name: &str,
        password_hash: &str,
        roles: &[Role],
    ) -> Result<i64, DbError> {
        let mut tx = super::begin_write(&self.pool).await?;
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
    /// The account's roles, comma-separated (none: NULL).
    roles: Option<String>,
}

/// The failed sign-ins of a username or an address since `since` and since its last
/// success: how many, and the latest.
async fn failures(
    conn: &mut Conn,
    column: &'static str,
    value: &str,
    since: &str,
) -> Result<Failures, DbError> {
    let sql = match column {
        "username" => {
            "SELECT COUNT(*), MAX(at) FROM login_attempts
             WHERE username = $1 AND NOT success AND at >= $2
               AND at > COALESCE((SELECT MAX(at) FROM login_attempts
                                  WHERE username = $3 AND success), '')"
        }
        _ => {
            "SELECT COUNT(*), MAX(at) FROM login_attempts
             WHERE address = $1 AND NOT success AND at >= $2
               AND at > COALESCE((SELECT MAX(at) FROM login_attempts
                                  WHERE address = $3 AND success), '')"
        }
    };
    let (count, last): (i64, Option<String>) = sqlx::query_as(sql)
        .bind(value)
        .bind(since)
        .bind(value)
        .fetch_one(&mut *conn)
        .await?;
    let last = last
        .and_then(|t| chrono::DateTime::parse_from_rfc3339(&t).ok())
        .map(|t| t.with_timezone(&chrono::Utc));
    Ok(Failures { count, last })
}
