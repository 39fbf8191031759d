//! The SQL of leadership's summary, the blocs' reviews (D-2) and the City list (D-3).

use super::super::Conn;
use crate::db::{DbError, DbResult};
use app::ports::RepoError;
use app::types::summary::ReviewExemplar;
use chrono::NaiveDate;
use shared::domain::{EvaluationPeriod, NomineeKind, Stage};
use std::collections::BTreeMap;

/// Every bloc (id, name), in Vietnamese alphabetical order.
pub async fn blocs(conn: &mut Conn) -> DbResult<Vec<(i64, String)>> {
    let mut blocs: Vec<(i64, String)> = sqlx::query_as("SELECT id, name FROM blocs")
        .fetch_all(&mut *conn)
        .await?;
    blocs.sort_by(|a, b| shared::text::compare_vi(&a.1, &b.1));
    Ok(blocs)
}

/// Every unit (id, name, bloc), in Vietnamese alphabetical order.
pub async fn units(conn: &mut Conn) -> DbResult<Vec<(i64, String, i64)>> {
    let mut units: Vec<(i64, String, i64)> = sqlx::query_as("SELECT id, name, bloc_id FROM units")
        .fetch_all(&mut *conn)
        .await?;
    units.sort_by(|a, b| shared::text::compare_vi(&a.1, &b.1));
    Ok(units)
}

/// The year's reviews: (bloc, submitted on, submitted by).
pub async fn reviews(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
) -> DbResult<Vec<(i64, Option<String>, Option<String>)>> {
    Ok(sqlx::query_as(
        "SELECT bloc_id, submitted_on, submitted_by FROM bloc_reviews
         WHERE campaign_id = $1 AND year = $2",
    )
    .bind(campaign_id)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?)
}

/// What a review save writes besides the comments.
pub struct ReviewWrite<'a> {
    pub assessment: &'a str,
    pub by: &'a str,
    pub now: &'a str,
    /// When submitted: the day (`YYYY-MM-DD`) and by whom.
    pub submitted: Option<(&'a str, &'a str)>,
}

/// Writes the bloc's review and replaces its comments; returns the review's new version.
pub async fn write_review(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
    bloc_id: i64,
    review: &ReviewWrite<'_>,
    comments: &BTreeMap<i64, String>,
) -> DbResult<i64> {
    let version: i64 = sqlx::query_scalar(
        "INSERT INTO bloc_reviews (campaign_id, year, bloc_id, assessment, version, updated_at,
             updated_by, submitted_at, submitted_by, submitted_on)
         VALUES ($1, $2, $3, $4, 1, $5, $6, $7, $8, $9)
         ON CONFLICT (campaign_id, year, bloc_id) DO UPDATE SET
             assessment = excluded.assessment, version = bloc_reviews.version + 1,
             updated_at = excluded.updated_at, updated_by = excluded.updated_by,
             submitted_at = excluded.submitted_at, submitted_by = excluded.submitted_by,
             submitted_on = excluded.submitted_on
         RETURNING version",
    )
    .bind(campaign_id)
    .bind(year)
    .bind(bloc_id)
    .bind(review.assessment)
    .bind(review.now)
    .bind(review.by)
    .bind(review.submitted.map(|_| review.now))
    .bind(review.submitted.map(|(_, by)| by))
    .bind(review.submitted.map(|(on, _)| on))
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query(
        "DELETE FROM bloc_review_comments WHERE campaign_id = $1 AND year = $2 AND bloc_id = $3",
    )
    .bind(campaign_id)
    .bind(year)
    .bind(bloc_id)
    .execute(&mut *conn)
    .await?;
    for (id, comment) in comments {
        sqlx::query(
            "INSERT INTO bloc_review_comments (campaign_id, year, bloc_id, nomination_id, comment)
             VALUES ($1, $2, $3, $4, $5)",
        )
        .bind(campaign_id)
        .bind(year)
        .bind(bloc_id)
        .bind(id)
        .bind(comment)
        .execute(&mut *conn)
        .await?;
    }
    Ok(version)
}

/// The day the council decided the year's City list, if it has.
pub async fn city_decided_on(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
) -> DbResult<Option<NaiveDate>> {
    Ok(sqlx::query_scalar(
        "SELECT decided_on FROM city_decisions WHERE campaign_id = $1 AND year = $2",
    )
    .bind(campaign_id)
    .bind(year)
    .fetch_optional(&mut *conn)
    .await?)
}

/// The year's models registered with the City: (id, name, unit, kind code, achievements —
/// the latest evaluation's, else the nomination's description).
pub async fn city_rows(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
) -> DbResult<Vec<(i64, String, String, String, String)>> {
    Ok(sqlx::query_as(
        "SELECT n.id, n.nominee_name, u.name, n.kind,
             COALESCE((SELECT e.achievements FROM evaluations e WHERE e.nomination_id = n.id
                       ORDER BY CASE e.period WHEN 'annual' THEN 0 WHEN 'nine_month' THEN 1
                                ELSE 2 END
                       LIMIT 1), n.description)
         FROM nominations n JOIN units u ON u.id = n.unit_id
         WHERE n.campaign_id = $1 AND n.year = $2 AND n.city_registered",
    )
    .bind(campaign_id)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?)
}

