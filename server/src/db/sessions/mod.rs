//! Sign-in's storage: accounts' credentials, sessions and login attempts. Each use is one
//! statement (or one short transaction), written here once; the rules (throttling, expiry,
//! hashing) are the server's `auth` module's.

use super::kernel::time::now_text;
use super::Backend;
use crate::db::{DbError, LoginCandidate, SessionRecord, SessionStore};
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

    async fn failed_attempts_since(
        &self,
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
        .fetch_one(&self.pool)
        .await?;
        Ok(counts)
    }

    async fn record_attempt(
        &self,
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
        .execute(&self.pool)
        .await?;
        Ok(())
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
                    un.name AS unit_name, un.bloc_id, s.last_seen_at, s.expires_at
             FROM sessions s
             JOIN users u ON u.id = s.user_id
             LEFT JOIN units un ON un.id = u.unit_id
             WHERE s.token_hash = $1",
        )
        .bind(token_hash)
        .fetch_optional(&self.pool)
        .await?;
        let Some(row) = row else { return Ok(None) };
        let roles: Vec<(String,)> =
            sqlx::query_as("SELECT role FROM user_roles WHERE user_id = $1")
                .bind(row.user_id)
                .fetch_all(&self.pool)
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
}
