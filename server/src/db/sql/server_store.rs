//! What only the server needs of a backend (`db::Store`): migrations, loading a data set,
//! sign-in's storage, the audit history's rows. The app's ports are implemented by the
//! features (`impl BoardPort for Backend` in `board.rs`, and so on).

use super::{auth, kernel, load, Backend};
use crate::audit::{AuditEntry, AuditRow};
use crate::db::{DbError, LoginCandidate, SessionRecord, Store};
use crate::seed::Dataset;
use app::ports::Repository;
use async_trait::async_trait;

/// Every feature's port is implemented in the feature's file.
impl Repository for Backend {}

#[async_trait]
impl Store for Backend {
    async fn migrate(&self) -> Result<(), DbError> {
        super::MIGRATOR
            .run(&self.pool)
            .await
            .map_err(|e| DbError::Migrate(e.to_string()))?;
        self.migrated().await
    }

    async fn is_empty(&self) -> Result<bool, DbError> {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM blocs")
            .fetch_one(&self.pool)
            .await?;
        Ok(n == 0)
    }

    async fn count_nominations(&self) -> Result<i64, DbError> {
        let (n,): (i64,) = sqlx::query_as("SELECT COUNT(*) FROM nominations")
            .fetch_one(&self.pool)
            .await?;
        Ok(n)
    }

    async fn load_dataset(&self, data: &Dataset) -> Result<(), DbError> {
        load::load(&self.pool, data).await
    }

    async fn meta(&self, key: &str) -> Result<Option<String>, DbError> {
        let row: Option<(String,)> = sqlx::query_as("SELECT value FROM meta WHERE key = $1")
            .bind(key)
            .fetch_optional(&self.pool)
            .await?;
        Ok(row.map(|r| r.0))
    }

    async fn login_candidate(&self, username: &str) -> Result<Option<LoginCandidate>, DbError> {
        auth::login_candidate(&self.pool, username).await
    }

    async fn failed_attempts_since(
        &self,
        username: &str,
        address: &str,
        since: &str,
    ) -> Result<(i64, i64), DbError> {
        auth::failed_attempts_since(&self.pool, username, address, since).await
    }

    async fn record_attempt(
        &self,
        username: &str,
        address: &str,
        success: bool,
    ) -> Result<(), DbError> {
        auth::record_attempt(&self.pool, username, address, success).await
    }

    async fn create_session(
        &self,
        token_hash: &str,
        user_id: i64,
        expires_at: &str,
        replaces: Option<&str>,
    ) -> Result<(), DbError> {
        auth::create_session(&self.pool, token_hash, user_id, expires_at, replaces).await
    }

    async fn load_session(&self, token_hash: &str) -> Result<Option<SessionRecord>, DbError> {
        auth::load_session(&self.pool, token_hash).await
    }

    async fn touch_session(&self, token_hash: &str) -> Result<(), DbError> {
        auth::touch_session(&self.pool, token_hash).await
    }

    async fn delete_session(&self, token_hash: &str) -> Result<(), DbError> {
        auth::delete_session(&self.pool, token_hash).await
    }

    async fn create_user(
        &self,
        username: &str,
        display_name: &str,
        password_hash: &str,
        roles: &[shared::auth::Role],
    ) -> Result<i64, DbError> {
        auth::create_user(&self.pool, username, display_name, password_hash, roles).await
    }

    async fn append_audit(&self, entry: &AuditEntry) -> Result<i64, DbError> {
        kernel::audit::append_audit(&self.pool, entry).await
    }

    async fn audit_rows(&self) -> Result<Vec<AuditRow>, DbError> {
        kernel::audit::audit_rows(&self.pool).await
    }

    async fn close(&self) {
        self.closing();
        self.pool.close().await;
    }
}
