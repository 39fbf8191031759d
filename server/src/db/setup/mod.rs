//! What the server needs of a backend before and beside serving (`db::Store`): migrations,
//! whether the database is empty, loading a data set (`load.rs`: the demo data or an
//! export, all or nothing), the audit chain's rows for verification.

mod load;

use super::{kernel, Backend};
use crate::audit::{AuditEntry, AuditRow};
use crate::db::{DbError, Store};
use crate::seed::Dataset;
use async_trait::async_trait;

/// How long closing the database waits for connections still in use.
const CLOSE_GRACE: std::time::Duration = std::time::Duration::from_secs(5);

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
        // Any organisation or any account (an administrator made by `create-admin`) is data.
        let (n,): (i64,) =
            sqlx::query_as("SELECT (SELECT COUNT(*) FROM blocs) + (SELECT COUNT(*) FROM users)")
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

    async fn append_audit(&self, entry: &AuditEntry) -> Result<i64, DbError> {
        kernel::audit::append_audit(&self.pool, self.audit_key.get(), entry).await
    }

    async fn audit_rows(&self) -> Result<Vec<AuditRow>, DbError> {
        kernel::audit::audit_rows(&self.pool).await
    }

    async fn audit_head(&self) -> Result<Option<(i64, String)>, DbError> {
        Ok(
            sqlx::query_as("SELECT id, hash FROM audit_log ORDER BY id DESC LIMIT 1")
                .fetch_optional(&self.pool)
                .await?,
        )
    }

    async fn first_keyed_row(&self) -> Result<Option<(i64, String)>, DbError> {
        Ok(sqlx::query_as(
            "SELECT id, hash FROM audit_log WHERE hash LIKE 'hmac-%' ORDER BY id LIMIT 1",
        )
        .fetch_optional(&self.pool)
        .await?)
    }

    fn use_audit_key(&self, key: crate::audit::ChainKey) {
        if self.audit_key.set(key).is_err() {
            tracing::warn!("the audit key was set already; the first one stays");
        }
    }

    fn audit_key(&self) -> Option<crate::audit::ChainKey> {
        self.audit_key.get().cloned()
    }

    async fn close(&self) {
        self.closing();
        // Bounded: a connection some task never gives back must not keep the server (or a
        // test's stop) from ending. What was held is said, so that it can be found.
        if tokio::time::timeout(CLOSE_GRACE, self.pool.close())
            .await
            .is_err()
        {
            tracing::warn!(
                held = self.pool.size().saturating_sub(self.pool.num_idle() as u32),
                grace = ?CLOSE_GRACE,
                "database connections still held after the grace period; closing without them"
            );
            // The file stays locked until the process ends: a connection is still open.
            return;
        }
        self.closed();
    }
}
