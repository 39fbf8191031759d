//! The SQL of the quarterly and annual selections (E-2): the stored list of a period and
//! the nominations that may be on it.

use super::super::kernel::lists::{insert_items, List};
use super::super::Conn;
use crate::db::{DbError, DbResult};
use app::ports::RepoError;
use app::types::calendar::SelectionCandidate;
use shared::domain::{NomineeKind, SelectionPeriod, Stage};

/// The period's stored list: (version, updated by, updated at); None when never saved.
pub async fn stored(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
    period: SelectionPeriod,
) -> DbResult<Option<(i64, String, String)>> {
    Ok(sqlx::query_as(
        "SELECT version, updated_by, updated_at FROM selections
         WHERE campaign_id = $1 AND year = $2 AND period = $3",
    )
    .bind(campaign_id)
    .bind(year)
    .bind(period.code())
    .fetch_optional(&mut *conn)
    .await?)
}

/// How many exemplars each period's list holds, by period code.
pub async fn counts(conn: &mut Conn, campaign_id: i64, year: i32) -> DbResult<Vec<(String, i64)>> {
    Ok(sqlx::query_as(
        "SELECT period, COUNT(*) FROM selection_items WHERE campaign_id = $1 AND year = $2
         GROUP BY period",
    )
    .bind(campaign_id)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?)
}

/// Replaces the period's list with `ids` (sorted, without repeats); returns its new version.
pub async fn replace(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
    period: SelectionPeriod,
    ids: &[i64],
    by: &str,
    now: &str,
) -> DbResult<i64> {
    let version: i64 = sqlx::query_scalar(
        "INSERT INTO selections (campaign_id, year, period, version, updated_at, updated_by)
         VALUES ($1, $2, $3, 1, $4, $5)
         ON CONFLICT (campaign_id, year, period) DO UPDATE SET
             version = selections.version + 1, updated_at = excluded.updated_at,
             updated_by = excluded.updated_by
         RETURNING version",
    )
    .bind(campaign_id)
    .bind(year)
    .bind(period.code())
    .bind(now)
    .bind(by)
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM selection_items WHERE campaign_id = $1 AND year = $2 AND period = $3")
        .bind(campaign_id)
        .bind(year)
        .bind(period.code())
        .execute(&mut *conn)
        .await?;
    let list = List::Selection(period.code());
    insert_items(conn, list, campaign_id, year, ids).await?;
    Ok(version)
}

/// The nominations of a year that may be sent to the City (registered or further), and
/// whether each is on the period's list.
pub async fn candidates(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
    period: SelectionPeriod,
) -> DbResult<Vec<SelectionCandidate>> {
    let rows: Vec<(i64, String, String, String, String, String, bool)> = sqlx::query_as(
        "SELECT n.id, n.nominee_name, u.name, b.name, n.kind, n.stage,
             EXISTS (SELECT 1 FROM selection_items s WHERE s.campaign_id = n.campaign_id
                 AND s.year = n.year AND s.period = $1 AND s.nomination_id = n.id)
         FROM nominations n JOIN units u ON u.id = n.unit_id JOIN blocs b ON b.id = u.bloc_id
         WHERE n.campaign_id = $2 AND n.year = $3
           AND n.stage IN ('registered', 'fostering', 'evaluating', 'replicated')",
    )
    .bind(period.code())
    .bind(campaign_id)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = rows
        .into_iter()
        .map(|(id, name, unit_name, bloc_name, kind, stage, selected)| {
            let corrupt = || {
                DbError::from(RepoError::Unavailable(format!(
                    "nomination {id}: bad kind or stage"
                )))
            };
            Ok(SelectionCandidate {
                id,
                name,
                unit_name,
                bloc_name,
                kind: NomineeKind::from_code(&kind).ok_or_else(corrupt)?,
                stage: Stage::from_code(&stage).ok_or_else(corrupt)?,
                selected,
            })
        })
        .collect::<DbResult<Vec<_>>>()?;
    // The furthest along first (replicated models are the likeliest to be sent), then by name.
    out.sort_by(|a, b| {
        let rank = |s: Stage| Stage::ALL.iter().position(|x| *x == s).unwrap_or(0);
        rank(b.stage)
            .cmp(&rank(a.stage))
            .then_with(|| shared::text::compare_vi(&a.name, &b.name))
    });
    Ok(out)
}
