//! The SQL of nominations: what was filled in, its evidence, its history, and writing them.

use super::super::Conn;
use crate::db::DbResult;
use app::ports::RepoError;
use app::types::model::{CollectiveOption, HistoryEntry};
use shared::domain::{ExemplarType, NominationDraft, Position, Profile};
use std::collections::BTreeMap;

/// What a nomination holds besides its card.
pub struct Stored {
    pub campaign_id: i64,
    pub year: i32,
    pub profile: Profile,
    pub description: String,
    pub replication_potential: String,
    pub created_at: String,
    pub exemplar_type: Option<ExemplarType>,
    pub movement_id: Option<i64>,
}

pub async fn stored(conn: &mut Conn, id: i64) -> DbResult<Stored> {
    #[allow(clippy::type_complexity)]
    let (
        campaign_id,
        year,
        profile,
        description,
        replication_potential,
        created_at,
        exemplar_type,
        movement_id,
    ): (
        i64,
        i32,
        String,
        String,
        String,
        String,
        Option<String>,
        Option<i64>,
    ) = sqlx::query_as(
        "SELECT campaign_id, year, profile, description, replication_potential, created_at,
             exemplar_type, movement_id
         FROM nominations WHERE id = $1",
    )
    .bind(id)
    .fetch_one(&mut *conn)
    .await?;
    let profile = serde_json::from_str(&profile)
        .map_err(|e| RepoError::Unavailable(format!("nomination {id}: bad profile: {e}")))?;
    let exemplar_type = match exemplar_type {
        None => None,
        Some(code) => Some(ExemplarType::from_code(&code).ok_or_else(|| {
            RepoError::Unavailable(format!("nomination {id}: bad exemplar type {code}"))
        })?),
    };
    Ok(Stored {
        campaign_id,
        year,
        profile,
        description,
        replication_potential,
        created_at,
        exemplar_type,
        movement_id,
    })
}

/// The evidence given for each criterion, by criterion code.
pub async fn evidence(conn: &mut Conn, id: i64) -> DbResult<BTreeMap<String, String>> {
    Ok(sqlx::query_as(
        "SELECT criterion_code, evidence FROM nomination_evidence WHERE nomination_id = $1",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?
    .into_iter()
    .collect())
}

/// The card's history from the event log, oldest first. The council's scoring is its own
/// business (blind until submitted), not the card's history.
pub async fn history(conn: &mut Conn, id: i64) -> DbResult<Vec<HistoryEntry>> {
    let rows: Vec<(i64, String, String)> =
        sqlx::query_as("SELECT id, at, payload FROM events WHERE nomination_id = $1 ORDER BY id")
            .bind(id)
            .fetch_all(&mut *conn)
            .await?;
    Ok(rows
        .into_iter()
        .filter_map(|(seq, at, payload)| {
            let change: crate::db::events::StoredChange = serde_json::from_str(&payload).ok()?;
            (!change.action.is_council()).then_some(HistoryEntry {
                seq,
                at,
                by: change.by,
                action: change.action,
                from: change.from,
                to: change.card.stage,
                reason: change.reason,
            })
        })
        .collect())
}

/// The collective nominations of a year still in the running (for C-C4's link).
pub async fn collectives(conn: &mut Conn, year: i32) -> DbResult<Vec<CollectiveOption>> {
    let rows: Vec<(i64, String, i64)> = sqlx::query_as(
        "SELECT id, nominee_name, unit_id FROM nominations
         WHERE year = $1 AND kind = 'collective' AND stage <> 'dropped' ORDER BY nominee_name",
    )
    .bind(year)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(id, name, unit_id)| CollectiveOption { id, name, unit_id })
        .collect())
}

/// The campaign that covers `year`, if any.
pub async fn campaign_covering(conn: &mut Conn, year: i32) -> DbResult<Option<i64>> {
    Ok(sqlx::query_scalar(
        "SELECT id FROM campaigns WHERE $1 BETWEEN start_year AND end_year ORDER BY id DESC LIMIT 1",
    )
    .bind(year)
    .fetch_optional(&mut *conn)
    .await?)
}

