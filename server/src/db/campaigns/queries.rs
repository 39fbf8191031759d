//! The SQL of the campaigns.

use super::super::Conn;
use crate::db::DbResult;
use app::types::model::CampaignRow;

type Row = (i64, String, String, i32, i32, i64);

fn row((id, name, decision, start_year, end_year, version): Row) -> CampaignRow {
    CampaignRow {
        id,
        name,
        decision,
        start_year,
        end_year,
        version,
    }
}

pub async fn list(conn: &mut Conn) -> DbResult<Vec<CampaignRow>> {
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT id, name, decision, start_year, end_year, version FROM campaigns
         ORDER BY start_year DESC, id DESC",
    )
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows.into_iter().map(row).collect())
}

pub async fn get(conn: &mut Conn, id: i64) -> DbResult<Option<CampaignRow>> {
    let found: Option<Row> = sqlx::query_as(
        "SELECT id, name, decision, start_year, end_year, version FROM campaigns WHERE id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(found.map(row))
}

/// The first year from `start` to `end` that another campaign than `except` (0: none)
/// already covers, if any.
pub async fn first_taken_year(
    conn: &mut Conn,
    except: i64,
    start: i32,
    end: i32,
) -> DbResult<Option<i32>> {
    let other: Option<(i32,)> = sqlx::query_as(
        "SELECT start_year FROM campaigns WHERE start_year <= $2 AND end_year >= $1
             AND id <> $3
         ORDER BY start_year LIMIT 1",
    )
    .bind(start)
    .bind(end)
    .bind(except)
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

/// Changes a campaign's name, decision and years; its version grows.
pub async fn update(
    conn: &mut Conn,
    id: i64,
    (name, decision): (&str, &str),
    (start, end): (i32, i32),
    (by, now): (&str, &str),
) -> DbResult<()> {
    sqlx::query(
        "UPDATE campaigns SET name = $2, decision = $3, start_year = $4, end_year = $5,
             version = version + 1, updated_by = $6, updated_at = $7
         WHERE id = $1",
    )
    .bind(id)
    .bind(name)
    .bind(decision)
    .bind(start)
    .bind(end)
    .bind(by)
    .bind(now)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

/// Whether anything was recorded in the campaign's `year`: a nomination, or the council's
/// or the office's work on it. Such a year cannot leave the campaign.
pub async fn year_in_use(conn: &mut Conn, id: i64, year: i32) -> DbResult<bool> {
    let used: i64 = sqlx::query_scalar(
        "SELECT (SELECT COUNT(*) FROM nominations WHERE campaign_id = $1 AND year = $2)
              + (SELECT COUNT(*) FROM city_decisions WHERE campaign_id = $1 AND year = $2)
              + (SELECT COUNT(*) FROM ballots WHERE campaign_id = $1 AND year = $2)
              + (SELECT COUNT(*) FROM selections WHERE campaign_id = $1 AND year = $2)
              + (SELECT COUNT(*) FROM bloc_reviews WHERE campaign_id = $1 AND year = $2)",
    )
    .bind(id)
    .bind(year)
    .fetch_one(&mut *conn)
    .await?;
    Ok(used > 0)
}

/// Removes a year that left the campaign (nothing was recorded in it).
pub async fn remove_year(conn: &mut Conn, id: i64, year: i32) -> DbResult<()> {
    sqlx::query("DELETE FROM campaign_years WHERE campaign_id = $1 AND year = $2")
        .bind(id)
        .bind(year)
        .execute(&mut *conn)
        .await?;
    Ok(())
}

/// How many nominations name each of a campaign's movements.
pub async fn movement_use(
    conn: &mut Conn,
    campaign_id: i64,
) -> DbResult<std::collections::HashMap<i64, u32>> {
    let rows: Vec<(i64, i64)> = sqlx::query_as(
        "SELECT movement_id, CAST(COUNT(*) AS BIGINT) FROM nominations
         WHERE campaign_id = $1 AND movement_id IS NOT NULL GROUP BY movement_id",
    )
    .bind(campaign_id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, n)| (id, u32::try_from(n).unwrap_or(u32::MAX)))
        .collect())
}

/// A new movement of a campaign; returns its id.
pub async fn insert_movement(
    conn: &mut Conn,
    campaign_id: i64,
    name: &str,
    retired: bool,
    (by, at): (&str, &str),
) -> DbResult<i64> {
    Ok(sqlx::query_scalar(
        "INSERT INTO movements (campaign_id, name, retired, updated_at, updated_by)
         VALUES ($1, $2, $3, $4, $5) RETURNING id",
    )
    .bind(campaign_id)
    .bind(name)
    .bind(retired)
    .bind(at)
    .bind(by)
    .fetch_one(&mut *conn)
    .await?)
}

/// A movement renamed, retired or brought back (its version was checked by the caller).
pub async fn update_movement(
    conn: &mut Conn,
    id: i64,
    name: &str,
    retired: bool,
    (by, at): (&str, &str),
) -> DbResult<()> {
    sqlx::query(
        "UPDATE movements SET name = $1, retired = $2, version = version + 1, updated_at = $3,
             updated_by = $4
         WHERE id = $5",
    )
    .bind(name)
    .bind(retired)
    .bind(at)
    .bind(by)
    .bind(id)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
