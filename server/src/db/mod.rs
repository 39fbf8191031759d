//! Data access. `app::repo::Repository` is the port the UI uses; `Store` adds what only the
//! server needs (migrations, bulk loading). One implementation per database backend,
//! picked at start-up from the `DATABASE_URL` scheme.

pub mod sqlite;

use crate::configuration::DatabaseUrl;
use crate::seed::Dataset;
use app::repo::Repository;
use async_trait::async_trait;
use std::sync::Arc;

#[derive(Debug, thiserror::Error)]
pub enum DbError {
    #[error("cannot open the database {url} (DATABASE_URL): {reason}")]
    Open { url: String, reason: String },
    #[error("database migration failed, the database was left as it was: {0}")]
    Migrate(String),
    #[error("database error: {0}")]
    Query(#[from] sqlx::Error),
    #[error("{0}")]
    Refused(String),
}

#[async_trait]
pub trait Store: Repository {
    /// Applies pending migrations; each runs in its own transaction.
    async fn migrate(&self) -> Result<(), DbError>;
    /// True when no organisation data has been loaded yet.
    async fn is_empty(&self) -> Result<bool, DbError>;
    async fn count_nominations(&self) -> Result<i64, DbError>;
    /// Loads a whole data set in one transaction: all of it or nothing.
    async fn load_dataset(&self, data: &Dataset) -> Result<(), DbError>;
    async fn meta(&self, key: &str) -> Result<Option<String>, DbError>;
    /// Waits for in-flight work and closes every connection.
    async fn close(&self);
}

pub async fn open(url: &DatabaseUrl) -> Result<Arc<dyn Store>, DbError> {
    match url {
        DatabaseUrl::Sqlite { url, path } => Ok(Arc::new(
            sqlite::SqliteStore::open(url, path.as_deref()).await?,
        )),
    }
}
