//! A campaign's criteria, versioned: each version is a whole set (one list per nominee
//! kind), each campaign year points at the version it is judged on. A version is never
//! changed once stored; a change is a new version that the years from a chosen one on move
//! to, except a year the council has begun scoring (its criteria are frozen).

use super::Conn;
use crate::db::{DbError, DbResult};
use app::ports::RepoError;
use shared::domain::{Assessment, CriteriaSet, Criterion, NomineeKind};

#[derive(sqlx::FromRow)]
struct Row {
    kind: String,
    code: String,
    text_vi: String,
    text_en: String,
    weight: i64,
    assessment: String,
    floor: Option<i64>,
}

/// The version a campaign year is judged on (0: none stored, the plan's criteria).
pub async fn version_of_year(conn: &mut Conn, campaign_id: i64, year: i32) -> DbResult<i64> {
    let version: Option<Option<i64>> = sqlx::query_scalar(
        "SELECT criteria_version FROM campaign_years WHERE campaign_id = $1 AND year = $2",
    )
    .bind(campaign_id)
    .bind(year)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(version.flatten().unwrap_or(0))
}

/// A stored version's set; version 0 is the plan's (a year stored before criteria were).
pub async fn set(conn: &mut Conn, campaign_id: i64, version: i64) -> DbResult<CriteriaSet> {
    if version == 0 {
        return Ok(CriteriaSet::plan());
    }
    let rows: Vec<Row> = sqlx::query_as(
        "SELECT kind, code, text_vi, text_en, weight, assessment, floor FROM criteria
         WHERE campaign_id = $1 AND version = $2 ORDER BY kind, position",
    )
    .bind(campaign_id)
    .bind(version)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = CriteriaSet::default();
    for r in rows {
        let corrupt = || {
            DbError::from(RepoError::Unavailable(format!(
                "criteria {campaign_id}/{version}/{}: bad kind, weight or assessment",
                r.code
            )))
        };
        let kind = NomineeKind::from_code(&r.kind).ok_or_else(corrupt)?;
        let criterion = Criterion {
            weight: u8::try_from(r.weight).map_err(|_| corrupt())?,
            assessment: Assessment::from_code(&r.assessment).ok_or_else(corrupt)?,
            floor: r.floor.and_then(|f| u8::try_from(f).ok()),
            code: r.code,
            vi: r.text_vi,
            en: r.text_en,
        };
        out.of_mut(kind).push(criterion);
    }
    Ok(out)
}

/// The criteria a campaign year is judged on, with their version.
pub async fn of_year(conn: &mut Conn, campaign_id: i64, year: i32) -> DbResult<(i64, CriteriaSet)> {
    let version = version_of_year(conn, campaign_id, year).await?;
    Ok((version, set(conn, campaign_id, version).await?))
}

/// Stores `set` as the campaign's next version (applying from `from_year`) and returns it.
/// The years are not moved to it here: see [`apply_from`].
pub async fn store_version(
    conn: &mut Conn,
    campaign_id: i64,
    from_year: i32,
    set: &CriteriaSet,
    (by, now): (&str, &str),
) -> DbResult<i64> {
    let version: i64 = sqlx::query_scalar(
        "SELECT COALESCE(MAX(version), 0) + 1 FROM criteria_versions WHERE campaign_id = $1",
    )
    .bind(campaign_id)
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO criteria_versions (campaign_id, version, from_year, created_at, created_by)
         VALUES ($1, $2, $3, $4, $5)",
    )
    .bind(campaign_id)
    .bind(version)
    .bind(from_year)
    .bind(now)
    .bind(by)
    .execute(&mut *conn)
    .await?;
    for kind in NomineeKind::ALL {
        for (position, c) in set.of(kind).iter().enumerate() {
            sqlx::query(
                "INSERT INTO criteria (campaign_id, version, kind, position, code, text_vi,
                     text_en, weight, assessment, floor)
                 VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9, $10)",
            )
            .bind(campaign_id)
            .bind(version)
            .bind(kind.code())
            .bind(position as i64)
            .bind(&c.code)
            .bind(&c.vi)
            .bind(&c.en)
            .bind(i64::from(c.weight))
            .bind(c.assessment.code())
            .bind(c.floor.map(i64::from))
            .execute(&mut *conn)
            .await?;
        }
    }
    Ok(version)
}

/// The years of the campaign whose council has begun: a sheet exists for one of the year's
/// nominations (a score, a comment or a declared conflict).
pub async fn frozen_years(conn: &mut Conn, campaign_id: i64) -> DbResult<Vec<i32>> {
    Ok(sqlx::query_scalar(
        "SELECT DISTINCT n.year FROM scoresheets s JOIN nominations n ON n.id = s.nomination_id
         WHERE n.campaign_id = $1 ORDER BY n.year",
    )
    .bind(campaign_id)
    .fetch_all(&mut *conn)
    .await?)
}

/// Moves the years from `from_year` on that are not frozen to `version`; returns them.
pub async fn apply_from(
    conn: &mut Conn,
    campaign_id: i64,
    from_year: i32,
    version: i64,
) -> DbResult<Vec<i32>> {
    let frozen = frozen_years(conn, campaign_id).await?;
    let years: Vec<i32> = sqlx::query_scalar(
        "SELECT year FROM campaign_years WHERE campaign_id = $1 AND year >= $2 ORDER BY year",
    )
    .bind(campaign_id)
    .bind(from_year)
    .fetch_all(&mut *conn)
    .await?;
    let moved: Vec<i32> = years.into_iter().filter(|y| !frozen.contains(y)).collect();
    for year in &moved {
        sqlx::query(
            "UPDATE campaign_years SET criteria_version = $1 WHERE campaign_id = $2 AND year = $3",
        )
        .bind(version)
        .bind(campaign_id)
        .bind(year)
        .execute(&mut *conn)
        .await?;
    }
    Ok(moved)
}

/// The campaign's latest stored version (0: none, the plan's).
pub async fn latest(conn: &mut Conn, campaign_id: i64) -> DbResult<i64> {
    Ok(sqlx::query_scalar(
        "SELECT COALESCE(MAX(version), 0) FROM criteria_versions WHERE campaign_id = $1",
    )
    .bind(campaign_id)
    .fetch_one(&mut *conn)
    .await?)
}

/// Who stored a version, and when.
pub async fn made_by(
    conn: &mut Conn,
    campaign_id: i64,
    version: i64,
) -> DbResult<Option<(i32, String, String)>> {
    Ok(sqlx::query_as(
        "SELECT from_year, created_by, created_at FROM criteria_versions
         WHERE campaign_id = $1 AND version = $2",
    )
    .bind(campaign_id)
    .bind(version)
    .fetch_optional(&mut *conn)
    .await?)
}
