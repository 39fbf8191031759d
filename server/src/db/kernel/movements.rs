//! A campaign's emulation movements (N-2), read by the nominations that name one, the
//! summary that counts by them and the administrators' list.

use super::Conn;
use crate::db::DbResult;
use shared::domain::Movement;

/// A campaign's emulation movements, in the order they were added.
pub async fn of_campaign(conn: &mut Conn, campaign_id: i64) -> DbResult<Vec<Movement>> {
    let rows: Vec<(i64, String, bool, i64)> = sqlx::query_as(
        "SELECT id, name, retired, version FROM movements WHERE campaign_id = $1 ORDER BY id",
    )
    .bind(campaign_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, retired, version)| Movement {
            id,
            campaign_id,
            name,
            retired,
            version,
        })
        .collect())
}
