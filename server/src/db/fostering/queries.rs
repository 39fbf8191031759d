//! The SQL of the exemplar's year: fostering plans, evaluations, replications.

use super::super::Conn;
use crate::db::DbResult;
use shared::domain::{Evaluation, FosteringPlan, Leader, Replication};

/// Whether the nomination has a plan and, if so, when it was approved (None: not yet).
pub async fn plan_approval(conn: &mut Conn, id: i64) -> DbResult<Option<Option<String>>> {
    Ok(
        sqlx::query_scalar("SELECT approved_at FROM fostering_plans WHERE nomination_id = $1")
            .bind(id)
            .fetch_optional(&mut *conn)
            .await?,
    )
}

/// Makes or replaces the plan and its activities (an edit clears the approval); returns the
/// plan's new version.
pub async fn write_plan(
    conn: &mut Conn,
    id: i64,
    plan: &FosteringPlan,
    by: &str,
    now: &str,
) -> DbResult<i64> {
    let leader = |l: &Option<Leader>| {
        l.as_ref()
            .map(|l| (l.name.to_string(), l.position.to_string()))
            .unwrap_or_default()
    };
    let (f, p, r) = (
        leader(&plan.fostering_leader),
        leader(&plan.publicity_leader),
        leader(&plan.replication_leader),
    );
    let version: i64 = sqlx::query_scalar(
        "INSERT INTO fostering_plans (nomination_id, fostering_leader_name,
             fostering_leader_position, publicity_leader_name, publicity_leader_position,
             replication_leader_name, replication_leader_position, version, updated_at,
             updated_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, 1, $8, $9)
         ON CONFLICT (nomination_id) DO UPDATE SET
             fostering_leader_name = excluded.fostering_leader_name,
             fostering_leader_position = excluded.fostering_leader_position,
             publicity_leader_name = excluded.publicity_leader_name,
             publicity_leader_position = excluded.publicity_leader_position,
             replication_leader_name = excluded.replication_leader_name,
             replication_leader_position = excluded.replication_leader_position,
             version = fostering_plans.version + 1,
             updated_at = excluded.updated_at,
             updated_by = excluded.updated_by,
             approved_at = NULL,
             approved_by = NULL
         RETURNING version",
    )
    .bind(id)
    .bind(&f.0)
    .bind(&f.1)
    .bind(&p.0)
    .bind(&p.1)
    .bind(&r.0)
    .bind(&r.1)
    .bind(now)
    .bind(by)
    .fetch_one(&mut *conn)
    .await?;
    sqlx::query("DELETE FROM fostering_activities WHERE nomination_id = $1")
        .bind(id)
        .execute(&mut *conn)
        .await?;
    for (ord, a) in plan.activities.iter().enumerate() {
        sqlx::query(
            "INSERT INTO fostering_activities (nomination_id, ord, kind, title, date, status,
                 outcome)
             VALUES ($1, $2, $3, $4, $5, $6, $7)",
        )
        .bind(id)
        .bind(ord as i64)
        .bind(a.kind.code())
        .bind(a.title.as_str())
        .bind(a.date)
        .bind(a.status.code())
        .bind(&a.outcome)
        .execute(&mut *conn)
        .await?;
    }
    Ok(version)
}

/// Marks the plan approved; returns its new version.
pub async fn approve_plan(conn: &mut Conn, id: i64, by: &str, now: &str) -> DbResult<i64> {
    Ok(sqlx::query_scalar(
        "UPDATE fostering_plans SET approved_at = $1, approved_by = $2, version = version + 1,
             updated_at = $3, updated_by = $4
         WHERE nomination_id = $5 RETURNING version",
    )
    .bind(now)
    .bind(by)
    .bind(now)
    .bind(by)
    .bind(id)
    .fetch_one(&mut *conn)
    .await?)
}

pub async fn insert_evaluation(
    conn: &mut Conn,
    id: i64,
    evaluation: &Evaluation,
    by: &str,
    now: &str,
) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO evaluations (nomination_id, period, rating, achievements, evaluator, date,
             commendation, recorded_at, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6, $7, $8, $9)",
    )
    .bind(id)
    .bind(evaluation.period.code())
    .bind(evaluation.rating.code())
    .bind(&evaluation.achievements)
    .bind(&evaluation.evaluator)
    .bind(evaluation.date)
    .bind(&evaluation.commendation)
    .bind(now)
    .bind(by)
    .execute(&mut *conn)
    .await?;
    Ok(())
}

pub async fn insert_replication(
    conn: &mut Conn,
    id: i64,
    replication: &Replication,
    by: &str,
    now: &str,
) -> DbResult<()> {
    sqlx::query(
        "INSERT INTO replications (nomination_id, adopter, date, result, recorded_at, recorded_by)
         VALUES ($1, $2, $3, $4, $5, $6)",
    )
    .bind(id)
    .bind(&replication.adopter)
    .bind(replication.date)
    .bind(&replication.result)
    .bind(now)
    .bind(by)
    .execute(&mut *conn)
    .await?;
    Ok(())
}
