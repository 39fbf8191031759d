//! Data access. The app's ports (`app::ports`, one per feature; `Repository` is all of
//! them) are implemented by the feature folders here (`board/`, `council/`, …: `mod.rs` the
//! use cases, `queries.rs` the SQL), each on the kernel (`kernel/`: `WriteTx` and the shared
//! reads) and never on another feature; `Store` adds what only the server needs
//! (`setup/`: migrations, bulk loading; `sessions/`: sign-in's storage). The SQL is written once (SQL
//! both databases accept, `$1` placeholders) and compiled inside each backend's module
//! (`sqlite`, `postgres`) over that backend's types; each backend adds what differs
//! (opening, how a write transaction begins, how live events travel). The backend is
//! picked at start-up from the `DATABASE_URL` scheme. Errors are `DbError` (`error.rs`),
//! converted once into the ports' `RepoError`.

// Each backend compiles the same repository source (the feature folders) over its own types: the
// repeated module files are the design, not an accident.
#![allow(clippy::duplicate_mod)]

/// Declares the shared repository modules (the feature folders) inside a backend's module, which
/// provides `Db`, `Pool`, `Conn`, `Backend` and the few functions that differ.
macro_rules! repositories {
    () => {
        #[path = "../accounts/mod.rs"]
        mod accounts;
        #[path = "../audit/mod.rs"]
        mod audit;
        #[path = "../ballot/mod.rs"]
        mod ballot;
        #[path = "../board/mod.rs"]
        mod board;
        #[path = "../calendar/mod.rs"]
        mod calendar;
        #[path = "../campaigns/mod.rs"]
        mod campaigns;
        #[path = "../carry/mod.rs"]
        mod carry;
        #[path = "../commendations/mod.rs"]
        mod commendations;
        #[path = "../conferences/mod.rs"]
        mod conferences;
        #[path = "../council/mod.rs"]
        mod council;
        #[path = "../dossier/mod.rs"]
        mod dossier;
        #[path = "../fostering/mod.rs"]
        mod fostering;
        #[path = "../kernel/mod.rs"]
        mod kernel;
        #[path = "../nominations/mod.rs"]
        mod nominations;
        #[path = "../org/mod.rs"]
        mod org;
        #[path = "../reports/mod.rs"]
        mod reports;
        #[path = "../selections/mod.rs"]
        mod selections;
        #[path = "../sessions/mod.rs"]
        mod sessions;
        #[path = "../setup/mod.rs"]
        mod setup;
        #[path = "../summary/mod.rs"]
        mod summary;

        /// Every feature's port is implemented in the feature's folder.
        impl app::ports::Repository for Backend {}
    };
}
pub(crate) use repositories;

pub mod backup;
pub mod copy;
pub mod error;
pub mod events;
pub mod lock;
pub mod postgres;
pub mod snapshot_cache;
pub mod sqlite;

pub use error::{DbError, DbResult};

use crate::audit::{AuditEntry, AuditRow};
use crate::configuration::DatabaseUrl;
use crate::seed::Dataset;
use app::ports::Repository;
use async_trait::async_trait;
use std::sync::Arc;

/// What a sign-in needs to know about an account.
#[derive(Debug, Clone)]
pub struct LoginCandidate {
    pub user_id: i64,
    pub password_hash: String,
    pub active: bool,
}

/// A stored session and its user.
#[derive(Debug, Clone)]
pub struct SessionRecord {
    pub user: app::types::auth::CurrentUser,
    pub active: bool,
    /// UTC timestamps in the fixed-width text form `timestamp` writes.
    pub last_seen_at: String,
    pub expires_at: String,
}

/// What only the server needs of a backend besides the app's ports: migrations, loading a
/// data set, the audit chain's rows (`setup/`), and sign-in's storage ([`SessionStore`]).
#[async_trait]
pub trait Store: Repository + SessionStore {
    /// Applies pending migrations; each runs in its own transaction.
    async fn migrate(&self) -> Result<(), DbError>;
    /// True when no organisation data has been loaded yet.
    async fn is_empty(&self) -> Result<bool, DbError>;
    async fn count_nominations(&self) -> Result<i64, DbError>;
    /// Loads a whole data set in one transaction: all of it or nothing.
    async fn load_dataset(&self, data: &Dataset) -> Result<(), DbError>;
    async fn meta(&self, key: &str) -> Result<Option<String>, DbError>;
    async fn append_audit(&self, entry: &AuditEntry) -> Result<i64, DbError>;
    async fn audit_rows(&self) -> Result<Vec<AuditRow>, DbError>;
    /// The audit history's last row (id, hash), if any.
    async fn audit_head(&self) -> Result<Option<(i64, String)>, DbError>;
    /// The first keyed row of the audit history (id, hash), if any.
    async fn first_keyed_row(&self) -> Result<Option<(i64, String)>, DbError>;
    /// From now on, every row this store appends is keyed with `key`; set once.
    fn use_audit_key(&self, key: crate::audit::ChainKey);
    /// The key set by [`Store::use_audit_key`].
    fn audit_key(&self) -> Option<crate::audit::ChainKey>;
    /// Waits for in-flight work and closes every connection.
    async fn close(&self);
}

/// Whether the failures counted (the account's, the address's) lock a sign-in at a time.
pub type Lock = fn(
    &crate::auth::throttle::Failures,
    &crate::auth::throttle::Failures,
    chrono::DateTime<chrono::Utc>,
) -> bool;

