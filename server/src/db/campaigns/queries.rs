//! The SQL of the campaigns.

use super::super::Conn;
use crate::db::DbResult;
use app::types::model::CampaignRow;

type Row = (i64, String, String, i32, i32);

fn row((id, name, decision, start_year, end_year): Row) -> CampaignRow {
    CampaignRow {
        id,
        name,
        decision,
        start_year,
        end_year,
    }
}

pub async fn list(conn: &mut Conn) -> DbResult<Vec<CampaignRow>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, name, decision, start_year, end_year FROM campaigns
         ORDER BY start_year DESC, id DESC",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(row).collect())
}

pub async fn get(conn: &mut Conn, id: i64) -> DbResult<Option<CampaignRow>> {
    let found: Option<Row> = sqlx::query_as(
        "SELECT id, name, decision, start_year, end_year FROM campaigns WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(found.map(row))
}

/// The first year from `start` to `end` that another campaign already covers, if any.
pub async fn first_taken_year(conn: &mut Conn, start: i32, end: i32) -> DbResult<Option<i32>> {
    let other: Option<(i32,)> = sqlx::query_as(
        "SELECT start_year FROM campaigns WHERE start_year <= $2 AND end_year >= $1
         ORDER BY start_year LIMIT 1",
    )
    .bind(start)
    .bind(end)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(other.map(|(other_start,)| other_start.max(start)))
}

pub async fn insert(
    conn: &mut Conn,
    name: &str,
    decision: &str,
    (start, end): (i32, i32),
    now: &str,
) -> DbResult<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO campaigns (name, decision, start_year, end_year, created_at)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(name)
    .bind(decision)
    .bind(start)
    .bind(end)
    .bind(now)
    .fetch_one(&mut *conn)
    .await?)
}
