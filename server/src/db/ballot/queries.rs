//! The SQL of the secret ballot: who took part, the anonymous counts, the closing.

use super::super::Conn;
use crate::db::DbResult;

/// Records that `member` took part in the year's ballot (once: the key refuses a second),
/// and moves the ballot's version on for the live channel.
pub async fn take_part(conn: &mut Conn, campaign_id: i64, year: i32, member: i64) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO ballot_participants (campaign_id, year, member_id) VALUES ($1, $2, $3)",
    )
    .bind(campaign_id)
    .bind(year)
    .bind(member)
    .execute(&mut *conn)
    .await?;
    sqlx::query("UPDATE ballots SET version = version + 1 WHERE campaign_id = $1 AND year = $2")
        .bind(campaign_id)
        .bind(year)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Adds one choice to nomination `id`'s anonymous count.
pub async fn count(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
    id: i64,
    agree: bool,
) -> DbResult<()> {
    let sql = if agree {
        "UPDATE ballot_items SET agree = agree + 1
         WHERE campaign_id = $1 AND year = $2 AND nomination_id = $3"
    } else {
        "UPDATE ballot_items SET disagree = disagree + 1
         WHERE campaign_id = $1 AND year = $2 AND nomination_id = $3"
    };
    sqlx::query(sql)
        .bind(campaign_id)
        .bind(year)
        .bind(id)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// Closes the year's open ballot; false when there was none open.
pub async fn close(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
    council: i64,
    by: &str,
    now: &str,
) -> DbResult<bool> {
    // The council's size is kept: the shares stay of the council that voted.
    let closed = sqlx::query(
        "UPDATE ballots SET closed_at = $1, closed_by = $2, council_size = $3,
             version = version + 1
         WHERE campaign_id = $4 AND year = $5 AND closed_at IS NULL",
    )
    .bind(now)
    .bind(by)
    .bind(council)
    .bind(campaign_id)
    .bind(year)
    .execute(&mut *conn)
    .await?;
    Ok(closed.rows_affected() == 1)
}