/// Sign-in's storage (`sessions/`): credentials, login attempts, sessions, and the
/// administrator's first account.
#[async_trait]
pub trait SessionStore: Send + Sync {
    async fn login_candidate(&self, username: &str) -> Result<Option<LoginCandidate>, DbError>;
    /// Records a sign-in attempt as a failure before its password is checked — unless the
    /// failures already counted lock it (`locked(account, address, now)`): then nothing is
    /// written. Counting and recording are one serialised transaction, so parallel attempts
    /// cannot all pass the count. Some(attempt id) when recorded.
    async fn reserve_attempt(
        &self,
        username: &str,
        address: &str,
        now: chrono::DateTime<chrono::Utc>,
        locked: Lock,
    ) -> Result<Option<i64>, DbError>;
    /// The reserved attempt succeeded.
    async fn attempt_succeeded(&self, id: i64) -> Result<(), DbError>;
    /// The reserved attempt was never checked (the server was too busy): it does not count.
    async fn forget_attempt(&self, id: i64) -> Result<(), DbError>;
    /// Deletes the sessions that ended (past their lifetime, or idle since before
    /// `idle_before`) and the sign-in attempts from before `attempts_before`:
    /// (sessions, attempts) deleted.
    async fn purge_expired(
        &self,
        now: &str,
        idle_before: &str,
        attempts_before: &str,
    ) -> Result<(u64, u64), DbError>;
    /// Starts a session, ending `replaces` (the one the browser had) in the same transaction.
    async fn create_session(
        &self,
        token_hash: &str,
        user_id: i64,
        expires_at: &str,
        replaces: Option<&str>,
    ) -> Result<(), DbError>;
    async fn load_session(&self, token_hash: &str) -> Result<Option<SessionRecord>, DbError>;
    async fn touch_session(&self, token_hash: &str) -> Result<(), DbError>;
    async fn delete_session(&self, token_hash: &str) -> Result<(), DbError>;
    async fn create_user(
        &self,
        username: &str,
        display_name: &str,
        password_hash: &str,
        roles: &[shared::auth::Role],
    ) -> Result<i64, DbError>;
}

pub async fn open(url: &DatabaseUrl) -> Result<Arc<dyn Store>, DbError> {
    match url {
        DatabaseUrl::Sqlite { url, path } => Ok(Arc::new(
            sqlite::SqliteStore::open(url, path.as_deref()).await?,
        )),
        DatabaseUrl::Postgres { url, connections } => {
            Ok(Arc::new(postgres::PgStore::open(url, *connections).await?))
        }
    }
}

/// The reason a database could not be opened, in the database's own words.
pub(crate) fn describe_open_error(e: &sqlx::Error) -> String {
    match e {
        sqlx::Error::Database(db) => db.message().to_string(),
        sqlx::Error::Io(io) => io.to_string(),
        other => other.to_string(),
    }
}

/// Keys the audit history with the key in `path` (see `audit::ChainKey`), made there if
/// there is none yet and the history has never been keyed. A history already keyed needs
/// its own key: with the file missing, or another key in it, the server refuses to start
/// rather than write rows nobody could verify. When the history ends in rows chained
/// before the key (an install that ran an earlier version, or a new key), a keyed row says
/// from where on it is keyed.
pub async fn key_audit_history(
    store: &dyn Store,
    path: &std::path::Path,
) -> Result<crate::audit::ChainKey, DbError> {
    use crate::audit::{keyed_with, ChainKey};
    let first_keyed = store.first_keyed_row().await?;
    let key = match (
        ChainKey::read(path).map_err(DbError::Refused)?,
        &first_keyed,
    ) {
        (Some(key), _) => key,
        (None, None) => {
            // Another instance starting at the same moment may have made it first.
            let key = match ChainKey::create(path) {
                Ok(key) => key,
                Err(e) => ChainKey::read(path)
                    .ok()
                    .flatten()
                    .ok_or(DbError::Refused(e))?,
            };
            tracing::info!(key = key.id(), file = %path.display(), "made the audit key");
            key
        }
        (None, Some((row, _))) => {
            return Err(DbError::Refused(format!(
                "the audit history is keyed from row {row} on, but its key file {} is missing: \
                 put the key file back (EXEMPLAR_AUDIT_KEY_FILE names where it is read from)",
                path.display()
            )))
        }
    };
    if let Some((row, hash)) = &first_keyed {
        if keyed_with(hash) != Some(key.id()) {
            return Err(DbError::Refused(format!(
                "the audit history is keyed from row {row} on with another key than the one in \
                 {} (key {}): set EXEMPLAR_AUDIT_KEY_FILE to the key this database was keyed \
                 with",
                path.display(),
                key.id()
            )));
        }
    }
    store.use_audit_key(key.clone());
    if let Some((_, hash)) = store.audit_head().await? {
        if keyed_with(&hash).is_none() {
            store
                .append_audit(&AuditEntry {
                    actor_name: "exemplar".into(),
                    action: app::types::model::AuditAction::AuditKeyed.into(),
                    object_type: "audit_log".into(),
                    after: Some(serde_json::json!({ "key": key.id() }).to_string()),
                    ..Default::default()
                })
                .await?;
        }
    }
    Ok(key)
}
