//! The SQL of carrying a year's exemplars over: the year's cards with where each went, and
//! the copy of a card into the next year (its dossier, evidence and fostering plan).

use super::super::kernel::cards::{CardRow, CARD_COLUMNS, CARD_FROM};
use super::super::Conn;
use crate::db::{DbError, DbResult};
use app::ports::RepoError;
use app::types::carry::CarryRow;
use shared::domain::{Position, Profile, Stage};

/// The year's cards in board order (stage, then place in the column), each with the card
/// it became next year, if any.
pub async fn rows(conn: &mut Conn, campaign_id: i64, year: i32) -> DbResult<Vec<CarryRow>> {
    #[derive(sqlx::FromRow)]
    struct Row {
        #[sqlx(flatten)]
        card: CardRow,
        carried_to: Option<i64>,
    }
    let rows: Vec<Row> = sqlx::query_as(sqlx::AssertSqlSafe(format!(
        "SELECT {CARD_COLUMNS}, (SELECT c.id FROM nominations c WHERE c.carried_from = n.id) AS carried_to
         {CARD_FROM} WHERE n.campaign_id = $1 AND n.year = $2
         ORDER BY CASE n.stage WHEN 'discovered' THEN 0 WHEN 'registered' THEN 1
             WHEN 'fostering' THEN 2 WHEN 'evaluating' THEN 3 WHEN 'replicated' THEN 4 ELSE 5 END,
             n.position, n.id"
    )))
    .bind(campaign_id)
    .bind(year)
    .fetch_all(&mut *conn)
    .await?;
    rows.into_iter()
        .map(|row| {
            let card = row.card.into_card()?;
            Ok(CarryRow {
                id: card.id,
                version: card.version,
                name: card.nominee_name,
                unit_name: card.unit_name,
                bloc_name: card.bloc_name,
                kind: card.kind,
                stage: card.stage,
                carried_to: row.carried_to,
            })
        })
        .collect()
}

/// A place below the last card of a column of a campaign year.
pub async fn bottom_of(
    conn: &mut Conn,
    (campaign_id, year): (i64, i32),
    stage: Stage,
) -> DbResult<Position> {
    let last: Option<String> = sqlx::query_scalar(
        "SELECT position FROM nominations WHERE campaign_id = $1 AND year = $2 AND stage = $3
         ORDER BY position DESC, id DESC LIMIT 1",
    )
    .bind(campaign_id)
    .bind(year)
    .bind(stage.code())
    .fetch_optional(&mut *conn)
    .await?;
    Ok(match last.map(Position::try_from) {
        Some(Ok(p)) => p.after(),
        _ => Position::first(),
    })
}

/// Copies card `from` into `year` at `stage`, with `profile` (its C-C4 link moved on):
/// the dossier, the evidence and the fostering plan with its approval, and those of its
/// activities that are undated or dated in `year` (the ones dated in an earlier year are
/// that year's record and stay with it). Returns the new card's id.
pub async fn copy_card(
    conn: &mut Conn,
    from: i64,
    (year, stage): (i32, Stage),
    profile: &Profile,
    position: &Position,
    by: &str,
    now: &str,
) -> DbResult<i64> {
    let profile = serde_json::to_string(profile)
        .map_err(|e| DbError::from(RepoError::Unavailable(e.to_string())))?;
    let id: i64 = sqlx::query_scalar(
        "INSERT INTO nominations (campaign_id, year, unit_id, kind, nominee_name, profile,
             description, replication_potential, stage, position, created_at, updated_at,
             updated_by, carried_from)
         SELECT campaign_id, $1, unit_id, kind, nominee_name, $2, description,
             replication_potential, $3, $4, $5, $5, $6, id
         FROM nominations WHERE id = $7 RETURNING id",
    )
    .bind(year)
    .bind(profile)
    .bind(stage.code())
    .bind(position.as_str())
    .bind(now)
    .bind(by)
    .bind(from)
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO nomination_evidence (nomination_id, criterion_code, evidence)
         SELECT $1, criterion_code, evidence FROM nomination_evidence WHERE nomination_id = $2",
    )
    .bind(id)
    .bind(from)
    .execute(&mut *conn)
    .await?;
    // The dossier's documents go on with it (the same files; removed ones stay behind).
    sqlx::query(
        "INSERT INTO nomination_documents (nomination_id, kind, title, file_name, file_type,
             size_bytes, sha256, meeting_date, meeting_result, uploaded_at, uploaded_by)
         SELECT $1, kind, title, file_name, file_type, size_bytes, sha256, meeting_date,
             meeting_result, uploaded_at, uploaded_by
         FROM nomination_documents WHERE nomination_id = $2 AND removed_at IS NULL
         ORDER BY id",
    )
    .bind(id)
    .bind(from)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO fostering_plans (nomination_id, fostering_leader_name,
             fostering_leader_position, publicity_leader_name, publicity_leader_position,
             replication_leader_name, replication_leader_position, version, updated_at,
             updated_by, approved_at, approved_by)
         SELECT $1, fostering_leader_name, fostering_leader_position, publicity_leader_name,
             publicity_leader_position, replication_leader_name, replication_leader_position,
             1, $2, $3, approved_at, approved_by
         FROM fostering_plans WHERE nomination_id = $4",
    )
    .bind(id)
    .bind(now)
    .bind(by)
    .bind(from)
    .execute(&mut *conn)
    .await?;
    sqlx::query(
        "INSERT INTO fostering_activities (nomination_id, ord, kind, title, date, status, outcome)
         SELECT $1, ord, kind, title, date, status, outcome
         FROM fostering_activities
         WHERE nomination_id = $2 AND (date IS NULL OR date >= $3)",
    )
    .bind(id)
    .bind(from)
    .bind(chrono::NaiveDate::from_ymd_opt(year, 1, 1))
    .execute(&mut *conn)
    .await?;
    Ok(id)
}
