//! The stored facts of an exemplar's year that rules and pages read: its fostering plan
//! (F-1), its periodic evaluations (E-1) and where it was replicated.

use super::Conn;
use crate::db::{DbError, DbResult};
use app::ports::RepoError;
use app::types::model::{EvaluationRecord, PlanRecord};
use chrono::NaiveDate;
use shared::domain::{
    Activity, ActivityKind, ActivityStatus, Evaluation, EvaluationPeriod, FosteringPlan, Leader,
    Profile, Rating, Replication, RequiredText, Stage,
};

/// C-C4: the stage of the collective nomination a unit head's nomination goes with — the
/// unit's own, of the same campaign year (None for any other nominee, or no such collective).
pub async fn linked_collective_stage(
    conn: &mut Conn,
    profile: &Profile,
    unit_id: i64,
    (campaign_id, year): (i64, i32),
) -> DbResult<Option<Stage>> {
    let Profile::Individual {
        collective_nomination: Some(collective),
        ..
    } = profile
    else {
        return Ok(None);
    };
    let stage: Option<String> = sqlx::query_scalar(
        "SELECT stage FROM nominations WHERE id = $1 AND unit_id = $2 AND kind = 'collective'
         AND campaign_id = $3 AND year = $4",
    )
    .bind(collective)
    .bind(unit_id)
    .bind(campaign_id)
    .bind(year)
    .fetch_optional(&mut *conn)
    .await?;
    Ok(stage.and_then(|s| Stage::from_code(&s)))
}

fn corrupt(id: i64, what: &str) -> DbError {
    RepoError::Unavailable(format!("nomination {id}: bad {what}")).into()
}

/// A stored leader: the schema keeps both parts non-empty.
fn leader(id: i64, name: String, position: String) -> DbResult<Option<Leader>> {
    match (RequiredText::stored(&name), RequiredText::stored(&position)) {
        (Some(name), Some(position)) => Ok(Some(Leader { name, position })),
        _ => Err(corrupt(id, "fostering leader")),
    }
}

#[derive(sqlx::FromRow)]
struct PlanRow {
    fostering_leader_name: String,
    fostering_leader_position: String,
    publicity_leader_name: String,
    publicity_leader_position: String,
    replication_leader_name: String,
    replication_leader_position: String,
    version: i64,
    updated_at: String,
    updated_by: String,
    approved_at: Option<String>,
    approved_by: Option<String>,
}

/// A nomination's fostering plan, if it has one.
pub async fn plan(conn: &mut Conn, id: i64) -> DbResult<Option<PlanRecord>> {
    let row: Option<PlanRow> = sqlx::query_as(
        "SELECT fostering_leader_name, fostering_leader_position, publicity_leader_name,
             publicity_leader_position, replication_leader_name, replication_leader_position,
             version, updated_at, updated_by, approved_at, approved_by
         FROM fostering_plans WHERE nomination_id = $1",
    )
    .bind(id)
    .fetch_optional(&mut *conn)
    .await?;
    let Some(row) = row else {
        return Ok(None);
    };
    let rows: Vec<(String, String, Option<NaiveDate>, String, String)> = sqlx::query_as(
        "SELECT kind, title, date, status, outcome FROM fostering_activities
         WHERE nomination_id = $1 ORDER BY ord",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let activities = rows
        .into_iter()
        .map(|(kind, title, date, status, outcome)| {
            Ok(Activity {
                kind: ActivityKind::from_code(&kind).ok_or_else(|| corrupt(id, "activity kind"))?,
                title: RequiredText::stored(&title).ok_or_else(|| corrupt(id, "activity title"))?,
                date,
                status: ActivityStatus::from_code(&status)
                    .ok_or_else(|| corrupt(id, "activity status"))?,
                outcome,
            })
        })
        .collect::<DbResult<Vec<_>>>()?;
    Ok(Some(PlanRecord {
        plan: FosteringPlan {
            fostering_leader: leader(id, row.fostering_leader_name, row.fostering_leader_position)?,
            publicity_leader: leader(id, row.publicity_leader_name, row.publicity_leader_position)?,
            replication_leader: leader(
                id,
                row.replication_leader_name,
                row.replication_leader_position,
            )?,
            activities,
        },
        version: row.version,
        updated_at: row.updated_at,
        updated_by: row.updated_by,
        approved_at: row.approved_at,
        approved_by: row.approved_by,
    }))
}

/// A nomination's periodic evaluations, in period order.
pub async fn evaluations(conn: &mut Conn, id: i64) -> DbResult<Vec<EvaluationRecord>> {
    #[allow(clippy::type_complexity)]
    let rows: Vec<(
        String,
        String,
        String,
        String,
        NaiveDate,
        Option<String>,
        String,
        String,
    )> = sqlx::query_as(
        "SELECT period, rating, achievements, evaluator, date, commendation, recorded_at,
                 recorded_by
             FROM evaluations WHERE nomination_id = $1",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    let mut out = rows
        .into_iter()
        .map(
            |(period, rating, achievements, evaluator, date, commendation, at, by)| {
                Ok(EvaluationRecord {
                    evaluation: Evaluation {
                        period: EvaluationPeriod::from_code(&period)
                            .ok_or_else(|| corrupt(id, "evaluation period"))?,
                        rating: Rating::from_code(&rating)
                            .ok_or_else(|| corrupt(id, "evaluation rating"))?,
                        achievements,
                        evaluator,
                        date,
                        commendation,
                    },
                    recorded_at: at,
                    recorded_by: by,
                })
            },
        )
        .collect::<DbResult<Vec<_>>>()?;
    out.sort_by_key(|e| e.evaluation.period);
    Ok(out)
}

/// Where a model was replicated, oldest first.
pub async fn replications(
    conn: &mut Conn,
    id: i64,
) -> DbResult<Vec<app::types::calendar::ReplicationRecord>> {
    let rows: Vec<(String, NaiveDate, String, String, String)> = sqlx::query_as(
        "SELECT adopter, date, result, recorded_at, recorded_by FROM replications
         WHERE nomination_id = $1 ORDER BY date, id",
    )
    .bind(id)
    .fetch_all(&mut *conn)
    .await?;
    Ok(rows
        .into_iter()
        .map(|(adopter, date, result, recorded_at, recorded_by)| {
            app::types::calendar::ReplicationRecord {
                replication: Replication {
                    adopter,
                    date,
                    result,
                },
                recorded_at,
                recorded_by,
            }
        })
        .collect())
}
