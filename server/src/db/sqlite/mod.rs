//! The SQLite backend: the embedded default. Its repositories are the shared ones in
//! feature folders of `db/` (written once for both backends), compiled here over SQLite's types; this file
//! holds what differs: opening the file, how a write transaction begins, live events.

crate::db::repositories!();

pub use kernel::time::{now_text, timestamp};

use super::DbError;
use app::types::model::CardEvent;
use sqlx::sqlite::{SqliteConnectOptions, SqliteJournalMode, SqlitePoolOptions, SqliteSynchronous};
use sqlx::SqlitePool;
use std::path::Path;
use std::str::FromStr;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::broadcast;

type Db = sqlx::Sqlite;
type Pool = SqlitePool;
type Conn = sqlx::SqliteConnection;
type Backend = SqliteStore;

static MIGRATOR: sqlx::migrate::Migrator = sqlx::migrate!("./migrations/sqlite");

pub struct SqliteStore {
    pool: SqlitePool,
    moves: tokio::sync::mpsc::Sender<board::writer::MoveJob>,
    live: tokio::sync::broadcast::Sender<std::sync::Arc<CardEvent>>,
    /// The audit key, once the server has read it (see `audit::ChainKey`).
    audit_key: Arc<std::sync::OnceLock<crate::audit::ChainKey>>,
    /// The shared lock on the file (see `db::lock`), let go once the pool is closed.
    lock: std::sync::Mutex<Option<super::lock::DbLock>>,
    /// The boards and calendars last read (see `db::snapshot_cache`).
    boards: super::snapshot_cache::SnapshotCache<app::types::model::Board>,
    calendars: super::snapshot_cache::SnapshotCache<app::types::calendar::CalendarView>,
}

/// Live events kept for slow subscribers before they must catch up from the event log.
const LIVE_BUFFER: usize = 4096;

impl SqliteStore {
    pub async fn open(url: &str, path: Option<&Path>) -> Result<Self, DbError> {
        let open_err = |reason: String| DbError::Open {
            url: url.to_string(),
            reason,
        };
        if let Some(parent) = path.and_then(Path::parent) {
            if !parent.as_os_str().is_empty() {
                std::fs::create_dir_all(parent).map_err(|e| {
                    open_err(format!("cannot create directory {}: {e}", parent.display()))
                })?;
            }
        }
        // Before the file is touched: a restore in progress keeps everyone out.
        let lock = path.map(super::lock::DbLock::shared).transpose()?;
        let options = SqliteConnectOptions::from_str(url)
            .map_err(|e| open_err(e.to_string()))?
            .create_if_missing(true)
            .journal_mode(SqliteJournalMode::Wal)
            .synchronous(SqliteSynchronous::Full)
            .foreign_keys(true)
            .busy_timeout(Duration::from_secs(5));
        // An in-memory database exists once per connection: keep exactly one.
        let max = if path.is_none() { 1 } else { 8 };
        let pool = SqlitePoolOptions::new()
            .max_connections(max)
            .min_connections(1)
            .connect_with(options)
            .await
            .map_err(|e| open_err(super::describe_open_error(&e)))?;
        // Fail now, not on the first request, if the file cannot be written: take the
        // write lock and let it go.
        let mut conn = pool
            .acquire()
            .await
            .map_err(|e| open_err(super::describe_open_error(&e)))?;
        sqlx::query("BEGIN IMMEDIATE")
            .execute(&mut *conn)
            .await
            .map_err(|e| open_err(super::describe_open_error(&e)))?;
        sqlx::query("ROLLBACK")
            .execute(&mut *conn)
            .await
            .map_err(|e| open_err(super::describe_open_error(&e)))?;
        drop(conn);
        let (live, _) = tokio::sync::broadcast::channel(LIVE_BUFFER);
        let audit_key = Arc::default();
        let moves = board::writer::spawn_writer(pool.clone(), live.clone(), Arc::clone(&audit_key));
        Ok(SqliteStore {
            pool,
            moves,
            live,
            audit_key,
            lock: std::sync::Mutex::new(lock),
            boards: Default::default(),
            calendars: Default::default(),
        })
    }

    pub fn pool(&self) -> &SqlitePool {
        &self.pool
    }
}

/// A write transaction: `BEGIN IMMEDIATE` takes SQLite's write lock at once, so that what
/// it reads to check a version or a rule cannot change before it writes.
async fn begin_write(pool: &Pool) -> Result<sqlx::Transaction<'static, Db>, sqlx::Error> {
    pool.begin_with("BEGIN IMMEDIATE").await
}

/// [`begin_write`] on a connection the caller manages (the move writer's batches).
async fn begin_write_on(conn: &mut Conn) -> Result<(), sqlx::Error> {
    sqlx::query("BEGIN IMMEDIATE")
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// A read transaction: one snapshot (SQLite's WAL gives each reader one).
async fn begin_read(pool: &Pool) -> Result<sqlx::Transaction<'static, Db>, sqlx::Error> {
    pool.begin().await
}

/// One process owns the file: a committed change goes straight to this process's
/// subscribers. Nobody listening is fine: the event log has it.
fn publish(live: &broadcast::Sender<Arc<CardEvent>>, event: &CardEvent) {
    let _ = live.send(Arc::new(event.clone()));
}

/// Nothing to announce beyond this process (see [`publish`]).
async fn announce(_conn: &mut Conn, _seq: i64) -> Result<(), sqlx::Error> {
    Ok(())
}

impl SqliteStore {
    fn publish(&self, event: &CardEvent) {
        publish(&self.live, event);
    }

    /// Nothing to start once the schema is there.
    async fn migrated(&self) -> Result<(), DbError> {
        Ok(())
    }

    fn closing(&self) {}

    /// The pool is closed: the file may be restored now.
    fn closed(&self) {
        if let Ok(mut lock) = self.lock.lock() {
            lock.take();
        }
    }
}