#[derive(sqlx::FromRow)]
pub struct StoredReview {
    pub version: i64,
    pub assessment: String,
    pub updated_at: Option<String>,
    pub updated_by: Option<String>,
    pub submitted_on: Option<String>,
    pub submitted_by: Option<String>,
}

pub async fn stored_review(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
    bloc_id: i64,
) -> DbResult<Option<StoredReview>> {
    sqlx::query_as(
        "SELECT version, assessment, updated_at, updated_by, submitted_on, submitted_by
         FROM bloc_reviews WHERE campaign_id = $1 AND year = $2 AND bloc_id = $3",
    )
    .bind(campaign_id)
    .bind(year)
    .bind(bloc_id)
    .fetch_optional(&mut *conn)
    .await
    .map_err(DbError::from)
}

#[derive(sqlx::FromRow)]
struct ExemplarRow {
    id: i64,
    nominee_name: String,
    unit_name: String,
    kind: String,
    stage: String,
    evaluations: Option<String>,
    replications: i64,
    city_registered: bool,
    comment: Option<String>,
}

/// The bloc's exemplars of the year (registered and still in the programme), by unit and
/// name, with the review's comment on each.
pub async fn exemplars(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
    bloc_id: i64,
) -> DbResult<Vec<ReviewExemplar>> {
    let rows: Vec<ExemplarRow> = sqlx::query_as(
        "SELECT n.id, n.nominee_name, u.name AS unit_name, n.kind, n.stage,
             (SELECT string_agg(e.period, ',') FROM evaluations e WHERE e.nomination_id = n.id)
                 AS evaluations,
             (SELECT COUNT(*) FROM replications r WHERE r.nomination_id = n.id) AS replications,
             n.city_registered, c.comment
         FROM nominations n
         JOIN units u ON u.id = n.unit_id
         LEFT JOIN bloc_review_comments c ON c.campaign_id = n.campaign_id AND c.year = n.year
             AND c.bloc_id = u.bloc_id AND c.nomination_id = n.id
         WHERE n.campaign_id = $1 AND n.year = $2 AND u.bloc_id = $3
           AND n.stage IN ('registered', 'fostering', 'evaluating', 'replicated')",
    )
    .bind(campaign_id)
    .bind(year)
    .bind(bloc_id)
    .fetch_all(&mut *conn)
    .await?;
    let corrupt = |id: i64, what: &str| {
        DbError::from(RepoError::Unavailable(format!(
            "nomination {id}: bad {what}"
        )))
    };
    let mut out = rows
        .into_iter()
        .map(|r| {
            let mut evaluations: Vec<EvaluationPeriod> = r
                .evaluations
                .as_deref()
                .unwrap_or_default()
                .split(',')
                .filter(|p| !p.is_empty())
                .map(|p| EvaluationPeriod::from_code(p).ok_or_else(|| corrupt(r.id, "evaluation")))
                .collect::<DbResult<_>>()?;
            evaluations.sort_by_key(|p| EvaluationPeriod::ALL.iter().position(|x| x == p));
            Ok(ReviewExemplar {
                id: r.id,
                kind: NomineeKind::from_code(&r.kind).ok_or_else(|| corrupt(r.id, "kind"))?,
                stage: Stage::from_code(&r.stage).ok_or_else(|| corrupt(r.id, "stage"))?,
                name: r.nominee_name,
                unit_name: r.unit_name,
                evaluations,
                replications: r.replications as u32,
                city_registered: r.city_registered,
                comment: r.comment.unwrap_or_default(),
            })
        })
        .collect::<DbResult<Vec<_>>>()?;
    out.sort_by(|a, b| {
        shared::text::compare_vi(&a.unit_name, &b.unit_name)
            .then_with(|| shared::text::compare_vi(&a.name, &b.name))
    });
    Ok(out)
}

/// The bloc's name and its head unit's; `NotFound` when there is no such bloc.
pub async fn bloc_names(conn: &mut Conn, bloc_id: i64) -> DbResult<(String, Option<String>)> {
    sqlx::query_as(
        "SELECT b.name, u.name FROM blocs b LEFT JOIN units u ON u.id = b.head_unit_id
         WHERE b.id = $1",
    )
    .bind(bloc_id)
    .fetch_optional(&mut *conn)
    .await?
    .ok_or(RepoError::NotFound.into())
}

/// The commendation proposals of a campaign year: (unit, form proposed, status, form
/// granted).
pub async fn commendations(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
) -> DbResult<Vec<(i64, String, String, Option<String>)>> {
    Ok(sqlx::query_as(
        "SELECT n.unit_id, p.form, p.status, p.granted_form
         FROM commendation_proposals p JOIN nominations n ON n.id = p.nomination_id
         WHERE n.campaign_id = $1 AND n.year = $2 ORDER BY p.id",
    )
    .bind(campaign_id)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?)
}
