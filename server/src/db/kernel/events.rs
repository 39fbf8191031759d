//! The event log: every change of a card, appended with its audit entry inside the write,
//! announced to other instances, and replayed to live clients that fell behind.

use super::audit::append_audit_after;
use super::{Conn, Pool};
use crate::db::DbResult;
use app::ports::RepoError;
use app::types::auth::CurrentUser;
use app::types::model::{AuditAction, AuditEntry, CardEvent, MoveAction};

pub use crate::db::events::StoredChange;

/// Appends a change of a card to the event log and the audit history, inside the caller's
/// write (see `WriteTx`, which announces once for all its changes), chaining the audit
/// entry after `audit_tail` when the caller knows it; `detail` (what changed besides the
/// card: a plan, an evaluation) goes into the audit entry's "after".
// The write's parts, each from a different owner (the transaction, the user, the change,
// the audit chain's key and tail): a struct would only regroup them at every caller.
#[allow(clippy::too_many_arguments)]
pub async fn append_change(
    conn: &mut Conn,
    user: &CurrentUser,
    change: StoredChange,
    audit_before: Option<String>,
    detail: Option<serde_json::Value>,
    now: &str,
    audit_key: Option<&crate::audit::ChainKey>,
    audit_tail: &mut Option<(i64, String)>,
) -> DbResult<CardEvent> {
    let payload =
        serde_json::to_string(&change).map_err(|e| RepoError::Unavailable(e.to_string()))?;
    let seq: i64 = sqlx::query_scalar(
        "INSERT INTO events (at, actor_id, nomination_id, action, payload) VALUES ($1, $2, $3, $4, $5)
         RETURNING id",
    )
    .bind(now)
    .bind(user.user_id)
    .bind(change.card.id)
    .bind(change.action.code())
    .bind(&payload)
    .fetch_one(&mut *conn)
    .await?;
    let entry = AuditEntry {
        actor_id: Some(user.user_id),
        actor_name: user.username.clone(),
        action: AuditAction::Card(change.action).into(),
        object_type: "nomination".into(),
        object_id: Some(change.card.id.to_string()),
        before: audit_before,
        after: Some(
            serde_json::json!({
                "stage": change.card.stage.code(),
                "version": change.card.version,
                "name": change.card.nominee_name,
                "reason": change.reason,
                "event": seq,
                "detail": detail,
            })
            .to_string(),
        ),
        address: None,
    };
    append_audit_after(conn, audit_key, &entry, audit_tail)
        .await
        .map_err(|e| RepoError::Unavailable(e.to_string()))?;
    Ok(change.into_event(seq))
}

/// The card events after `after`, oldest first.
pub async fn events_after(pool: &Pool, after: i64, limit: i64) -> DbResult<Vec<CardEvent>> {
    let actions = MoveAction::ALL
        .iter()
        .map(|a| format!("'{}'", a.code()))
        .collect::<Vec<_>>()
        .join(", ");
    let rows: Vec<(i64, String)> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT id, payload FROM events WHERE id > $1 AND action IN ({actions}) ORDER BY id LIMIT $2"
    )))
    .bind(after)
    .bind(limit)
    .fetch_all(pool)
    .await?;
    rows.into_iter()
        .map(|(seq, payload)| {
            serde_json::from_str::<StoredChange>(&payload)
                .map(|c| c.into_event(seq))
                .map_err(|e| RepoError::Unavailable(format!("event {seq}: {e}")).into())
        })
        .collect()
}
