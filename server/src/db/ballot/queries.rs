//! The SQL of the secret ballot: the ballot of a campaign year, its shortlist, the votes.

use super::super::Conn;
use crate::db::DbResult;

/// Whether nomination `id` is on an open ballot of the year, and whether `member` has voted
/// on it: (open, voted).
pub async fn vote_state(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
    id: i64,
    member: i64,
) -> DbResult<(bool, bool)> {
    let state: Option<(Option<String>, i64)> = sqlx::query_as(
        "SELECT b.closed_at,
             (SELECT COUNT(*) FROM votes v WHERE v.campaign_id = b.campaign_id AND v.year = b.year
                 AND v.nomination_id = $1 AND v.member_id = $2)
         FROM ballots b JOIN ballot_items i ON i.campaign_id = b.campaign_id AND i.year = b.year
         WHERE b.campaign_id = $3 AND b.year = $4 AND i.nomination_id = $5",
    )
    .bind(id)
    .bind(member)
    .bind(campaign_id)
    .bind(year)
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(match state {
        Some((closed, n)) => (closed.is_none(), n > 0),
        None => (false, false),
    })
}

pub async fn insert_vote(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
    id: i64,
    member: i64,
    agree: bool,
    now: &str,
) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO votes (campaign_id, year, nomination_id, member_id, agree, cast_at)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(campaign_id)
    .bind(year)
    .bind(id)
    .bind(member)
    .bind(agree)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Closes the year's open ballot; false when there was none open.
pub async fn close(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
    by: &str,
    now: &str,
) -> DbResult<bool> {
    let closed = sqlx::query(
        "UPDATE ballots SET closed_at = $1, closed_by = $2
         WHERE campaign_id = $3 AND year = $4 AND closed_at IS NULL",
    )
    .bind(now)
    .bind(by)
    .bind(campaign_id)
    .bind(year)
    .execute(&mut *conn)
    .await?;
    Ok(closed.rows_affected() == 1)
}