pub async fn unit_exists(conn: &mut Conn, unit_id: i64) -> DbResult<bool> {
    let unit: Option<i64> = sqlx::query_scalar("SELECT id FROM units WHERE id = $1")
        .bind(unit_id)
        .fetch_optional(&mut *conn)
        .await?;
    Ok(unit.is_some())
}

/// The position at the top of the year's "discovered" column.
pub async fn top_of_discovered(conn: &mut Conn, campaign_id: i64, year: i32) -> DbResult<Position> {
    let first: Option<String> = sqlx::query_scalar(
        "SELECT position FROM nominations WHERE campaign_id = $1 AND year = $2 AND stage = 'discovered'
         ORDER BY position, id LIMIT 1",
    )
    .bind(campaign_id)
    .bind(year)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(match first.map(Position::try_from) {
        Some(Ok(p)) => p.before(),
        _ => Position::first(),
    })
}

fn profile_json(draft: &NominationDraft) -> DbResult<String> {
    serde_json::to_string(&draft.profile).map_err(|e| RepoError::Unavailable(e.to_string()).into())
}

/// A new nomination, discovered, at `position`; returns its id.
pub async fn insert(
    conn: &mut Conn,
    campaign_id: i64,
    year: i32,
    draft: &NominationDraft,
    position: &Position,
    by: &str,
    now: &str,
) -> DbResult<i64> {
    let id = sqlx::query_scalar(
        "INSERT INTO nominations (campaign_id, year, unit_id, kind, nominee_name, profile,
             description, replication_potential, stage, position, created_at, updated_at,
             updated_by, exemplar_type, movement_id)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, 'discovered', $9, $10, $11, $12, $13, $14)
         RETURNING id",
    )
    .bind(campaign_id)
    .bind(year)
    .bind(draft.unit_id)
    .bind(draft.profile.kind().code())
    .bind(&draft.nominee_name)
    .bind(profile_json(draft)?)
    .bind(&draft.description)
    .bind(&draft.replication_potential)
    .bind(position.as_str())
    .bind(now)
    .bind(now)
    .bind(by)
    .bind(draft.exemplar_type.map(|t| t.code()))
    .bind(draft.movement_id)
    .fetch_one(&mut *conn)
    .await?;
    write_evidence(conn, id, draft).await?;
    Ok(id)
}

/// What was filled in, replaced (the version was checked by the caller's write).
pub async fn update(
    conn: &mut Conn,
    id: i64,
    version: i64,
    draft: &NominationDraft,
    by: &str,
    now: &str,
) -> DbResult<()> {
    sqlx::query(
        "UPDATE nominations SET nominee_name = $1, profile = $2, description = $3,
             replication_potential = $4, version = version + 1, updated_at = $5, updated_by = $6,
             exemplar_type = $9, movement_id = $10
         WHERE id = $7 AND version = $8",
    )
    .bind(&draft.nominee_name)
    .bind(profile_json(draft)?)
    .bind(&draft.description)
    .bind(&draft.replication_potential)
    .bind(now)
    .bind(by)
    .bind(id)
    .bind(version)
    .bind(draft.exemplar_type.map(|t| t.code()))
    .bind(draft.movement_id)
    .execute(&mut *conn)
    .await?;
    write_evidence(conn, id, draft).await
}

async fn write_evidence(conn: &mut Conn, id: i64, draft: &NominationDraft) -> DbResult<()> {
    sqlx::query("DELETE FROM nomination_evidence WHERE nomination_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    for (code, text) in &draft.evidence {
        sqlx::query(
            "INSERT INTO nomination_evidence (nomination_id, criterion_code, evidence) VALUES ($1, $2, $3)",
        )
        .bind(id)
        .bind(code)
        .bind(text)
        .execute(&mut *conn)
        .await?;
    }
    Ok(())
}
