//! Live events across server instances: a change is written to the `events` log and, in
//! the same transaction, announced with `NOTIFY` (delivered at commit). Every instance
//! listens and, on each announcement — and every few seconds in any case — reads the log
//! after the last event it passed on and broadcasts what it finds, in order, once. So a
//! notification that is lost (a dropped connection, a listener reconnecting) costs at most
//! one polling interval, never an event: the log, not the notification, is the truth.

use crate::db::events::StoredChange;
use app::types::model::CardEvent;
use sqlx::postgres::{PgListener, PgPool};
use sqlx::PgConnection;
use std::sync::Arc;
use std::time::Duration;
use tokio::sync::broadcast;

/// The channel every instance listens on; the payload is the event's sequence number.
pub const CHANNEL: &str = "exemplar_events";
/// How often the log is read even without an announcement.
pub const POLL: Duration = Duration::from_secs(2);
/// Events read from the log at a time.
const BATCH: i64 = 500;

/// Appends a change to the event log inside the caller's transaction and announces it
/// (PostgreSQL delivers the announcement only if and when the transaction commits).
/// Returns the event's sequence number.
pub async fn append_event(
    tx: &mut PgConnection,
    at: &str,
    actor_id: Option<i64>,
    nomination_id: Option<i64>,
    change: &StoredChange,
) -> Result<i64, sqlx::Error> {
    let payload = serde_json::to_string(change).map_err(|e| sqlx::Error::Encode(Box::new(e)))?;
    let seq: i64 = sqlx::query_scalar(
        "INSERT INTO events (at, actor_id, nomination_id, action, payload)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(at)
    .bind(actor_id)
    .bind(nomination_id)
    .bind(change.action.code())
    .bind(payload)
    .fetch_one(&mut *tx)
    .await?;
    announce(tx, seq).await?;
    Ok(seq)
}

/// Announces event `seq` to every instance, inside the writer's transaction: PostgreSQL
/// delivers it at commit, or not at all if the transaction rolls back.
pub async fn announce(conn: &mut PgConnection, seq: i64) -> Result<(), sqlx::Error> {
    sqlx::query("SELECT pg_notify($1, $2)")
        .bind(CHANNEL)
        .bind(seq.to_string())
        .execute(&mut *conn)
        .await
        .map(|_| ())
}

/// The latest sequence number in the log (0 when it is empty).
pub async fn last_seq(pool: &PgPool) -> Result<i64, sqlx::Error> {
    sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM events")
        .fetch_one(pool)
        .await
}

/// Starts this instance's fan-out: events committed by any instance after `after` are
/// broadcast on the returned sender, each once and in order. Ends when `stop` turns true.
pub async fn spawn_fanout(
    pool: PgPool,
    after: i64,
    capacity: usize,
    stop: tokio::sync::watch::Receiver<bool>,
) -> Result<broadcast::Sender<Arc<CardEvent>>, sqlx::Error> {
    let (sender, _) = broadcast::channel(capacity);
    feed_fanout(pool, after, sender.clone(), stop).await?;
    Ok(sender)
}

/// [`spawn_fanout`] into a sender the caller already has. Returns once listening, so that
/// nothing committed afterwards can be missed.
pub async fn feed_fanout(
    pool: PgPool,
    after: i64,
    out: broadcast::Sender<Arc<CardEvent>>,
    mut stop: tokio::sync::watch::Receiver<bool>,
) -> Result<(), sqlx::Error> {
    let mut listener = PgListener::connect_with(&pool).await?;
    listener.listen(CHANNEL).await?;
    tokio::spawn(async move {
        let mut last = after;
        loop {
            // Whatever woke us, the log says what is new.
            loop {
                match crate::db::postgres::events_after(&pool, last, BATCH).await {
                    Ok(events) => {
                        let n = events.len() as i64;
                        for event in events {
                            last = event.seq;
                            let _ = out.send(Arc::new(event));
                        }
                        if n < BATCH {
                            break;
                        }
                    }
                    Err(e) => {
                        tracing::warn!(error = %e, "live events: cannot read the log; retrying");
                        break;
                    }
                }
            }
            tokio::select! {
                biased;
                changed = stop.changed() => {
                    // Told to stop, or the store that could tell it is gone: without this
                    // the loop would spin on a closed channel, holding the listener's pooled
                    // connection, and the pool's close would wait for it.
                    if changed.is_err() || *stop.borrow() {
                        break;
                    }
                }
                received = listener.try_recv() => {
                    if let Err(e) = received {
                        tracing::warn!(error = %e, "live events: listener failed; polling");
                        tokio::time::sleep(POLL).await;
                    }
                    // Ok(None): the connection was lost and is re-established on the next
                    // call; what was announced meanwhile is read from the log now.
                }
                _ = tokio::time::sleep(POLL) => {}
            }
        }
    });
    Ok(())
}
