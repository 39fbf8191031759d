//! The key of a read kept for later requests (see `db::snapshot_cache`): read in the
//! caller's read transaction, before the value it keys.

use super::Conn;
use crate::db::snapshot_cache::SnapshotKey;
use crate::db::DbResult;
use chrono::NaiveDate;

/// The heads of the event log and the audit history in this snapshot, with the year asked
/// for and the day.
pub async fn key(conn: &mut Conn, year: Option<i32>, today: NaiveDate) -> DbResult<SnapshotKey> {
    let (events, audit): (i64, i64) = sqlx::query_as(
        "SELECT (SELECT COALESCE(MAX(id), 0) FROM events),
                (SELECT COALESCE(MAX(id), 0) FROM audit_log)",
    )
    .fetch_one(&mut *conn)
    .await?;
    Ok(SnapshotKey {
        year,
        today,
        events,
        audit,
    })
}
