//! The SQL of the calendar: what each deadline's owners have done this campaign year.

use super::super::Conn;
use crate::db::DbResult;
use chrono::NaiveDate;
use std::collections::HashMap;

/// A unit as the calendar lists it.
pub struct Unit {
    pub id: i64,
    pub name: String,
    pub bloc_id: i64,
}

/// Per unit: nominations fostered or further, and how many have each evaluation.
#[derive(Default, Clone, Copy)]
pub struct Evaluated {
    pub total: u32,
    pub six: u32,
    pub nine: u32,
    pub annual: u32,
}

/// Every unit, in Vietnamese alphabetical order.
pub async fn units(conn: &mut Conn) -> DbResult<Vec<Unit>> {
    let mut units: Vec<Unit> =
        sqlx::query_as::<_, (i64, String, i64)>("SELECT id, name, bloc_id FROM units")
            .fetch_all(&mut *conn)
            .await?
            .into_iter()
            .map(|(id, name, bloc_id)| Unit { id, name, bloc_id })
            .collect();
    units.sort_by(|a, b| shared::text::compare_vi(&a.name, &b.name));
    Ok(units)
}

/// Every bloc (id, name), in Vietnamese alphabetical order.
pub async fn blocs(conn: &mut Conn) -> DbResult<Vec<(i64, String)>> {
    let mut blocs: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM blocs")
        .fetch_all(&mut *conn)
        .await?;
    blocs.sort_by(|a, b| shared::text::compare_vi(&a.1, &b.1));
    Ok(blocs)
}

/// D-1: per unit, its nominations that got past "discovered" (registered).
pub async fn registered(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
) -> DbResult<HashMap<i64, u32>> {
    Ok(sqlx::query_as::<_, (i64, i64)>(
        "SELECT unit_id, COUNT(*) FROM nominations
         WHERE campaign_id = $1 AND year = $2
           AND (stage NOT IN ('discovered', 'dropped')
                OR (stage = 'dropped' AND dropped_from <> 'discovered'))
         GROUP BY unit_id",
    )
    .bind(campaign_id)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|(unit, n)| (unit, n as u32))
    .collect())
}

/// E-1: per unit, the evaluations of what it fosters.
pub async fn evaluated(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
) -> DbResult<HashMap<i64, Evaluated>> {
    Ok(sqlx::query_as::<_, (i64, i64, i64, i64, i64)>(
        "SELECT n.unit_id, COUNT(*),
             SUM(CASE WHEN EXISTS (SELECT 1 FROM evaluations e WHERE e.nomination_id = n.id AND e.period = 'six_month') THEN 1 ELSE 0 END),
             SUM(CASE WHEN EXISTS (SELECT 1 FROM evaluations e WHERE e.nomination_id = n.id AND e.period = 'nine_month') THEN 1 ELSE 0 END),
             SUM(CASE WHEN EXISTS (SELECT 1 FROM evaluations e WHERE e.nomination_id = n.id AND e.period = 'annual') THEN 1 ELSE 0 END)
         FROM nominations n
         WHERE n.campaign_id = $1 AND n.year = $2 AND n.stage IN ('fostering', 'evaluating', 'replicated')
         GROUP BY n.unit_id",
    )
    .bind(campaign_id)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|(unit, total, six, nine, annual)| {
        let count = |n: i64| n as u32;
        (
            unit,
            Evaluated {
                total: count(total),
                six: count(six),
                nine: count(nine),
                annual: count(annual),
            },
        )
    })
    .collect())
}

/// D-2: the blocs whose review is submitted.
pub async fn reviewed_blocs(conn: &mut Conn, campaign_id: i64, year: i32) -> DbResult<Vec<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT bloc_id FROM bloc_reviews
         WHERE campaign_id = $1 AND year = $2 AND submitted_at IS NOT NULL",
    )
    .bind(campaign_id)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?)
}

/// E-2: how many exemplars each period's selection holds, by period code (`q1` … `annual`).
pub async fn selected(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
) -> DbResult<HashMap<String, u32>> {
    Ok(sqlx::query_as::<_, (String, i64)>(
        "SELECT period, COUNT(*) FROM selection_items WHERE campaign_id = $1 AND year = $2
         GROUP BY period",
    )
    .bind(campaign_id)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .map(|(p, n)| (p, n as u32))
    .collect())
}

/// D-3: the models registered with the City this year, and the day the list was sent.
pub async fn city_registered(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
) -> DbResult<(u32, Option<NaiveDate>)> {
    let n: i64 = sqlx::query_scalar(
        "SELECT COUNT(*) FROM nominations WHERE campaign_id = $1 AND year = $2 AND city_registered",
    )
    .bind(campaign_id)
    .bind(year)
    .fetch_one(&mut *conn)
    .await?;
    let sent_on: Option<NaiveDate> = sqlx::query_scalar(
        "SELECT sent_on FROM city_dispatches WHERE campaign_id = $1 AND year = $2",
    )
    .bind(campaign_id)
    .bind(year)
    .fetch_optional(&mut *conn)
    .await?;
    Ok((n as u32, sent_on))
}

/// The event log's last sequence number, read with the calendar.
pub async fn last_seq(conn: &mut Conn) -> DbResult<i64> {
    Ok(
        sqlx::query_scalar("SELECT COALESCE(MAX(id), 0) FROM events")
            .fetch_one(&mut *conn)
            .await?,
    )
}

/// (calendar, ballot). The first changes with every campaign made or corrected and every
/// calendar or criteria version saved: the sum of the years' versions (each save adds one),
/// the counts of campaigns and criteria versions (never deleted), and the campaigns'
/// versions weighted so that a correction, which may also take a year and its versions
/// away, always moves it. The second with every ballot opened (a row) and every paper
/// cast or closing (its version).
pub async fn live_stamps(conn: &mut Conn) -> DbResult<(i64, i64)> {
    Ok(sqlx::query_as(
        "SELECT CAST((SELECT COUNT(*) FROM campaigns)
                   + (SELECT COALESCE(SUM(version), 0) FROM campaigns) * 1000000
                   + (SELECT COALESCE(SUM(version), 0) FROM campaign_years)
                   + (SELECT COUNT(*) FROM criteria_versions)
                   + (SELECT COALESCE(SUM(version), 0) FROM unit_reports)
                   + (SELECT COALESCE(SUM(version), 0) FROM department_reports) AS BIGINT),
                CAST((SELECT COUNT(*) FROM ballots)
                   + (SELECT COALESCE(SUM(version), 0) FROM ballots) AS BIGINT)",
    )
    .fetch_one(&mut *conn)
    .await?)
}
