//! The PostgreSQL backend, for several server instances on one database. Its repositories
//! are the shared feature folders of `db/` (written once for both backends), compiled here over
//! PostgreSQL's types; this file holds what differs:
//!
//! - Writes are serialised like SQLite's: every write transaction first takes one
//!   transaction-scoped advisory lock, so a version check, a rule checked against stored
//!   data, and the audit history's hash chain (each entry hashes the one before) see every
//!   earlier write, whichever instance made it; and the event log's sequence numbers
//!   commit in order, so a reader that has seen event N has seen every event before it.
//! - Reads that need one consistent picture (the board and its sequence number) run in a
//!   `REPEATABLE READ` snapshot.
//! - Live events reach every instance through `LISTEN/NOTIFY` with the event log as the
//!   source of truth ([`fanout`]): a change announces itself inside its transaction, and
//!   each instance publishes what it reads from the log, its own changes included.

crate::db::repositories!();

pub mod fanout;

use super::DbError;
use app::types::model::CardEvent;
use sqlx::postgres::PgPoolOptions;
use sqlx::PgPool;
use std::sync::{Arc, Mutex};
use std::time::Duration;
use tokio::sync::{broadcast, watch};

type Db = sqlx::Postgres;
type Pool = PgPool;
type Conn = sqlx::PgConnection;
type Backend = PgStore;

static MIGRATOR: &sqlx::migrate::Migrator = &super::copy::POSTGRES_MIGRATOR;

/// The advisory lock every write transaction takes first (any number unique to Exemplar).
const WRITE_LOCK: i64 = 0x4578_656d_706c_6172; // "Exemplar"

/// Live events kept for slow subscribers before they must catch up from the event log.
const LIVE_BUFFER: usize = 4096;

pub struct PgStore {
    pool: PgPool,
    moves: tokio::sync::mpsc::Sender<board::writer::MoveJob>,
    /// What this instance's subscribers receive: fed by the fan-out, never directly.
    live: broadcast::Sender<Arc<CardEvent>>,
    /// Stops the fan-out; set once the schema exists (see `Store::migrate`).
    fanout: Mutex<Option<watch::Sender<bool>>>,
    /// The audit key, once the server has read it (see `audit::ChainKey`).
    audit_key: Arc<std::sync::OnceLock<crate::audit::ChainKey>>,
    /// The boards and calendars last read (see `db::snapshot_cache`).
    boards: super::snapshot_cache::SnapshotCache<app::types::model::Board>,
    calendars: super::snapshot_cache::SnapshotCache<app::types::calendar::CalendarView>,
}

impl PgStore {
    /// Opens a pool of at most `connections` (see `configuration::DEFAULT_PG_CONNECTIONS`).
    pub async fn open(url: &str, connections: u32) -> Result<Self, DbError> {
        let pool = PgPoolOptions::new()
            .max_connections(connections)
            .min_connections(1)
            .acquire_timeout(Duration::from_secs(10))
            .connect(url)
            .await
            .map_err(|e| DbError::Open {
                url: super::copy::redact(url),
                reason: super::describe_open_error(&e),
            })?;
        let (live, _) = broadcast::channel(LIVE_BUFFER);
        // The writer's own publishing is a no-op here (see `publish`): it gets a sender
        // nobody listens to.
        let (unused, _) = broadcast::channel(1);
        let audit_key = Arc::default();
        let moves = board::writer::spawn_writer(pool.clone(), unused, Arc::clone(&audit_key));
        Ok(PgStore {
            pool,
            moves,
            live,
            audit_key,
            fanout: Mutex::new(None),
            boards: Default::default(),
            calendars: Default::default(),
        })
    }

    pub fn pool(&self) -> &PgPool {
        &self.pool
    }

    /// Live events are published by the fan-out, which reads them back from the log.
    fn publish(&self, _event: &CardEvent) {}

    /// Starts the fan-out once the event log exists: from the log's end as it is now.
    async fn migrated(&self) -> Result<(), DbError> {
        if self.fanout.lock().map(|f| f.is_some()).unwrap_or(true) {
            return Ok(());
        }
        let after = fanout::last_seq(&self.pool).await?;
        let (stop, stop_rx) = watch::channel(false);
        fanout::feed_fanout(self.pool.clone(), after, self.live.clone(), stop_rx).await?;
        if let Ok(mut slot) = self.fanout.lock() {
            match slot.as_ref() {
                // Another call started one meanwhile: this one is not needed.
                Some(_) => {
                    let _ = stop.send(true);
                }
                None => *slot = Some(stop),
            }
        }
        Ok(())
    }

    fn closing(&self) {
        if let Some(stop) = self.fanout.lock().ok().and_then(|mut f| f.take()) {
            let _ = stop.send(true);
        }
    }

    /// Nothing is held beyond the pool.
    fn closed(&self) {}
}

/// A write transaction: one advisory lock serialises writers across every instance (see
/// the module's documentation).
async fn begin_write(pool: &Pool) -> Result<sqlx::Transaction<'static, Db>, sqlx::Error> {
    let mut tx = pool.begin().await?;
    sqlx::query("SELECT pg_advisory_xact_lock($1)")
        .bind(WRITE_LOCK)
        .execute(&mut *tx)
        .await?;
    Ok(tx)
}

/// [`begin_write`] on a connection the caller manages (the move writer's batches).
async fn begin_write_on(conn: &mut Conn) -> Result<(), sqlx::Error> {
    sqlx::query("BEGIN").execute(&mut *conn).await?;
    let locked = sqlx::query("SELECT pg_advisory_xact_lock($1)")
        .bind(WRITE_LOCK)
        .execute(&mut *conn)
        .await;
    if let Err(e) = locked {
        // Never hand the connection back inside a transaction.
        let _ = sqlx::query("ROLLBACK").execute(&mut *conn).await;
        return Err(e);
    }
    Ok(())
}

/// A read transaction on one snapshot.
async fn begin_read(pool: &Pool) -> Result<sqlx::Transaction<'static, Db>, sqlx::Error> {
    pool.begin_with("BEGIN ISOLATION LEVEL REPEATABLE READ READ ONLY")
        .await
}

/// See [`PgStore::publish`].
fn publish(_live: &broadcast::Sender<Arc<CardEvent>>, _event: &CardEvent) {}

/// Announces a committed change to every instance (see `fanout::announce`).
async fn announce(conn: &mut Conn, seq: i64) -> Result<(), sqlx::Error> {
    fanout::announce(conn, seq).await
}

/// The card events after `after` (the live fan-out reads the log with it).
pub(crate) async fn events_after(
    pool: &Pool,
    after: i64,
    limit: i64,
) -> Result<Vec<CardEvent>, DbError> {
    kernel::events::events_after(pool, after, limit).await
}
